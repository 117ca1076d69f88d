import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFormat, Writer } from './index.js';

export interface PlannedOutput {
  format: OutputFormat;
  path: string;
  bytes: Uint8Array;
  writer: Writer;
}

export type OutputStatus = 'written' | 'unchanged';

export interface WrittenOutput {
  format: OutputFormat;
  path: string;
  status: OutputStatus;
}

/**
 * The current content of an output, undefined when there is none, or 'special' for a FIFO, socket
 * or device there: reading one could block forever, and it is no output of ours.
 */
async function readExisting(file: string): Promise<Uint8Array | 'special' | undefined> {
  try {
    const stats = await fs.stat(file);
    // Reading a folder fails with EISDIR, which is what the user is told.
    return stats.isFile() || stats.isDirectory() ? await fs.readFile(file) : 'special';
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined;
    throw cause;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

/** What may happen to one output: nothing, a write, or a refusal that protects a person's edits. */
async function decide(output: PlannedOutput, force: boolean): Promise<OutputStatus | Diagnostic> {
  let existing: Uint8Array | 'special' | undefined;
  try {
    existing = await readExisting(output.path);
  } catch (cause) {
    // A folder where the file should go, a file we may not read: nothing sensible can be written.
    return writeFailure(output.path, cause);
  }
  if (existing === undefined) return 'written';
  if (existing !== 'special' && sameBytes(existing, output.bytes)) return 'unchanged';
  if (force) return 'written';
  const state = existing === 'special' ? 'foreign' : output.writer.fingerprintState(existing);
  if (state === 'unedited') return 'written';
  return error(state === 'edited' ? 'output-edited' : 'output-foreign', { path: output.path });
}

/** Errors that mean another program holds the file (Word and WPS lock an open docx on Windows). */
const HELD_OPEN = new Set(['EBUSY', 'EPERM', 'EACCES']);

function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? String(cause);
}

/** The diagnostic of an output that could not be written; it names the file, not the temp file. */
function writeFailure(file: string, cause: unknown): Diagnostic {
  const detail = errorCode(cause);
  return error(HELD_OPEN.has(detail) ? 'output-busy' : 'output-write-failed', { path: file, detail });
}

/** A name in the output's own folder, so that a rename onto the output stays on one file system. */
function siblingName(file: string, suffix: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.${suffix}`);
}

interface Staged {
  output: PlannedOutput;
  temporary: string;
  /** The previous file, kept until every output of the report is in place. */
  previous?: string;
}

async function removeQuietly(files: readonly (string | undefined)[]): Promise<void> {
  await Promise.all(files.map((file) => (file ? fs.rm(file, { force: true }).catch(() => {}) : undefined)));
}

/** Every new file written beside its output first: a full disk fails here, before any output changed. */
async function stage(outputs: readonly PlannedOutput[]): Promise<Staged[] | Diagnostic> {
  const staged: Staged[] = [];
  for (const output of outputs) {
    const temporary = siblingName(output.path, 'tmp');
    try {
      await fs.mkdir(path.dirname(output.path), { recursive: true });
      await fs.writeFile(temporary, output.bytes);
      staged.push({ output, temporary });
    } catch (cause) {
      await removeQuietly([temporary, ...staged.map((s) => s.temporary)]);
      return writeFailure(output.path, cause);
    }
  }
  return staged;
}

/** A second name for the current output (a hard link; a copy where links are not supported), or
 * undefined when there is none. */
async function keepPrevious(file: string): Promise<string | undefined> {
  const previous = siblingName(file, 'old');
  try {
    await fs.link(file, previous);
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined;
    await fs.copyFile(file, previous);
  }
  return previous;
}

/** Puts back what was there before `item` was replaced; the diagnostic if that fails. */
async function restore(item: Staged, failed: string): Promise<Diagnostic | undefined> {
  try {
    if (item.previous) await fs.rename(item.previous, item.output.path);
    else await fs.rm(item.output.path, { force: true });
    return undefined;
  } catch (cause) {
    return error('output-restore-failed', { path: failed, restored: item.output.path, backup: item.previous ?? '—', detail: errorCode(cause) });
  }
}

/**
 * Renames each staged file onto its output, keeping the previous one. When one rename fails (a file
 * held open in Word), the outputs already replaced are restored, so the docx and the md of a report
 * always come from the same build. Returns the outputs left changed (only when a restore failed).
 */
async function replaceAll(staged: readonly Staged[]): Promise<{ changed: PlannedOutput[]; diagnostics: Diagnostic[] }> {
  for (const [i, item] of staged.entries()) {
    try {
      item.previous = await keepPrevious(item.output.path);
      await fs.rename(item.temporary, item.output.path);
    } catch (cause) {
      const restoreFailures: Diagnostic[] = [];
      const changed: PlannedOutput[] = [];
      for (const done of staged.slice(0, i)) {
        const failedRestore = await restore(done, item.output.path);
        if (!failedRestore) continue;
        restoreFailures.push(failedRestore);
        changed.push(done.output);
      }
      await removeQuietly([item.previous, ...staged.slice(i).map((s) => s.temporary)]);
      // "Nothing was changed" would then be untrue: only what was left changed is reported.
      return { changed, diagnostics: changed.length > 0 ? restoreFailures : [writeFailure(item.output.path, cause)] };
    }
  }
  // A previous file that cannot be removed is only a hidden stray copy; the build succeeded.
  await removeQuietly(staged.map((s) => s.previous));
  return { changed: staged.map((s) => s.output), diagnostics: [] };
}

/**
 * Writes all outputs of a report or none: every refusal (a hand-edited docx, a file plan-report did
 * not write) is found before the first byte is written, every new file is written before the first
 * output is replaced, and a failed replacement puts the replaced ones back.
 */
export async function writeOutputs(outputs: readonly PlannedOutput[], options: { force?: boolean } = {}): Promise<{ written: WrittenOutput[]; diagnostics: Diagnostic[] }> {
  const decisions = await Promise.all(outputs.map((output) => decide(output, options.force ?? false)));
  const refusals = decisions.filter((d): d is Diagnostic => typeof d !== 'string');
  if (refusals.length > 0) return { written: [], diagnostics: refusals };
  const staged = await stage(outputs.filter((_, i) => decisions[i] === 'written'));
  if (!Array.isArray(staged)) return { written: [], diagnostics: [staged] };
  const { changed, diagnostics } = await replaceAll(staged);
  const asWritten = (output: PlannedOutput): WrittenOutput => ({ format: output.format, path: output.path, status: 'written' });
  if (diagnostics.length > 0) return { written: changed.map(asWritten), diagnostics };
  return { written: outputs.map((output, i) => ({ format: output.format, path: output.path, status: decisions[i] as OutputStatus })), diagnostics: [] };
}
