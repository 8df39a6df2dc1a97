/**
 * What people type, in their own language, over real HTTP: commands, yes/no/skip, tag and audience names, and the
 * topics of "who can help". Every German word is read from `CATALOGS.de` when the test runs, never written here, so
 * the same assertions hold whatever the translator writes; `typedWordsTestCatalog.test.ts` runs them with a German
 * test catalog through the same code path, this suite's other caller with the shipped one. Assertions that need a
 * German word to differ from every English one run only when it does (a catalog still being translated is a copy).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { mintDevToken } from '../../src/auth/devToken';
import type { InterestDraft } from '../../src/domain/personInterest';
import { createGraphInterestsClient } from '../../src/graph/interestsClient';
import { CATALOGS } from '../../src/i18n/catalogs';
import { textFor } from '../../src/i18n/text';
import { alternativesIn, typedKey, typedWordsFrom, type TypedWordsKey } from '../../src/i18n/typedWords';
import { silentLogger } from '../../src/logger';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { ALEX, BOT, cardsIn, cardText, startBotHarness, textsIn, type BotHarness, type Exchange } from '../support/botHarness';

const GERMAN = 'de-DE';
const ENGLISH = 'en-US';
const GROUP = { id: '19:typed-words@thread.v2', conversationType: 'groupChat', isGroup: true } as const;

/** The word shown for `key` in German (its first alternative), as the translator wrote it. */
const germanWord = (key: TypedWordsKey): string => alternativesIn(CATALOGS.de, key)[0] ?? '';
/** Whether `word` means something else, or nothing, in English: only then can a test tell the languages apart. */
const notEnglish = (word: string, ...keys: TypedWordsKey[]): boolean => !keys.some((key) => typedWordsFrom([CATALOGS.en], key).includes(typedKey(word)));
const allCommandKeys = Object.keys(CATALOGS.en).filter((key): key is TypedWordsKey => key.startsWith('words.command.'));

const itWhen = (condition: boolean): jest.It => (condition ? it : it.skip);

const draft = (displayName: string, collaborationTags: InterestDraft['collaborationTags']): InterestDraft => ({
  displayName,
  description: null,
  categories: [],
  collaborationTags,
  allowedAudiences: 'organization',
  webUrl: null,
});

