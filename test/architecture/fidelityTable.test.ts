/**
 * docs/fidelity.md lists every behaviour of Teams, Graph, Entra and Azure storage the product relies on, with the
 * test that pins the product to it. This keeps the table honest: every row is filled, says how sure it is, and
 * every test it cites exists, as `file › title` (or `file › describe › … › title`), with the title found as the
 * first argument of a `describe`/`it`/`test` call in that file (`.each`, `.only`, `.skip` included; an `.each`
 * title is cited as its template, `%s` and all), each title nested inside the one cited before it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const TABLE_FILE = path.join(ROOT, 'docs', 'fidelity.md');
const SURENESS = ['documented', 'observed in an SDK', 'assumed'] as const;
const SEPARATOR = ' › ';

/** One titled `describe`/`it`/`test` block and the titled blocks inside it. */
interface TitledBlock {
  readonly title: string;
  readonly children: TitledBlock[];
}

const TEST_FUNCTIONS: ReadonlySet<string> = new Set(['describe', 'it', 'test']);

/** `describe`, `it` or `test` behind `x.each(...)`, `x.only`, `x.skip.each(...)` and the like; otherwise undefined. */
function testFunctionOf(callee: ts.Expression): string | undefined {
  let expression: ts.Expression = callee;
  for (;;) {
    if (ts.isIdentifier(expression)) return TEST_FUNCTIONS.has(expression.text) ? expression.text : undefined;
    if (ts.isPropertyAccessExpression(expression) || ts.isCallExpression(expression)) expression = expression.expression;
    else if (ts.isTaggedTemplateExpression(expression)) expression = expression.tag;
    else return undefined;
  }
}

/** The titled blocks of a test source, as a tree. A title built with `${…}` cannot be cited and is left out. */
export function titledBlocksOf(source: string, fileName = 'test.ts'): TitledBlock[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node, into: TitledBlock[]): void => {
    if (ts.isCallExpression(node) && testFunctionOf(node.expression) !== undefined) {
      const [first, ...rest] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        const block: TitledBlock = { title: first.text, children: [] };
        into.push(block);
        rest.forEach((argument) => visit(argument, block.children));
        visit(node.expression, into);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, into));
  };
  const blocks: TitledBlock[] = [];
  visit(file, blocks);
  return blocks;
}

/** Whether `titles` is a chain of blocks, each found somewhere inside the one before (the first anywhere). */
export function holdsChain(blocks: readonly TitledBlock[], titles: readonly string[]): boolean {
  const [first, ...rest] = titles;
  if (first === undefined) return true;
  return blocks.some((block) => (block.title === first && holdsChain(block.children, rest)) || holdsChain(block.children, titles));
}

/** The cells of a Markdown table row; `\|` stays inside a cell. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

interface FidelityTable {
  readonly header: string[];
  readonly rows: string[][];
}

/** The one table of the page: the header row naming a "Test" column, the separator, then its rows. */
export function readFidelityTable(markdown: string): FidelityTable {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|') && cellsOf(line).includes('Test'));
  if (start < 0) throw new Error('docs/fidelity.md has no table with a "Test" column.');
  const header = cellsOf(lines[start] ?? '');
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cellsOf(line));
  }
  return { header, rows };
}

interface TestReference {
  readonly file: string;
  readonly titles: string[];
}

