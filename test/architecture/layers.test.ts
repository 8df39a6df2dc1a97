/**
 * The shape of `src/`: every import (type-only ones included, since they tie modules together as much for a
 * reader) points at a module of the same layer or a lower one, and no chain of imports comes back to where it
 * started. Layers, lowest first, are in `LAYERS`; a file in no listed folder is refused, so a new folder is placed
 * on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Folders (and top-level files) of `src/`, lowest layer first; one layer may import only from its own or lower ones. */
export const LAYERS: readonly (readonly string[])[] = [
  ['domain', 'i18n', 'logger.ts'],
  ['graph', 'storage', 'errors', 'config.ts'],
  ['auth', 'cards'],
  ['conversation'],
  ['features'],
  ['edge'],
  ['app', 'app.ts', 'index.ts', 'processSignals.ts'],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The `src/` modules a file imports, type-only imports and re-exports included. */
export function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolveModule(path.resolve(path.dirname(file), specifier)))
    .filter((resolved): resolved is string => resolved !== undefined && resolved.startsWith(SRC + path.sep));
}

function resolveModule(base: string): string | undefined {
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

export function layerOf(file: string): number {
  const [top] = path.relative(SRC, file).split(path.sep);
  const layer = LAYERS.findIndex((names) => names.includes(top ?? ''));
  if (layer < 0) throw new Error(`${path.relative(SRC, file)} is in no layer: add its folder to LAYERS`);
  return layer;
}

/** Every cycle of the import graph, each once, as the files around it (strongly connected components over one file). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

export function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, importsOf(file)]));
}

const relative = (file: string): string => path.relative(SRC, file).split(path.sep).join('/');

describe('the layers of src/', () => {
  const files = sourceFiles(SRC);
  const graph = importGraph(files);

  it('has no import cycle, type-only imports included', () => {
    expect(cyclesOf(graph).map((cycle) => cycle.map(relative))).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.filter((imported) => layerOf(imported) > layerOf(file)).map((imported) => `${relative(file)} → ${relative(imported)}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps each folder above the cards under a fifth of src/', () => {
    const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').length;
    const total = files.reduce((sum, file) => sum + lines(file), 0);
    const byFolder = new Map<string, number>();
    for (const file of files) {
      const parts = relative(file).split('/');
      if (!['conversation', 'features', 'edge', 'app'].includes(parts[0]!) || parts.length < 2) continue;
      const folder = parts[0] === 'features' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
      byFolder.set(folder, (byFolder.get(folder) ?? 0) + lines(file));
    }
    const tooLarge = [...byFolder].filter(([, count]) => count / total >= 0.2).map(([folder, count]) => `${folder}: ${((100 * count) / total).toFixed(1)} %`);
    expect(tooLarge).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a two-file cycle and a three-file cycle, and nothing in a chain', () => {
    const graph = new Map<string, string[]>([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['g']],
      ['g', []],
    ]);
    expect(cyclesOf(graph)).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });
});
