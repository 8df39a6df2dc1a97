/**
 * A card verb is written once: its string stands in its feature's declaration (`defineCardAction` in
 * `src/features/<feature>/cardActions.ts`, or the choice answer's in `src/conversation/dialogs`) and nowhere else in
 * `src/` or `cards/`; templates name the action (`@ACTION.saveTags`), given to them by their card module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_CARD_VERBS, CARD_VERBS } from '../../src/app/cardActionRoutes';
import { withVerbs } from '../../src/cards/cardTemplate';
import { SAVE_TAGS } from '../../src/features/interests/cardActions';

const ROOT = path.join(__dirname, '..', '..');

function filesUnder(dir: string, extension: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, extension);
    return entry.name.endsWith(extension) ? [full] : [];
  });
}

/** The verb as a whole token: `interest.save` does not count inside `interest.saveTags`. */
const occurrencesOf = (verb: string, text: string): number => text.split(new RegExp(`(?<![\\w.])${verb.replace('.', '\\.')}(?![\\w])`)).length - 1;

describe('card verbs', () => {
  const texts = [...filesUnder(path.join(ROOT, 'src'), '.ts'), ...filesUnder(path.join(ROOT, 'cards'), '.json')].map((file) => ({
    file: path.relative(ROOT, file),
    text: fs.readFileSync(file, 'utf8'),
  }));

  it.each(ALL_CARD_VERBS.map((verb) => [verb]))('%s is written once in src/ and cards/, in a feature\'s declaration', (verb) => {
    const places = texts.flatMap(({ file, text }) => Array.from({ length: occurrencesOf(verb, text) }, () => file));
    expect(places).toHaveLength(1);
    // Found from its name: `interest.*` in the interests feature, `addMany.*` in the bulk add, `choice.*` with the dialogs.
    expect(places[0]).toMatch(/^src\/(features\/\w+\/cardActions\.ts|conversation\/dialogs\/choiceAnswerAction\.ts)$/);
  });

  it('templates name the actions their card module gives them, filled in when prepared', () => {
    expect(withVerbs({ actions: [{ type: 'Action.Execute', verb: '@ACTION.saveTags', data: { verb: 'kept as data' } }] }, { saveTags: SAVE_TAGS })).toEqual({
      actions: [{ type: 'Action.Execute', verb: CARD_VERBS.saveTags, data: { verb: 'kept as data' } }],
    });
  });

  it.each([
    ['a literal verb', CARD_VERBS.saveTags],
    ['an action its card module did not give it', '@ACTION.saveEverything'],
    ['an inherited name', '@ACTION.toString'],
    ['the old key form', '@CARD_VERBS.saveTags'],
  ])('a template with %s is refused when prepared', (_case, verb) => {
    expect(() => withVerbs({ actions: [{ type: 'Action.Execute', verb }] }, { saveTags: SAVE_TAGS })).toThrow('write @ACTION.<name>');
  });
});
