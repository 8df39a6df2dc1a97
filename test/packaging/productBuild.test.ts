/**
 * The product ships alone: the production build compiles only `src/` (and the card templates it imports), and the
 * container image is built from that build on a supported Node.js LTS, with no tool or test code in it.
 * Docker cannot run here, so the Dockerfile is checked statically.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface Stage {
  readonly from: string;
  readonly name: string;
  readonly instructions: readonly string[];
}

function readDockerStages(): Stage[] {
  const lines = fs
    .readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ from: from[1] ?? '', name: from[2] ?? '', instructions: [] });
    else (stages.at(-1)?.instructions as string[] | undefined)?.push(line);
  }
  return stages;
}

/** Node.js release lines that are LTS and supported on or after December 2026 (22 until April 2027, 24 until April 2028). */
const SUPPORTED_LTS_MAJORS = [22, 24];

describe('the production build', () => {
  it('compiles only src/ and the card templates', () => {
    const listed = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--listFilesOnly'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const ownFiles = listed
      .split('\n')
      .map((file) => file.trim())
      .filter((file) => file && !file.includes('/node_modules/'))
      .map((file) => path.relative(ROOT, file));
    expect(ownFiles.length).toBeGreaterThan(50);
    expect(ownFiles.filter((file) => !file.startsWith('src/') && !file.startsWith('cards/'))).toEqual([]);
  });
});

describe('the Dockerfile', () => {
  const stages = readDockerStages();
  const runtime = stages.at(-1);

  it('builds and runs on a supported Node.js LTS', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const major = /^node:(\d+)[.-]/.exec(stage.from)?.[1];
      expect(SUPPORTED_LTS_MAJORS).toContain(Number(major));
    }
  });

  it('compiles with the production build from the product sources only', () => {
    const build = stages.find((stage) => stage.name === 'build');
    const copied = build?.instructions.filter((line) => /^COPY\s/i.test(line)).map((line) => line.split(/\s+/).slice(1, -1).join(' '));
    expect(copied).toEqual(['package.json package-lock.json', 'tsconfig.json tsconfig.build.json', 'src', 'cards']);
    expect(build?.instructions).toContain('RUN npm run build');
  });

  it('ships only the compiled product, the sign-in page scripts and production dependencies', () => {
    const copies = runtime?.instructions.filter((line) => /^COPY\s/i.test(line));
    expect(copies).toEqual(['COPY package.json package-lock.json ./', 'COPY --from=build /app/dist ./dist', 'COPY public ./public']);
    expect(runtime?.instructions.some((line) => /npm ci --omit=dev/.test(line))).toBe(true);
    expect(runtime?.instructions.at(-1)).toBe('CMD ["node", "dist/src/index.js"]');
  });

  it('is what package.json builds and starts', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };
    expect(manifest.scripts.build).toBe('tsc -p tsconfig.build.json');
    expect(manifest.scripts.start).toBe('node dist/src/index.js');
    // Development keeps working on Node 20.19+, while the image uses a newer LTS.
    expect(manifest.engines.node).toBe('>=20.19');
  });
});
