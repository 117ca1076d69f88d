import { execFileSync } from 'node:child_process';
import { lstatSync, promises as fsPromises, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputFormat, Writer } from '../../src/write/index.js';
import { writeOutputs, type PlannedOutput } from '../../src/write/output.js';
import { listFiles, tempDir } from '../helpers/workspace.js';

/** A writer whose files are all its own, unedited: only I/O decides what happens. */
const ownFiles: Writer = { render: async () => new Uint8Array(), fingerprintState: () => 'unedited' };

/** A writer that tells files as the real ones do: a person's edits and strangers' files by their text. */
const byText: Writer = {
  render: async () => new Uint8Array(),
  fingerprintState: (bytes) => {
    const text = new TextDecoder().decode(bytes);
    return text.startsWith('edited') ? 'edited' : text.startsWith('foreign') ? 'foreign' : 'unedited';
  },
};

function planned(dir: string, format: OutputFormat, text: string, writer: Writer = ownFiles): PlannedOutput {
  return { format, path: path.join(dir, `2023-h1.${format}`), bytes: new TextEncoder().encode(text), writer };
}

/** A folder holding the outputs of a previous build. */
function previousBuild(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, '2023-h1.docx'), 'old docx');
  writeFileSync(path.join(dir, '2023-h1.md'), 'old md');
  return dir;
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

