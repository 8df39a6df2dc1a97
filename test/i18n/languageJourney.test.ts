/**
 * Each shipped language end to end, over HTTP: a user whose Teams speaks it gets the welcome, help, lists of every
 * plural size, an interest card with dates in their locale and zone, the add dialog (a refused answer included),
 * tag, edit, delete and undo, bulk add and "who can help" in that language. Nothing shown is a catalog key, and
 * nothing shown is English source text (what the user typed and stored aside). The pseudo-locale goes the same way
 * and proves every word shown came through a catalog.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import type { MessageKey } from '../../src/i18n/catalog';
import { CATALOGS } from '../../src/i18n/catalogs';
import { en } from '../../src/i18n/catalogs/en';
import { PSEUDO_LANGUAGE, SHIPPED_LANGUAGES, type Language } from '../../src/i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';
import { textFor } from '../../src/i18n/text';
import { ALEX, BOT, cardsIn, executeActionsOf, startBotHarness, type BotHarness, type Exchange, type User } from '../support/botHarness';
import { shownIn, visibleTexts } from '../support/visibleTexts';

const TIME_ZONE = 'Asia/Tokyo';
const LOCALE_OF: Readonly<Record<Language, string>> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-MX',
  ja: 'ja-JP',
  'pt-BR': 'pt-BR',
  'zh-CN': 'zh-CN',
  [PSEUDO_LANGUAGE]: PSEUDO_LANGUAGE,
};

/** The literal words of a message (placeholders out), each stretch as written. */
function literalStretches(elements: readonly MessageFormatElement[], found: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) found.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) Object.values(element.options).forEach((option) => literalStretches(option.value, found));
  }
  return found;
}

const stretchesOf = (message: string): string[] => literalStretches(parse(message, { ignoreTag: true })).map((stretch) => stretch.trim());

/**
 * English phrases that would show an untranslated message: stretches of English source text of two words or more
 * and 12 characters or more, unless the language's own catalog writes the same stretch (a brand name, say).
 */
function englishPhrasesFor(language: Language): string[] {
  if (language === 'en' || language === PSEUDO_LANGUAGE) return [];
  const own = Object.values(CATALOGS[language]).flatMap(stretchesOf).join('\n');
  const keys = (Object.keys(en) as MessageKey[]).filter((key) => !key.startsWith('words.'));
  return [...new Set(keys.flatMap((key) => stretchesOf(en[key])))].filter((stretch) => stretch.length >= 12 && /\p{L}{2,}\s+\p{L}{2,}/u.test(stretch) && !own.includes(stretch));
}

const LANGUAGES: readonly Language[] = [...SHIPPED_LANGUAGES.filter((language) => language !== 'en'), PSEUDO_LANGUAGE];

