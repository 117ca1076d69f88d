import { promises as fs } from 'node:fs';
import path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWriter, OUTPUT_FORMATS, type OutputFormat, type Writer } from './index.js';
import {
  backupName,
  commit,
  discard,
  errorCode,
  flush,
  newToken,
  previousName,
  readExisting,
  recover,
  removeQuietly,
  rollForward,
  sameBytes,
  secondName,
  stampOf,
  temporaryName,
  writeFailure,
  type JournalEntry,
  type Transaction,
  type WriterFor,
} from './output-journal.js';

/**
 * Replacing the outputs of one report (2023-h1.docx and 2023-h1.md, always in one folder) is a small
 * journaled transaction, so that neither a failed rename nor a killed process (kill -9, a power cut)
 * leaves them from two different builds. All files of one writeOutputs share a random token T:
 *
 *   1. each new file is written and flushed beside its output as `.NAME.T.tmp`;
 *   2. each current output gets a second name, a hard link: `.NAME.T.old`, or, when --force replaces a
 *      file a person edited or plan-report did not write, the visible backup `NAME.edited-<time>.EXT`;
 *   3. the commit marker `.BASE.T.commit` is written (BASE: the first output's name without its
 *      extension): it lists the outputs and their second names, and its presence means "every new
 *      file is complete: roll forward";
 *   4. each `.NAME.T.tmp` is renamed onto its output; when one rename fails (Word holds the file open),
 *      the marker becomes `.BASE.T.abort` and the outputs already replaced get their previous content back;
 *   5. the `.old` names are removed, then the marker.
 *
 * The next writeOutputs of any of these outputs finishes what a killed process left: a commit marker
 * is rolled forward (an output a person wrote in the meantime is kept), an abort marker rolled back,
 * and without a marker, nothing had been replaced: the `.tmp` and `.old` files of T are removed. A
 * backup made in step 2 by a process killed before step 3 stays: a visible copy of the person's file.
 * The hidden names start with a dot and never end in .yaml, so check and build never read them.
 */

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
  /** Absolute path of the file a person edited (or plan-report did not write), kept when --force
   * replaced it. */
  backup?: string;
}

/** What may happen to one output: nothing, a write (keeping a backup of a person's file), or a refusal. */
type Decision = 'unchanged' | 'write' | 'back-up-and-write';

async function decide(output: PlannedOutput, force: boolean): Promise<Decision | Diagnostic> {
  let existing: Uint8Array | 'special' | undefined;
  try {
    existing = await readExisting(output.path);
  } catch (cause) {
    // A folder where the file should go, a file we may not read: nothing sensible can be written.
    return writeFailure(output.path, cause);
  }
  if (existing === undefined) return 'write';
  // Not even with --force: a pipe or device is nobody's document, and replacing it breaks whatever uses it.
  if (existing === 'special') return error('output-not-a-file', { path: output.path });
  if (sameBytes(existing, output.bytes)) return 'unchanged';
  const state = output.writer.fingerprintState(existing);
  if (state === 'unedited') return 'write';
  if (force) return 'back-up-and-write';
  return error(state === 'edited' ? 'output-edited' : 'output-foreign', { path: output.path });
}

/** An output that changes, and whether the file it replaces is a person's, to be kept as a backup. */
interface Change {
  output: PlannedOutput;
  backUp: boolean;
}

interface Staged extends Change {
  entry: JournalEntry;
}

/**
 * Step 1: every new file written beside its output first, so that a full disk fails here, before
 * any output changed.
 */
async function stage(folder: string, changing: readonly Change[], token: string): Promise<Staged[] | Diagnostic> {
  const staged: Staged[] = [];
  for (const item of changing) {
    const name = path.basename(item.output.path);
    const temporary = path.join(folder, temporaryName(name, token));
    try {
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(temporary, item.output.bytes);
      await flush(temporary);
      staged.push({ ...item, entry: { name } });
    } catch (cause) {
      await removeQuietly([temporary, ...staged.map((s) => path.join(folder, temporaryName(s.entry.name, token)))]);
      return writeFailure(item.output.path, cause);
    }
  }
  return staged;
}

/** The visible backup of a person's file: dated, and numbered when a backup of that second exists. */
async function keepBackup(file: string, time: Date): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    const name = backupName(path.basename(file), time, attempt);
    try {
      return (await secondName(file, path.join(path.dirname(file), name))) ? name : undefined;
    } catch (cause) {
      if (errorCode(cause) !== 'EEXIST') throw cause;
    }
  }
}

/** Step 2: the name under which each output's previous content stays until the transaction is over. */
async function keepPrevious(folder: string, item: Staged, token: string, time: Date): Promise<void> {
  const old = previousName(item.entry.name, token);
  let previous: string | undefined;
  if (item.backUp) previous = await keepBackup(item.output.path, time);
  else if (await secondName(item.output.path, path.join(folder, old))) previous = old;
  if (previous === undefined) return;
  item.entry.previous = previous;
  item.entry.stamp = await stampOf(item.output.path);
}

