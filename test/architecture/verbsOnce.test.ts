/**
 * A card verb is written once: its string stands in `CARD_VERBS` and nowhere else in `src/` or `cards/`; templates
 * name it by its key (`@CARD_VERBS.saveTags`), filled in when the template is prepared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_CARD_VERBS, CARD_VERBS } from '../../src/cards/cardActions';
import { withVerbs } from '../../src/cards/cardTemplate';

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

  it.each(ALL_CARD_VERBS.map((verb) => [verb]))('%s is written once in src/ and cards/', (verb) => {
    const places = texts.flatMap(({ file, text }) => Array.from({ length: occurrencesOf(verb, text) }, () => file));
    expect(places).toHaveLength(1);
  });

  it('templates name verbs by their key, filled in when prepared', () => {
    expect(withVerbs({ actions: [{ type: 'Action.Execute', verb: '@CARD_VERBS.saveTags', data: { verb: 'kept as data' } }] })).toEqual({
      actions: [{ type: 'Action.Execute', verb: CARD_VERBS.saveTags, data: { verb: 'kept as data' } }],
    });
  });

  it.each([['a literal verb', CARD_VERBS.saveTags], ['an unknown key', '@CARD_VERBS.saveEverything'], ['an inherited key', '@CARD_VERBS.toString']])(
    'a template with %s is refused when prepared',
    (_case, verb) => {
      expect(() => withVerbs({ actions: [{ type: 'Action.Execute', verb }] })).toThrow('write @CARD_VERBS.<key>');
    },
  );
});
