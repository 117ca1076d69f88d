import { execFileSync, spawn } from 'node:child_process';
import { promises as fsPromises, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputFormat, Writer } from '../../src/write/index.js';
import { writeOutputs, type PlannedOutput } from '../../src/write/output.js';
import { listFiles, REPO_ROOT, tempDir } from '../helpers/workspace.js';

/** Tells a person's edits by their text, as the real writers tell them by the fingerprint. */
const byText: Writer = {
  render: async () => new Uint8Array(),
  fingerprintState: (bytes) => (new TextDecoder().decode(bytes).startsWith('edited') ? 'edited' : 'unedited'),
};

function build(dir: string, version: string): PlannedOutput[] {
  return (['docx', 'md'] as const).map((format) => ({ format, path: path.join(dir, `2023-h1.${format}`), bytes: new TextEncoder().encode(`${version} ${format}`), writer: byText }));
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const pair = (dir: string) => [read(dir, '2023-h1.docx'), read(dir, '2023-h1.md')];

/** A folder holding the outputs of build v1. */
function previousBuild(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, '2023-h1.docx'), 'v1 docx');
  writeFileSync(path.join(dir, '2023-h1.md'), 'v1 md');
  return dir;
}

type FsCall = 'rename' | 'writeFile' | 'rm';

const busyError = () => Object.assign(new Error('EBUSY'), { code: 'EBUSY' });

/**
 * Runs writeOutputs up to the first call of fs.promises[name] that `when` picks, and leaves it there
 * for ever: the files on disk are then those a process killed at that moment leaves. Calls that
 * `busy` picks fail as on a file held open in Word.
 */
async function killedAt(
  name: FsCall,
  when: (...args: string[]) => boolean,
  outputs: PlannedOutput[],
  options: { force?: boolean; busy?: (...args: string[]) => boolean } = {},
): Promise<void> {
  const original = fsPromises[name].bind(fsPromises) as (...args: unknown[]) => Promise<void>;
  let reached!: () => void;
  const frozen = new Promise<void>((resolve) => (reached = resolve));
  const spy = vi.spyOn(fsPromises, name).mockImplementation(async (...args: unknown[]) => {
    const names = args.map(String);
    if (options.busy?.(...names)) throw busyError();
    if (!when(...names)) return original(...args);
    reached();
    return new Promise<void>(() => {});
  });
  void writeOutputs(outputs, { force: options.force ?? false });
  await frozen;
  spy.mockRestore();
}

