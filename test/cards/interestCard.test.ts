import { parseCardAction, CARD_VERBS } from '../../src/app/cardActionRoutes';
import { renderInterestCard } from '../../src/features/interests/cards/interestCard';
import { actionsOf, actionTitled, invokeValueFor, textBlocksOf, textsOf } from './cardInspection';
import { inferred, OWNER_ID, syncedFromUpa, USER_BINDING, userCreated } from './fixtures';
import { SOURCE_TEXT, textFor } from '../../src/i18n/text';

type Fact = { title: string; value: string };

function factsOf(card: ReturnType<typeof renderInterestCard>): Record<string, string> {
  const factSet = card.body.find((element) => (element as { type: string }).type === 'FactSet') as { facts: Fact[] };
  return Object.fromEntries(factSet.facts.map((fact) => [fact.title, fact.value]));
}

const titles = (card: ReturnType<typeof renderInterestCard>): string[] => actionsOf(card).map((action) => String(action['title']));

describe('renderInterestCard', () => {
  test('shows a user-created interest with labelled tag badges, audience, link and dates', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Chess', 'Club player, happy to talk openings.\nRated 1800.', 'Ask me about', 'Can mentor']));
    expect(factsOf(card)).toEqual({
      Categories: 'Games and Strategy',
      'Visible to': 'My organization',
      Link: 'https://lichess.org/@/example',
      'Last changed': 'Oct 2, 2024',
      Added: 'Sep 19, 2024',
      Origin: 'Added by you',
    });
    expect(titles(card)).toEqual(['Open link', 'Edit', 'Tag', 'Delete', 'Back to list']);
    expect(actionTitled(card, 'Open link')['url']).toBe('https://lichess.org/@/example');
  });

  test('writes its dates in the locale and time zone of the reader', () => {
    const lateInUtc = { ...userCreated, createdDateTime: '2024-09-19T23:30:00Z', lastModifiedDateTime: '2024-10-02T02:00:00Z' };
    const [lastChanged, added] = ['Last changed', 'Added'].map((title) => factsOf(renderInterestCard(SOURCE_TEXT, { interest: lateInUtc, ownerId: OWNER_ID }))[title]);
    expect([lastChanged, added]).toEqual(['Oct 2, 2024', 'Sep 19, 2024']);
    // Tokyo is already on the next day; New York still on the day before.
    const card = (text: ReturnType<typeof textFor>) => JSON.stringify(renderInterestCard(text, { interest: lateInUtc, ownerId: OWNER_ID }));
    expect(card(textFor('en-US', 'Asia/Tokyo'))).toContain('"value":"Sep 20, 2024"');
    expect(card(textFor('en-US', 'America/New_York'))).toContain('"value":"Oct 1, 2024"');
    expect(card(textFor('en-GB', 'UTC'))).toContain(`"value":"${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2024-09-19T12:00:00Z'))}"`);
  });

  test('shows a synced item with placeholder dates as "unknown date" and names its source', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: syncedFromUpa, ownerId: OWNER_ID });
    const facts = factsOf(card);
    expect(facts['Added']).toBe('unknown date');
    expect(facts['Last changed']).toBe('unknown date');
    expect(facts['Origin']).toBe('Synced from your SharePoint profile');
    expect(facts['Categories']).toBe('None');
    expect(facts['Visible to']).toBe('My organization');
    expect(facts).not.toHaveProperty('Link');
    expect(JSON.stringify(card)).not.toMatch(/\b1 Jan 1\b|0001/);
    expect(titles(card)).toEqual(['Edit', 'Tag', 'Delete', 'Back to list']);
  });

  test('offers Confirm and Remove for an unconfirmed suggestion, with its confidence', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: inferred, ownerId: OWNER_ID });
    expect(textsOf(card)).toContain('Suggested for you — 72% confidence');
    expect(titles(card)).toEqual(['Confirm', 'Remove', 'Edit', 'Tag', 'Back to list']);
    const confirm = parseCardAction(invokeValueFor(card, actionTitled(card, 'Confirm')));
    // The score the card shows travels with Confirm, so the PATCH keeps it.
    expect(confirm).toEqual({ ok: true, value: { verb: CARD_VERBS.confirmInference, ownerId: OWNER_ID, interestId: inferred.id, confidenceScore: 0.72 } });
    const remove = parseCardAction(invokeValueFor(card, actionTitled(card, 'Remove')));
    expect(remove.ok && remove.value.verb).toBe(CARD_VERBS.deleteInterest);
  });

  test('treats a confirmed suggestion as an ordinary interest', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: { ...inferred, inference: { confidenceScore: 0.72, userHasVerifiedAccuracy: true } }, ownerId: OWNER_ID });
    expect(textsOf(card).some((text) => text.startsWith('Suggested for you'))).toBe(false);
    expect(titles(card)).toEqual(['Edit', 'Tag', 'Delete', 'Back to list']);
  });

  test('puts the notice first', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID, notice: 'Saved.' });
    expect(textBlocksOf(card)[0]?.['text']).toBe('Saved.');
    expect(textsOf(renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID }))).not.toContain('Saved.');
  });

  test.each(['javascript:alert(1)', 'ftp://files.example/x', 'data:text/html,<b>x</b>', 'https://user:pw@example.com'])(
    'shows %s as escaped text without an Open link button',
    (webUrl) => {
      const card = renderInterestCard(SOURCE_TEXT, { interest: { ...userCreated, webUrl }, ownerId: OWNER_ID });
      expect(actionsOf(card).some((action) => action['type'] === 'Action.OpenUrl')).toBe(false);
      expect(factsOf(card)['Link']).toBeDefined();
    },
  );

  test('shows user Markdown and bindings literally', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: { ...userCreated, displayName: `**bold** ${USER_BINDING}`, description: '[x](https://evil.example)' }, ownerId: OWNER_ID });
    expect(textsOf(card)).toEqual(expect.arrayContaining([`\\*\\*bold\\*\\* ${USER_BINDING}`, '\\[x\\](https://evil.example)']));
  });

  test('does not evaluate template expressions found in user data', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: { ...userCreated, displayName: '${$root.ownerId}', description: "${if(true, 'a', 'b')}" }, ownerId: OWNER_ID });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['${$root.ownerId}', "${if(true, 'a', 'b')}"]));
    expect(textsOf(card)).not.toContain(OWNER_ID);
  });

  test('shows each known tag once and ignores unknown ones', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: { ...userCreated, collaborationTags: ['wantsToLearn', 'bogus', 'wantsToLearn', 'askMeAbout'] }, ownerId: OWNER_ID });
    const badges = textBlocksOf(card).filter((block) => block['size'] === 'small' && block['weight'] === 'bolder').map((block) => block['text']);
    expect(badges).toEqual(['Ask me about', 'Wants to learn']);
  });

  describe('an interest opened again', () => {
    test('gives the same card as the first time, whatever was done to that one', () => {
      const first = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
      const expected = structuredClone(first);
      Object.assign(first.body[0] as object, { text: 'changed' });
      first.actions?.splice(0);
      first.body.length = 0;
      expect(renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID })).toEqual(expected);
    });

    test('shows what changed since', () => {
      renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
      const changed = { ...userCreated, description: 'Openings and endgames.', lastModifiedDateTime: '2031-01-01T00:00:00Z' };
      expect(textsOf(renderInterestCard(SOURCE_TEXT, { interest: changed, ownerId: OWNER_ID }))).toContain('Openings and endgames.');
    });

    test('never hands one owner a card made for another', () => {
      renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
      const other = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: 'someone-else' });
      const edit = parseCardAction(invokeValueFor(other, actionTitled(other, 'Edit')));
      expect(edit.ok && edit.value.ownerId).toBe('someone-else');
    });
  });
});