export function describeTypedWords(title: string): void {
  describe(title, () => {
    let dataDir: string;
    let service: RunningProfileService;
    let harness: BotHarness;
    const german = textFor(GERMAN);

    beforeAll(async () => {
      dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'typed-words-'));
      service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId] } });
      harness = await startBotHarness({ service, connector: true });
      const client = createGraphInterestsClient({ graphBaseUrl: service.graphBaseUrl, timeoutMs: 5000, maxRetries: 0, maxRetryWaitSeconds: 1, logger: silentLogger });
      const people = [
        { name: 'Ken Sato', interests: [draft('機械学習入門', ['ableToMentor'])] },
        { name: 'Yui Kato', interests: [draft('かっこう', ['askMeAbout'])] },
        { name: 'Max Mentor', interests: [draft('Mentors', ['ableToMentor'])] },
      ];
      const members = [];
      for (const person of people) {
        const oid = randomUUID();
        const upn = `${person.name.split(' ')[0]!.toLowerCase()}@contoso.example`;
        await client.createInterests(async () => mintDevToken({ oid, name: person.name, upn }), person.interests);
        members.push({ id: `29:${oid}`, name: person.name, aadObjectId: oid, userPrincipalName: upn });
      }
      harness.connector.setMembers(GROUP.id, [{ id: BOT.id, name: BOT.name }, { id: ALEX.id, name: ALEX.name, aadObjectId: ALEX.aadObjectId }, ...members]);
    }, 60_000);
    afterAll(async () => {
      await harness.close();
      await service.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    });
    beforeEach(() => service.stats.reset());

    const say = (text: string, locale: string): Promise<Exchange> => harness.send({ type: 'message', text, locale });
    const ask = (topic: string, locale: string): Promise<Exchange> =>
      harness.send({ type: 'message', text: `<at>${BOT.name}</at> who can help with ${topic}`, conversation: GROUP, locale });
    const listed = (exchange: Exchange): boolean => service.stats.snapshot().byRoute['GET interests'] === 1 && cardText(cardsIn(exchange)[0]).includes('Machine learning');
    const names = (): string[] => service.store.listInterests(ALEX.aadObjectId).map((interest) => interest.displayName ?? '');

    it.each(['list', 'my interests', 'help', 'cancel'])('understands the English %j under de-DE', async (typed) => {
      const exchange = await say(typed, GERMAN);
      expect(textsIn(exchange)).not.toContain(german.t('session.notUnderstood'));
      if (typed === 'list' || typed === 'my interests') expect(listed(exchange)).toBe(true);
    });

    it('understands the German list word under de-DE', async () => {
      expect(listed(await say(germanWord('words.command.list'), GERMAN))).toBe(true);
    });

    itWhen(notEnglish(germanWord('words.command.list'), ...allCommandKeys))('does not understand the German list word under en-US', async () => {
      const exchange = await say(germanWord('words.command.list'), ENGLISH);
      expect(textsIn(exchange)).toContain(textFor(ENGLISH).t('session.notUnderstood'));
      expect(service.stats.snapshot().total).toBe(0);
    });

    it('shows the German command words in the help card', async () => {
      const text = cardText(cardsIn(await say('help', GERMAN))[0]);
      for (const key of ['words.command.list', 'words.command.add', 'words.command.whoCanHelp', 'words.command.signOut'] as const) expect(text).toContain(`**${germanWord(key)}`);
    });

    it('adds an interest answered in German: skip, a tag name, an audience name and yes', async () => {
      const tag = german.t('collaborationTag.ableToMentor');
      const audience = german.t('audience.everyone');
      await say('add', GERMAN);
      await say('Schach im Park', GERMAN);
      await say(germanWord('words.answer.skip'), GERMAN);
      await say(germanWord('words.answer.skip'), GERMAN);
      // An unknown tag is refused with the tag names of the reader's language.
      const refusal = await say('jonglieren', GERMAN);
      const refused = [...textsIn(refusal), ...cardsIn(refusal).map(cardText)].join(' ');
      const tagNames = ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'].map((id) => german.t(`collaborationTag.${id}` as 'collaborationTag.askMeAbout'));
      // Offered as the language lists choices ("A, B, C oder D").
      expect(refused).toContain(german.t('validation.tags.unknown', { choices: german.orList(tagNames) }));
      await say(tag.toUpperCase(), GERMAN);
      await say(audience, GERMAN);
      await say(germanWord('words.answer.skip'), GERMAN);
      await say(germanWord('words.answer.yes'), GERMAN);
      const added = service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.displayName === 'Schach im Park');
      expect(added?.collaborationTags).toEqual(['ableToMentor']);
      expect(added?.allowedAudiences).toBe('everyone');
      expect(added?.description ?? null).toBeNull();
    });

    it('creates nothing when the confirmation is answered with the German no', async () => {
      await say('add', GERMAN);
      await say('Go im Park', GERMAN);
      for (let step = 0; step < 5; step++) await say(germanWord('words.answer.skip'), GERMAN);
      await say(germanWord('words.answer.no'), GERMAN);
      expect(names()).not.toContain('Go im Park');
      expect(textsIn(await say('cancel', GERMAN))).toEqual([german.t('session.nothingToCancel')]);
    });

    it('keeps the duplicate rule whatever the language: "Schach im Park" again is the same name, "Schäch im Park" is another', async () => {
      const again = await say('add schach  IM park', GERMAN);
      expect(JSON.stringify(again.activities)).toContain('Schach im Park');
      await say('cancel', GERMAN);
      const before = names().length;
      await say('add Schäch im Park', GERMAN);
      for (let step = 0; step < 5; step++) await say(germanWord('words.answer.skip'), GERMAN);
      await say(germanWord('words.answer.yes'), GERMAN);
      expect(names()).toHaveLength(before + 1);
      expect(names()).toContain('Schäch im Park');
    });

    it('takes the options of the already-taken question as the German card names them, or in English, and refuses naming them in German', async () => {
      const [tag, edit, rename] = (['addDialog.duplicate.tag', 'addDialog.duplicate.edit', 'addDialog.duplicate.rename'] as const).map((key) => german.t(key));
      const asksName = (exchange: Exchange): string => [...textsIn(exchange), ...cardsIn(exchange).map(cardText)].join(' ');
      await say('add Schach im Park', GERMAN);
      const refused = asksName(await say('jonglieren', GERMAN));
      expect(refused).toContain(german.t('addDialog.duplicate.reason', { tag: tag ?? '', edit: edit ?? '', rename: rename ?? '' }));
      expect(asksName(await say(` ${(rename ?? '').toUpperCase()} `, GERMAN))).toContain(german.t('addDialog.askName'));
      await say('cancel', GERMAN);
      await say('add Schach im Park', GERMAN);
      expect(asksName(await say('Pick another name', GERMAN))).toContain(german.t('addDialog.askName'));
      await say('cancel', GERMAN);
    });

    it('splits an unspaced Japanese topic into words', async () => {
      const text = cardText(cardsIn(await ask('機械学習', 'ja-JP'))[0]);
      expect(text).toContain('Ken Sato');
    });

    it('keeps kana voicing marks: が is not か', async () => {
      const exchange = await ask('がっこう', 'ja-JP');
      expect(cardsIn(exchange)).toHaveLength(0);
      expect(textsIn(exchange).join(' ')).not.toContain('Yui Kato');
      expect(cardText(cardsIn(await ask('かっこう', 'ja-JP'))[0])).toContain('Yui Kato');
    });

    it('forgives English plurals only for an English reader', async () => {
      expect(cardText(cardsIn(await ask('mentor', ENGLISH))[0])).toContain('Max Mentor');
      const german = await ask('mentor', GERMAN);
      expect(cardsIn(german)).toHaveLength(0);
      expect(cardText(cardsIn(await ask('mentors', GERMAN))[0])).toContain('Max Mentor');
    });
  });
}