/** A test cell's references: `` `file` › title ``, several separated by `<br>`; undefined for one that is not. */
export function referencesIn(cell: string): (TestReference | undefined)[] {
  return cell.split('<br>').map((reference) => {
    const [file, ...titles] = reference.trim().split(SEPARATOR);
    const fileMatch = /^`([^`]+)`$/.exec(file ?? '');
    if (!fileMatch?.[1] || titles.length === 0 || titles.some((title) => title === '')) return undefined;
    return { file: fileMatch[1], titles };
  });
}

/** Why a reference does not hold, or undefined when its file exists and holds the chain of titles. */
function problemWith(reference: TestReference, blocksByFile: Map<string, TitledBlock[] | undefined>): string | undefined {
  if (!blocksByFile.has(reference.file)) {
    const full = path.join(ROOT, reference.file);
    blocksByFile.set(reference.file, fs.existsSync(full) ? titledBlocksOf(fs.readFileSync(full, 'utf8'), full) : undefined);
  }
  const blocks = blocksByFile.get(reference.file);
  if (!blocks) return `${reference.file} does not exist`;
  return holdsChain(blocks, reference.titles) ? undefined : `${reference.file} has no test titled ${reference.titles.map((title) => JSON.stringify(title)).join(SEPARATOR)}`;
}

describe('the fidelity table (docs/fidelity.md)', () => {
  const { header, rows } = readFidelityTable(fs.readFileSync(TABLE_FILE, 'utf8'));
  const column = (name: string): number => header.indexOf(name);
  const rowId = (row: readonly string[]): string => row[0] ?? '?';

  it('has a row per behaviour, each with every cell filled', () => {
    expect(header).toEqual(['#', 'Behaviour the product relies on', 'Source', 'How sure', 'What the product does', 'Stand-in', 'Test', 'Check on a real tenant']);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const badRows = rows.filter((row) => row.length !== header.length || row.some((cell) => cell === '')).map(rowId);
    expect(badRows).toEqual([]);
    const ids = rows.map(rowId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says how sure each row is: documented, observed in an SDK or assumed', () => {
    const sure = column('How sure');
    const unsure = rows.filter((row) => !SURENESS.some((word) => (row[sure] ?? '').startsWith(word))).map(rowId);
    expect(unsure).toEqual([]);
  });

  it('cites in every test cell tests that exist, as file › exact title', () => {
    const test = column('Test');
    const blocksByFile = new Map<string, TitledBlock[] | undefined>();
    const problems = rows.flatMap((row) =>
      referencesIn(row[test] ?? '').flatMap((reference) => {
        if (!reference) return [`${rowId(row)}: a test reference is not \`file\` › title`];
        const problem = problemWith(reference, blocksByFile);
        return problem ? [`${rowId(row)}: ${problem}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe('the title finder of the fidelity check', () => {
  const source = `
    describe('outer', () => {
      it('plain', () => undefined);
      it.each([[1]])('each %s', () => undefined);
      describe.each([['a']])('inner %s', () => {
        test.only('deep', () => undefined);
      });
      it(\`built \${'x'}\`, () => undefined);
      expect('not a title').toBe('not a title');
    });
    it.skip('top', () => undefined);
  `;
  const blocks = titledBlocksOf(source);

  it('finds titles of it, test and describe, with .each, .only and .skip, nested as written', () => {
    expect(holdsChain(blocks, ['outer', 'plain'])).toBe(true);
    expect(holdsChain(blocks, ['each %s'])).toBe(true);
    expect(holdsChain(blocks, ['outer', 'inner %s', 'deep'])).toBe(true);
    expect(holdsChain(blocks, ['outer', 'deep'])).toBe(true);
    expect(holdsChain(blocks, ['top'])).toBe(true);
  });

  it('finds no title that differs, is not a test call, is built at run time, or sits outside the cited describe', () => {
    expect(holdsChain(blocks, ['plain '])).toBe(false);
    expect(holdsChain(blocks, ['not a title'])).toBe(false);
    expect(holdsChain(blocks, ['built x'])).toBe(false);
    expect(holdsChain(blocks, ['inner %s', 'plain'])).toBe(false);
    expect(holdsChain(blocks, ['top', 'plain'])).toBe(false);
  });

  it('reads a test cell as references and refuses one without a file in backticks', () => {
    expect(referencesIn('`a.test.ts` › one<br>`b.test.ts` › outer › two')).toEqual([
      { file: 'a.test.ts', titles: ['one'] },
      { file: 'b.test.ts', titles: ['outer', 'two'] },
    ]);
    expect(referencesIn('a.test.ts › one')).toEqual([undefined]);
    expect(referencesIn('`a.test.ts`')).toEqual([undefined]);
  });
});