describe.each(LANGUAGES.map((language) => [language]))('a user whose Teams speaks %s', (language) => {
  const locale = LOCALE_OF[language];
  const text = textFor(locale, TIME_ZONE);
  const clientInfo = { type: 'clientInfo', locale, timezone: TIME_ZONE, country: 'XX', platform: 'Web' };
  let harness: BotHarness;
  /** Everything the bot showed in this language, with where it was shown. */
  const shown: { where: string; text: string }[] = [];
  const typed: string[] = [];

  const record = (where: string, exchange: Exchange): Exchange => {
    for (const line of shownIn(exchange)) shown.push({ where, text: line });
    return exchange;
  };
  const say = async (said: string, from: User = ALEX): Promise<Exchange> => {
    typed.push(said);
    return record(`"${said}"`, await harness.say(said, { from, entities: [clientInfo] }));
  };
  const act = async (verb: string, data: Record<string, unknown>, from: User = ALEX): Promise<Record<string, unknown>> => {
    const answer = await harness.act(verb, data, { from });
    expect(answer.status).toBe(200);
    record(verb, answer.exchange);
    const body = answer.body as { value?: unknown };
    for (const line of visibleTexts(body.value)) shown.push({ where: verb, text: line });
    return body.value as Record<string, unknown>;
  };
  const actionOn = (card: unknown, verb: string) => {
    const found = executeActionsOf(card).find((action) => action.verb === verb);
    if (!found) throw new Error(`no ${verb} on ${JSON.stringify(card).slice(0, 300)}`);
    return found;
  };

  beforeAll(async () => {
    // As Teams does, every activity carries the client's locale and time zone, card actions included.
    harness = await startBotHarness({ defaults: { from: ALEX, recipient: BOT, conversation: { id: `a:${language}`, conversationType: 'personal' }, locale, entities: [clientInfo] } });
  });
  afterAll(async () => harness.close());

  it('welcomes and helps in that language', async () => {
    record('install', await harness.send({ type: 'conversationUpdate', membersAdded: [BOT], entities: [clientInfo] }));
    const help = await say('help');
    expect(cardsIn(help)).toHaveLength(1);
  });

  it.each([0, 1, 2, 5, 21])('counts a list of %i interests the way the language does', async (count) => {
    const user: User = { id: `29:count-${count}-${language}`, aadObjectId: `aad-count-${count}-${language}`, name: 'Megan Bowen' };
    for (let index = 0; index < count; index++) {
      await harness.service.store.putInterest(user.aadObjectId!, { id: `count-${count}-${index}`, displayName: `Topic ${index}`, allowedAudiences: 'organization' });
    }
    const [card] = cardsIn(await say('list', user));
    const summary = count === 0 ? text.t('list.empty.own') : count > 10 ? text.t('list.summary.page', { first: 1, last: 10, total: count }) : text.t('list.summary.count', { count });
    expect(visibleTexts(card)).toContain(summary);
  });

  it('opens an interest card with its dates in the user’s locale and time zone', async () => {
    const [interest] = harness.service.store.listInterests(ALEX.aadObjectId).filter((item) => item.createdDateTime && !item.createdDateTime.startsWith('0001'));
    const card = await act(CARD_VERBS.openInterest, { ownerId: ALEX.aadObjectId, interestId: interest!.id });
    expect(visibleTexts(card).join('\n')).toContain(text.date(new Date(interest!.createdDateTime!)));
  });

  it('adds through the dialog, refusing a bad link in that language', async () => {
    await say('add Orienteering');
    for (const answer of ['skip', 'skip', 'skip', 'skip']) await say(answer);
    const refused = await say('not a link');
    expect(shownIn(refused).join('\n')).toContain(text.t('validation.link.spaces'));
    const [summary] = cardsIn(await say('skip'));
    await act(CARD_VERBS.confirmAdd, actionOn(summary, CARD_VERBS.confirmAdd).data);
    expect(harness.service.store.listInterests(ALEX.aadObjectId).some((item) => item.displayName === 'Orienteering')).toBe(true);
  });

  it('tags, edits, deletes and undoes in that language', async () => {
    const interest = harness.service.store.listInterests(ALEX.aadObjectId).find((item) => item.displayName === 'Orienteering')!;
    const on = { ownerId: ALEX.aadObjectId, interestId: interest.id };
    const tagCard = await act(CARD_VERBS.tagInterest, on);
    await act(CARD_VERBS.saveTags, { ...actionOn(tagCard, CARD_VERBS.saveTags).data, collaborationTags: 'askMeAbout' });
    const editCard = await act(CARD_VERBS.editInterest, on);
    await act(CARD_VERBS.saveInterest, { ...actionOn(editCard, CARD_VERBS.saveInterest).data, description: 'Maps and compasses' });
    const confirm = await act(CARD_VERBS.deleteInterest, on);
    const deleted = await act(CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete).data);
    await act(CARD_VERBS.undoDelete, actionOn(deleted, CARD_VERBS.undoDelete).data);
    expect(harness.service.store.listInterests(ALEX.aadObjectId).filter((item) => item.displayName === 'Orienteering')).toHaveLength(1);
  });

  it('adds several at once and says who can help in that language', async () => {
    const [bulk] = cardsIn(await say('add Chess; Go; Hiking'));
    const create = actionOn(bulk, CARD_VERBS.create);
    const names = create.data['names'] as string[];
    await act(CARD_VERBS.create, { ...create.data, ...Object.fromEntries(names.map((_name, index) => [`pick${index}`, 'true'])), bulkTags: '', bulkAudience: 'organization' });
    await say('who can help with Kubernetes');
  });

  it('showed no catalog key and no English source text', () => {
    expect(shown.length).toBeGreaterThan(40);
    const keys = new Set(Object.keys(en));
    expect(shown.filter(({ text: line }) => keys.has(line.trim()) || line.includes('@TEXT.'))).toEqual([]);
    const english = englishPhrasesFor(language);
    expect(shown.flatMap(({ where, text: line }) => english.filter((phrase) => line.includes(phrase)).map((phrase) => `${where}: ${phrase}`))).toEqual([]);
  });

  if (language === PSEUDO_LANGUAGE) {
    it('showed nothing that did not come through a catalog, user data aside', () => {
      const stored = harness.service.store.listInterests(ALEX.aadObjectId).flatMap((item) => [item.displayName ?? '', item.description ?? '', ...(item.categories ?? []), item.webUrl ?? '']);
      const dates = harness.service.store.listInterests(ALEX.aadObjectId).flatMap((item) => [item.createdDateTime, item.lastModifiedDateTime].filter((date): date is string => !!date).map((date) => text.date(new Date(date))));
      // The link field's example (`https://…`) reads the same in every language.
    const data = [...stored, ...dates, ...typed, 'Alex Wilber', 'Megan Bowen', 'Kubernetes', 'Topic', 'https://…'].filter((word) => word.trim() !== '').sort((a, b) => b.length - a.length);
      const unmarked = shown.filter(({ text: line }) => {
        if (line.includes(PSEUDO_OPEN) && line.includes(PSEUDO_CLOSE)) return false;
        const rest = data.reduce((left, word) => left.split(word).join(' '), line.replace(/\\/g, ''));
        return /\p{L}{2,}/u.test(rest.replace(/\b\d+\b/g, ''));
      });
      expect(unmarked).toEqual([]);
    });
  }
});
