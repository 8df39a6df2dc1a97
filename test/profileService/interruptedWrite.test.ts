import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { AtomicJsonFile } from '../../profileService/atomicJsonFile';

/**
 * A process killed in the middle of writing the data file must leave the previous file whole. The kill is real:
 * a child process writes a snapshot larger than its file-size limit (`ulimit -f`), and the kernel stops it with
 * SIGXFSZ part-way through the write.
 */
describe('profile service data file', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'atomic-json-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('keeps the previous contents intact when a write is interrupted', async () => {
    const filePath = path.join(directory, 'profile-interests.json');
    const previous = { users: { alex: [{ id: '1', displayName: 'Chess' }] } };
    await new AtomicJsonFile(filePath, () => previous).save();
    const before = await readFile(filePath, 'utf8');

    // The module as the child runs it: plain JavaScript, compiled from the source under test.
    const source = await readFile(path.join(__dirname, '../../profileService/atomicJsonFile.ts'), 'utf8');
    const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const modulePath = path.join(directory, 'atomicJsonFile.js');
    await writeFile(modulePath, compiled);
    const script = `
      const { AtomicJsonFile } = require(${JSON.stringify(modulePath)});
      const big = { users: { alex: Array.from({ length: 20000 }, (_, i) => ({ id: String(i), displayName: 'x'.repeat(100) })) } };
      new AtomicJsonFile(${JSON.stringify(filePath)}, () => big).save().then(() => process.exit(0), () => process.exit(3));
    `;
    // 64 blocks of 512 bytes: far below the 2 MB snapshot, far above the previous file.
    const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn('bash', ['-c', `ulimit -f 64; exec "${process.execPath}" -e "$0"`, script], { stdio: 'ignore' });
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    expect(outcome.code === 0).toBe(false);

    expect(await readFile(filePath, 'utf8')).toBe(before);
    expect(await AtomicJsonFile.read(filePath)).toEqual(previous);
  });
});