/** Makes fs.promises[name] fail with `code` for the calls that `when` picks. */
function failing(name: 'rename' | 'writeFile', code: string, when: (...args: string[]) => boolean) {
  const original = fsPromises[name].bind(fsPromises) as (...args: unknown[]) => Promise<void>;
  return vi.spyOn(fsPromises, name).mockImplementation(async (...args: unknown[]) => {
    if (when(...(args.map(String) as string[]))) throw Object.assign(new Error(code), { code });
    return original(...args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('writeOutputs: a report\'s outputs are replaced all together or not at all', () => {
  it('replaces both outputs of a report', async () => {
    const dir = previousBuild();
    const result = await writeOutputs([planned(dir, 'docx', 'new docx'), planned(dir, 'md', 'new md')]);
    expect(result.diagnostics).toEqual([]);
    expect(result.written.map((w) => w.status)).toEqual(['written', 'written']);
    expect([read(dir, '2023-h1.docx'), read(dir, '2023-h1.md')]).toEqual(['new docx', 'new md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('puts the docx back when the md cannot be replaced (held open: EBUSY), and says so', async () => {
    const dir = previousBuild();
    failing('rename', 'EBUSY', (_from, to) => to.endsWith('2023-h1.md'));
    const result = await writeOutputs([planned(dir, 'docx', 'new docx'), planned(dir, 'md', 'new md')]);
    expect(result.written).toEqual([]);
    expect(result.diagnostics).toEqual([{ code: 'output-busy', severity: 'error', params: { path: path.join(dir, '2023-h1.md'), detail: 'EBUSY' } }]);
    expect([read(dir, '2023-h1.docx'), read(dir, '2023-h1.md')]).toEqual(['old docx', 'old md']);
    // No temporary or kept copy is left behind.
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('removes a docx it created when the md cannot be replaced', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2023-h1.md'), 'old md');
    failing('rename', 'EPERM', (_from, to) => to.endsWith('2023-h1.md'));
    const result = await writeOutputs([planned(dir, 'docx', 'new docx'), planned(dir, 'md', 'new md')]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['output-busy']);
    expect(listFiles(dir)).toEqual(['2023-h1.md']);
  });

  it('replaces nothing when the disk fills while the new files are written (ENOSPC)', async () => {
    const dir = previousBuild();
    failing('writeFile', 'ENOSPC', (file) => file.includes('2023-h1.md'));
    const result = await writeOutputs([planned(dir, 'docx', 'new docx'), planned(dir, 'md', 'new md')]);
    expect(result.diagnostics).toEqual([{ code: 'output-write-failed', severity: 'error', params: { path: path.join(dir, '2023-h1.md'), detail: 'ENOSPC' } }]);
    expect([read(dir, '2023-h1.docx'), read(dir, '2023-h1.md')]).toEqual(['old docx', 'old md']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('says which file holds the previous content when putting it back fails too', async () => {
    const dir = previousBuild();
    failing('rename', 'EBUSY', (from, to) => to.endsWith('2023-h1.md') || from.endsWith('.old'));
    const result = await writeOutputs([planned(dir, 'docx', 'new docx'), planned(dir, 'md', 'new md')]);
    // Not "none of this report's outputs was changed": one was, and the message says which.
    expect(result.diagnostics.map((d) => d.code)).toEqual(['output-restore-failed']);
    expect(result.diagnostics[0]!.params).toMatchObject({ path: path.join(dir, '2023-h1.md'), restored: path.join(dir, '2023-h1.docx'), detail: 'EBUSY' });
    const backup = String(result.diagnostics[0]!.params.backup);
    expect(readFileSync(backup, 'utf8')).toBe('old docx');
    // What was changed is reported as written, so that nobody is told nothing was.
    expect(result.written.map((w) => [w.format, w.status])).toEqual([['docx', 'written']]);
    expect(read(dir, '2023-h1.md')).toBe('old md');
  });

  it('never replaces a FIFO at an output path, not even with force, and never reads (and hangs on) it', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, '2023-h1.md');
    execFileSync('mkfifo', [fifo]);
    for (const force of [false, true]) {
      const result = await writeOutputs([planned(dir, 'docx', 'new docx'), planned(dir, 'md', 'new md')], { force });
      expect(result).toEqual({ written: [], diagnostics: [{ code: 'output-not-a-file', severity: 'error', params: { path: fifo } }] });
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(listFiles(dir)).toEqual([]);
  });
});

describe('writeOutputs --force: a person\'s file is replaced, and kept beside it', () => {
  /** The build's local time, pinned: backups are named after it. */
  function buildTime(): void {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 29, 7, 6, 41));
  }

  const both = (dir: string, version: string) => [planned(dir, 'docx', `${version} docx`, byText), planned(dir, 'md', `${version} md`, byText)];

  it('keeps an edited file and a file it did not write as dated backups, and says where', async () => {
    buildTime();
    const dir = tempDir();
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx');
    writeFileSync(path.join(dir, '2023-h1.md'), 'foreign md');
    const result = await writeOutputs(both(dir, 'new'), { force: true });
    expect(result).toEqual({
      written: [
        { format: 'docx', path: path.join(dir, '2023-h1.docx'), status: 'written', backup: path.join(dir, '2023-h1.edited-20261129-070641.docx') },
        { format: 'md', path: path.join(dir, '2023-h1.md'), status: 'written', backup: path.join(dir, '2023-h1.edited-20261129-070641.md') },
      ],
      diagnostics: [],
    });
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.edited-20261129-070641.docx', '2023-h1.edited-20261129-070641.md', '2023-h1.md']);
    expect([read(dir, '2023-h1.edited-20261129-070641.docx'), read(dir, '2023-h1.edited-20261129-070641.md')]).toEqual(['edited docx', 'foreign md']);
    expect([read(dir, '2023-h1.docx'), read(dir, '2023-h1.md')]).toEqual(['new docx', 'new md']);
  });

  it('gives two forced builds in the same second two backups, overwriting neither', async () => {
    buildTime();
    const dir = tempDir();
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx, first');
    await writeOutputs([planned(dir, 'docx', 'new docx', byText)], { force: true });
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx, second');
    const second = await writeOutputs([planned(dir, 'docx', 'newer docx', byText)], { force: true });
    expect(second.written[0]!.backup).toBe(path.join(dir, '2023-h1.edited-20261129-070641-2.docx'));
    expect(read(dir, '2023-h1.edited-20261129-070641.docx')).toBe('edited docx, first');
    expect(read(dir, '2023-h1.edited-20261129-070641-2.docx')).toBe('edited docx, second');
    expect(read(dir, '2023-h1.docx')).toBe('newer docx');
  });

  it('makes no backup of an unedited output of its own', async () => {
    const dir = previousBuild();
    const result = await writeOutputs(both(dir, 'new'), { force: true });
    expect(result.written).toEqual([
      { format: 'docx', path: path.join(dir, '2023-h1.docx'), status: 'written' },
      { format: 'md', path: path.join(dir, '2023-h1.md'), status: 'written' },
    ]);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('without force, refuses an edited file and makes no backup', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx');
    const result = await writeOutputs(both(dir, 'new'));
    expect(result.diagnostics).toEqual([{ code: 'output-edited', severity: 'error', params: { path: path.join(dir, '2023-h1.docx') } }]);
    expect(listFiles(dir)).toEqual(['2023-h1.docx']);
  });

  it('puts the edited files back, and leaves no backup, when the md cannot be replaced', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2023-h1.docx'), 'edited docx');
    writeFileSync(path.join(dir, '2023-h1.md'), 'edited md');
    failing('rename', 'EBUSY', (_from, to) => to.endsWith('2023-h1.md'));
    const result = await writeOutputs(both(dir, 'new'), { force: true });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['output-busy']);
    expect(listFiles(dir)).toEqual(['2023-h1.docx', '2023-h1.md']);
    expect([read(dir, '2023-h1.docx'), read(dir, '2023-h1.md')]).toEqual(['edited docx', 'edited md']);
  });
});