interface Replaced {
  /** The outputs left changed: all of them, or, after a failure, those that could not be put back. */
  changed: Staged[];
  diagnostics: Diagnostic[];
}

/** Steps 1 to 5 for the outputs that change. */
async function replace(folder: string, changing: readonly Change[]): Promise<Replaced> {
  const token = newToken();
  const staged = await stage(folder, changing, token);
  if (!Array.isArray(staged)) return { changed: [], diagnostics: [staged] };
  const txn: Transaction = { folder, token, entries: staged.map((s) => s.entry) };
  const time = new Date();
  for (const item of staged) {
    try {
      await keepPrevious(folder, item, token, time);
    } catch (cause) {
      await discard(txn);
      return { changed: [], diagnostics: [writeFailure(item.output.path, cause)] };
    }
  }
  try {
    await commit(txn);
  } catch (cause) {
    await discard(txn);
    return { changed: [], diagnostics: [writeFailure(staged[0]!.output.path, cause)] };
  }
  const failure = await rollForward(txn, txn.entries);
  if (!failure) return { changed: staged, diagnostics: [] };
  const failedPath = path.join(folder, failure.entry.name);
  // "Nothing was changed" would then be untrue: only what was left changed is reported.
  if (failure.unrestored.length === 0) return { changed: [], diagnostics: [writeFailure(failedPath, failure.cause)] };
  const unrestored = staged.filter((s) => failure.unrestored.some((u) => u.entry === s.entry));
  const diagnostics = failure.unrestored.map(({ entry, cause }) =>
    error('output-restore-failed', { path: failedPath, restored: path.join(folder, entry.name), backup: entry.previous ? path.join(folder, entry.previous) : '—', detail: errorCode(cause) }),
  );
  return { changed: unrestored, diagnostics };
}

/** The planned output's writer, else the writer of the format its name ends with: an interrupted
 * build of the docx and the md is finished by a build of the md alone. */
function writerLookup(outputs: readonly PlannedOutput[]): WriterFor {
  const planned = new Map(outputs.map((output) => [path.basename(output.path), output.writer]));
  return async (name) => {
    const format = OUTPUT_FORMATS.find((f) => name.endsWith(`.${f}`));
    return planned.get(name) ?? (format === undefined ? undefined : loadWriter(format));
  };
}

/** The one folder of a report's outputs: a transaction's files all live in it. */
function folderOf(outputs: readonly PlannedOutput[]): string {
  const folders = new Set(outputs.map((output) => path.dirname(path.resolve(output.path))));
  if (folders.size !== 1) throw new Error(`writeOutputs: the outputs of one report must share one folder, not ${[...folders].join(', ')}`);
  return [...folders][0]!;
}

function written(item: Staged, folder: string): WrittenOutput {
  const backup = item.backUp && item.entry.previous ? { backup: path.join(folder, item.entry.previous) } : {};
  return { format: item.output.format, path: item.output.path, status: 'written', ...backup };
}

/**
 * Writes all outputs of a report or none: first it finishes what an interrupted earlier write of
 * these outputs left; every refusal (a hand-edited docx, a file plan-report did not write) is found
 * before the first byte is written, every new file is written before the first output is replaced,
 * and a failed replacement puts the replaced ones back. With `force`, a person's file is replaced
 * but kept as a dated backup beside it.
 */
export async function writeOutputs(outputs: readonly PlannedOutput[], options: { force?: boolean } = {}): Promise<{ written: WrittenOutput[]; diagnostics: Diagnostic[] }> {
  if (outputs.length === 0) return { written: [], diagnostics: [] };
  const folder = folderOf(outputs);
  const recovered = await recover(folder, new Set(outputs.map((output) => path.basename(output.path))), writerLookup(outputs));
  if (hasErrors(recovered)) return { written: [], diagnostics: recovered };
  const decisions = await Promise.all(outputs.map((output) => decide(output, options.force ?? false)));
  const refusals = decisions.filter((d): d is Diagnostic => typeof d !== 'string');
  if (refusals.length > 0) return { written: [], diagnostics: [...recovered, ...refusals] };
  const changing = outputs.flatMap((output, i) => (decisions[i] === 'unchanged' ? [] : [{ output, backUp: decisions[i] === 'back-up-and-write' }]));
  const { changed, diagnostics } = changing.length > 0 ? await replace(folder, changing) : { changed: [], diagnostics: [] };
  if (diagnostics.length > 0) return { written: changed.map((item) => written(item, folder)), diagnostics: [...recovered, ...diagnostics] };
  const writtenOutputs = outputs.map((output): WrittenOutput => {
    const item = changed.find((s) => s.output === output);
    return item ? written(item, folder) : { format: output.format, path: output.path, status: 'unchanged' };
  });
  return { written: writtenOutputs, diagnostics: recovered };
}