const recovered = (dir: string) => ({ code: 'output-recovered', severity: 'warning', params: { path: path.join(dir, '2023-h1.docx') } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeOutputs finishes what a killed build left: both outputs from one build, no hidden file', () => {
  it('rolls forward a build killed between the two renames', async () => {
    const dir = previousBuild();
    await killedAt('rename', (_from, to) => to.endsWith('2023-h1.md'), build(dir, 'v2'));
    // The docx is from v2 and the md from v1: what the next build must not leave so.
    expect(pair(dir)).toEqual(['v2 docx', 'v1 md']);
    expect(listFiles(dir).filter((f) => f.startsWith('.'))).not.toEqual([]);
    const result = await writeOutputs(build(dir, 'v2'));
    expect(result.diagnostics).toEqual([recovered(dir)]);
    expect(result.written.map((w) => w.status)).toEqual(['unchanged', 'unchanged']);
    expect(pair(dir)).toEqual(['v2 docx', 'v2 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('rolls forward a build killed after its commit marker, before the first rename', async () => {
    const dir = previousBuild();
    await killedAt('rename', (_from, to) => to.endsWith('2023-h1.docx'), build(dir, 'v2'));
    expect(pair(dir)).toEqual(['v1 docx', 'v1 md']);
    const result = await writeOutputs(build(dir, 'v3'));
    expect(result.diagnostics).toEqual([recovered(dir)]);
    // v2 was completed, then v3 written over it.
    expect(result.written.map((w) => w.status)).toEqual(['written', 'written']);
    expect(pair(dir)).toEqual(['v3 docx', 'v3 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('only removes the new files of a build killed before its commit marker, without a warning', async () => {
    const dir = previousBuild();
    await killedAt('writeFile', (file) => file.endsWith('.commit'), build(dir, 'v2'));
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(2);
    const result = await writeOutputs(build(dir, 'v1'));
    expect(result).toEqual({ written: build(dir, 'v1').map(({ format, path: file }) => ({ format, path: file, status: 'unchanged' })), diagnostics: [] });
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('removes a commit marker cut short while it was written, and the new files with it', async () => {
    const dir = previousBuild();
    const token = '0123456789ab';
    writeFileSync(path.join(dir, `.2023-h1.docx.${token}.tmp`), 'v2 docx');
    writeFileSync(path.join(dir, `.2023-h1.md.${token}.tmp`), 'v2 md');
    writeFileSync(path.join(dir, `.2023-h1.docx.${token}.old`), 'v1 docx');
    writeFileSync(path.join(dir, `.2023-h1.${token}.commit`), '{"outputs":[{"name":"2023-h1.d');
    const result = await writeOutputs(build(dir, 'v1'));
    expect(result.diagnostics).toEqual([]);
    expect(pair(dir)).toEqual(['v1 docx', 'v1 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('clears the .old names and the marker of a build killed after both renames', async () => {
    const dir = previousBuild();
    await killedAt('rm', (file) => file.endsWith('.old'), build(dir, 'v2'));
    expect(pair(dir)).toEqual(['v2 docx', 'v2 md']);
    expect(listFiles(dir).some((f) => f.endsWith('.commit'))).toBe(true);
    const result = await writeOutputs(build(dir, 'v2'));
    expect(result.diagnostics).toEqual([recovered(dir)]);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('finishes putting back the outputs of a build killed while it rolled back a failed rename', async () => {
    const dir = previousBuild();
    await killedAt('rename', (from) => from.endsWith('.old'), build(dir, 'v2'), { busy: (_from, to) => to.endsWith('2023-h1.md') });
    expect(pair(dir)).toEqual(['v2 docx', 'v1 md']);
    expect(listFiles(dir).some((f) => f.endsWith('.abort'))).toBe(true);
    // The md was held open: the interrupted v2 is undone, not redone.
    const result = await writeOutputs(build(dir, 'v1'));
    expect(result.diagnostics).toEqual([recovered(dir)]);
    expect(pair(dir)).toEqual(['v1 docx', 'v1 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('keeps an output a person edited after the kill, and refuses to overwrite it', async () => {
    const dir = previousBuild();
    await killedAt('rename', (_from, to) => to.endsWith('2023-h1.md'), build(dir, 'v2'));
    // Saved in place, as many editors do: the hidden second name of the md (a hard link) changes too.
    writeFileSync(path.join(dir, '2023-h1.md'), 'edited md');
    const result = await writeOutputs(build(dir, 'v3'));
    expect(result.diagnostics).toEqual([recovered(dir), { code: 'output-edited', severity: 'error', params: { path: path.join(dir, '2023-h1.md') } }]);
    expect(pair(dir)).toEqual(['v2 docx', 'edited md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('completes a forced build killed before it replaced the edited file, whose backup is kept', async () => {
    const dir = previousBuild();
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx');
    await killedAt('rename', (_from, to) => to.endsWith('2023-h1.docx'), build(dir, 'v2'), { force: true });
    // Without --force this time: the person's file was already safe in its backup.
    const result = await writeOutputs(build(dir, 'v2'));
    expect(result.diagnostics).toEqual([recovered(dir)]);
    expect(pair(dir)).toEqual(['v2 docx', 'v2 md']);
    const backups = listFiles(dir).filter((f) => /^2023-h1\.edited-\d{8}-\d{6}\.docx$/.test(f));
    expect(backups.map((f) => read(dir, f))).toEqual(['edited docx']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', backups[0], '2023-h1.md']);
  });

  it('writes nothing while an interrupted build cannot be undone, and says where the previous file is', async () => {
    const dir = previousBuild();
    const original = fsPromises.rename.bind(fsPromises);
    const heldOpen = (pattern: RegExp) => async (from: unknown, to: unknown) => (pattern.test(`${String(from)} -> ${String(to)}`) ? Promise.reject(busyError()) : original(from as string, to as string));
    // Word holds the md, then the docx: the docx cannot be put back after the md failed.
    const busy = vi.spyOn(fsPromises, 'rename').mockImplementation(heldOpen(/-> .*2023-h1\.md$|2023-h1\.docx\.\w+\.old ->/));
    expect((await writeOutputs(build(dir, 'v2'))).diagnostics.map((d) => d.code)).toEqual(['output-restore-failed']);
    expect(pair(dir)).toEqual(['v2 docx', 'v1 md']);
    busy.mockImplementation(heldOpen(/2023-h1\.docx\.\w+\.old ->/));
    const again = await writeOutputs(build(dir, 'v3'));
    const old = listFiles(dir).find((f) => f.startsWith('.2023-h1.docx.') && f.endsWith('.old'))!;
    expect(again).toEqual({
      written: [],
      diagnostics: [{ code: 'output-recovery-failed', severity: 'error', params: { path: path.join(dir, '2023-h1.docx'), backup: path.join(dir, old), detail: 'EBUSY' } }],
    });
    expect(read(dir, old)).toBe('v1 docx');
    busy.mockRestore();
    // Once the file is free, the next build puts it back first, then writes.
    const freed = await writeOutputs(build(dir, 'v3'));
    expect(freed.diagnostics).toEqual([recovered(dir)]);
    expect(pair(dir)).toEqual(['v3 docx', 'v3 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('does not put back a docx a person edited after the build was killed while rolling back', async () => {
    const dir = previousBuild();
    await killedAt('rename', (from) => from.endsWith('.old'), build(dir, 'v2'), { busy: (_from, to) => to.endsWith('2023-h1.md') });
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx');
    const result = await writeOutputs(build(dir, 'v1'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['output-recovered', 'output-edited']);
    expect(pair(dir)).toEqual(['edited docx', 'v1 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('finishes an interrupted build of both outputs when only the md is built next', async () => {
    const dir = previousBuild();
    await killedAt('rename', (_from, to) => to.endsWith('2023-h1.docx'), build(dir, 'v2'));
    const result = await writeOutputs(build(dir, 'v2').filter((output) => output.format === 'md'));
    expect(result.diagnostics).toEqual([recovered(dir)]);
    expect(result.written.map((w) => [w.format, w.status])).toEqual([['md', 'unchanged']]);
    expect(pair(dir)).toEqual(['v2 docx', 'v2 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('neither reads (and hangs on) nor follows a pipe named like a commit marker, and builds', async () => {
    const dir = previousBuild();
    execFileSync('mkfifo', [path.join(dir, '.2023-h1.0123456789ab.commit')]);
    const result = await writeOutputs(build(dir, 'v2'));
    expect(result.diagnostics).toEqual([]);
    expect(pair(dir)).toEqual(['v2 docx', 'v2 md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('leaves the files of another report\'s interrupted build alone', async () => {
    const dir = previousBuild();
    const other = '.2023-h2.docx.0123456789ab.tmp';
    writeFileSync(path.join(dir, other), 'h2 docx');
    expect((await writeOutputs(build(dir, 'v1'))).diagnostics).toEqual([]);
    expect(listFiles(dir)).toEqual([other, '2023-h1.docx', '2023-h1.md']);
  });
});

/** The bytes of version k of an output: big enough that a write takes a while, and each version distinct.
 * The child process runs this same function (its source is copied into the child's script). */
const version = (format: OutputFormat, k: number): Uint8Array => new TextEncoder().encode(`${format} version ${k}\n` + `第${k}版内容。`.repeat(8000));

/** The version an output's bytes are, undefined when they are none of them whole (a partial file). */
function versionOf(file: string, format: OutputFormat): number | undefined {
  const bytes = readFileSync(file);
  const k = Number(/^\w+ version (\d+)\n/.exec(bytes.subarray(0, 40).toString('utf8'))?.[1]);
  return Number.isInteger(k) && Buffer.from(version(format, k)).equals(bytes) ? k : undefined;
}

/**
 * A process that builds versions first, first + 1, … of a report's two outputs for ever, printing a
 * line and pausing a little before each file operation, so that the parent can kill it between any two.
 */
const CHILD_SCRIPT = `
import { promises as fs } from 'node:fs';
const [moduleUrl, dir, first] = process.argv.slice(2);
const version = ${version.toString()};
for (const name of ['writeFile', 'link', 'rename', 'rm']) {
  const original = fs[name].bind(fs);
  fs[name] = async (...args) => {
    process.stdout.write(name + '\\n');
    await new Promise((resolve) => setTimeout(resolve, 2));
    return original(...args);
  };
}
const { writeOutputs } = await import(moduleUrl);
const ours = { render: async () => new Uint8Array(), fingerprintState: () => 'unedited' };
for (let k = Number(first); ; k++) {
  const outputs = ['docx', 'md'].map((format) => ({ format, path: dir + '/2023-h1.' + format, bytes: version(format, k), writer: ours }));
  const result = await writeOutputs(outputs);
  if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(JSON.stringify(result.diagnostics));
}
`;

interface Killed {
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the child and kills it with SIGKILL after `steps` file operations. */
function killAfter(script: string, dir: string, first: number, steps: number): Promise<Killed> {
  // The compiled module, as a user runs it: `npx tsc -p tsconfig.build.json` first.
  const moduleUrl = pathToFileURL(path.join(REPO_ROOT, 'dist', 'write', 'output.js')).href;
  const child = spawn(process.execPath, [script, moduleUrl, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString().split('\n').length - 1;
    if (seen >= steps) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (_code, signal) => resolve({ signal, stderr })));
}

describe('writeOutputs under a real kill -9', () => {
  it('leaves every output whole, and the next call makes the pair consistent with no hidden file left', async () => {
    const dir = tempDir();
    const script = path.join(tempDir(), 'child.mjs');
    writeFileSync(script, CHILD_SCRIPT);
    const ours: Writer = { render: async () => new Uint8Array(), fingerprintState: () => 'unedited' };
    const outputs = (k: number): PlannedOutput[] => (['docx', 'md'] as const).map((format) => ({ format, path: path.join(dir, `2023-h1.${format}`), bytes: version(format, k), writer: ours }));
    await writeOutputs(outputs(0));
    // A writer that calls every file edited: the call after a kill only finishes what was left, and
    // refuses to write, so that what it left can be seen.
    const refusing = outputs(-1).map((output): PlannedOutput => ({ ...output, writer: { ...ours, fingerprintState: () => 'edited' } }));
    let finished = 0;
    for (let round = 1; round <= 12; round++) {
      // At a random moment, spread over the first few builds of the child: each round a little later.
      const killed = await killAfter(script, dir, round * 1000, round * 3 - Math.floor(Math.random() * 3));
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const docx = versionOf(path.join(dir, '2023-h1.docx'), 'docx');
      const md = versionOf(path.join(dir, '2023-h1.md'), 'md');
      expect([docx, md]).not.toContain(undefined);
      const result = await writeOutputs(refusing);
      expect(result.diagnostics.map((d) => d.code).filter((code) => code !== 'output-recovered')).toEqual(['output-edited', 'output-edited']);
      if (result.diagnostics.some((d) => d.code === 'output-recovered')) finished++;
      expect(versionOf(path.join(dir, '2023-h1.md'), 'md')).toBe(versionOf(path.join(dir, '2023-h1.docx'), 'docx'));
      expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
    }
    // Some kills fell inside a transaction (half the file operations do): the test saw recovery work.
    expect(finished).toBeGreaterThan(0);
  }, 20_000);
});
