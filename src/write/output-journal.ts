import { randomBytes } from 'node:crypto';
import { constants, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Writer } from './index.js';

/**
 * The files of one output transaction and how it is finished: by the process that started it, or by
 * the next writeOutputs after that process was killed. The protocol is described in output.ts.
 */

export interface JournalEntry {
  /** The output's file name; all files of a transaction are in one folder. */
  name: string;
  /** The second name of the output's previous content (`.NAME.T.old` or a visible backup); absent
   * when there was no output. */
  previous?: string;
  /** The output when its second name was made (see stampOf); absent when there was no output. */
  stamp?: string;
}

export interface Transaction {
  folder: string;
  /** Random hex shared by every file of the transaction. */
  token: string;
  /** The outputs, in the order they are replaced. */
  entries: JournalEntry[];
}

/** An output that could not be put back after its transaction failed. */
export interface Unrestored {
  entry: JournalEntry;
  cause: unknown;
}

/** Why a transaction was rolled back (the rename that failed), and what could not be put back. */
export interface Failure {
  entry: JournalEntry;
  cause: unknown;
  unrestored: Unrestored[];
}

/** Errors that mean another program holds the file (Word and WPS lock an open docx on Windows). */
const HELD_OPEN = new Set(['EBUSY', 'EPERM', 'EACCES']);

export function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? String(cause);
}

/** The diagnostic of an output that could not be written; it names the file, not the temp file. */
export function writeFailure(file: string, cause: unknown): Diagnostic {
  const detail = errorCode(cause);
  return error(HELD_OPEN.has(detail) ? 'output-busy' : 'output-write-failed', { path: file, detail });
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

/**
 * The current content of a file, undefined when there is none, or 'special' for a FIFO, socket or
 * device there: reading one could block forever, and it is no output of ours.
 */
export async function readExisting(file: string): Promise<Uint8Array | 'special' | undefined> {
  try {
    // Synchronous, as notes are read (see readBoundedFile): a batch compares an output a report.
    const stats = statSync(file);
    // Reading a folder fails with EISDIR, which is what the user is told.
    return stats.isFile() || stats.isDirectory() ? readFileSync(file) : 'special';
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined;
    throw cause;
  }
}

/**
 * What tells that a file changed: another file under its name (device and inode), or the same file
 * written to (size and modification time). Comparing bytes would not do: an editor that saves in
 * place writes the `.old` hard link too.
 */
export async function stampOf(file: string): Promise<string> {
  const stats = await fs.stat(file, { bigint: true });
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

export async function removeQuietly(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((file) => fs.rm(file, { force: true }).catch(() => {})));
}

/** Makes a file's bytes durable, so that a commit marker written after it holds after a power cut too. */
export async function flush(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A second name for `from` that never replaces a file at `to`: a hard link, or a copy where links are
 * not supported. False when `from` is gone. */
export async function secondName(from: string, to: string): Promise<boolean> {
  try {
    await fs.link(from, to);
    return true;
  } catch (cause) {
    const code = errorCode(cause);
    if (code === 'ENOENT') return false;
    if (code === 'EEXIST') throw cause;
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
    return true;
  }
}

export function newToken(): string {
  return randomBytes(6).toString('hex');
}

export const temporaryName = (name: string, token: string): string => `.${name}.${token}.tmp`;
export const previousName = (name: string, token: string): string => `.${name}.${token}.old`;

type MarkerState = 'commit' | 'abort';

/** `.BASE.T.commit`, BASE being the first output's name without its extension (`2023-h1`). */
function markerName(txn: Transaction, state: MarkerState): string {
  return `.${path.parse(txn.entries[0]!.name).name}.${txn.token}.${state}`;
}

const at = (txn: Transaction, name: string): string => path.join(txn.folder, name);

const two = (n: number): string => String(n).padStart(2, '0');

/** `2023-h1.docx` -> `2023-h1.edited-20261129-070641.docx` (local time), then `…-070641-2.docx`, `-3`… */
export function backupName(name: string, time: Date, attempt: number): string {
  const { name: stem, ext } = path.parse(name);
  const stamp = `${time.getFullYear()}${two(time.getMonth() + 1)}${two(time.getDate())}-${two(time.getHours())}${two(time.getMinutes())}${two(time.getSeconds())}`;
  return `${stem}.edited-${stamp}${attempt > 1 ? `-${attempt}` : ''}${ext}`;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isBackupOf(name: string, candidate: string): boolean {
  const { name: stem, ext } = path.parse(name);
  return new RegExp(`^${escapeRegExp(stem)}\\.edited-\\d{8}-\\d{6}(?:-\\d+)?${escapeRegExp(ext)}$`).test(candidate);
}

/** A file name in the folder itself: a journal found on disk never leads a rename elsewhere. */
function isPlainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The entries of a journal's JSON: `{ outputs: [{ name, previous?, stamp? }, …] }`, at least one. */
function journalEntries(value: unknown): JournalEntry[] | undefined {
  const outputs = isMapping(value) ? value.outputs : undefined;
  if (!Array.isArray(outputs) || outputs.length === 0) return undefined;
  const entries: JournalEntry[] = [];
  for (const output of outputs) {
    if (!isMapping(output)) return undefined;
    const { name, previous, stamp } = output;
    if (!isPlainName(name) || (previous !== undefined && !isPlainName(previous)) || (stamp !== undefined && typeof stamp !== 'string')) return undefined;
    entries.push({ name, ...(previous === undefined ? {} : { previous }), ...(stamp === undefined ? {} : { stamp }) });
  }
  return entries;
}

/** Step 3: from the moment this file exists, the transaction is rolled forward, by this process or the next. */
export async function commit(txn: Transaction): Promise<void> {
  const marker = at(txn, markerName(txn, 'commit'));
  await fs.writeFile(marker, JSON.stringify({ outputs: txn.entries }));
  await flush(marker);
}

/** Removes the files of a transaction that failed before or while its marker was written: no output
 * was replaced (a backup made then is a second name of the person's file, still in place). */
export async function discard(txn: Transaction): Promise<void> {
  const names = txn.entries.flatMap((e) => [temporaryName(e.name, txn.token), ...(e.previous === undefined ? [] : [e.previous])]);
  await removeQuietly([markerName(txn, 'commit'), ...names].map((name) => at(txn, name)));
}

/** The outputs of a marker's journal, or undefined for a marker cut short while it was written (then
 * nothing had been replaced yet) or one that does not describe this transaction's own files. */
function parseJournal(text: string, token: string, markerBase: string): JournalEntry[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const entries = journalEntries(value);
  if (!entries) return undefined;
  const ownFiles = entries.every(({ name, previous }) => previous === undefined || previous === previousName(name, token) || isBackupOf(name, previous));
  return ownFiles && path.parse(entries[0]!.name).name === markerBase ? entries : undefined;
}

/** Removes the new file of an output that was not replaced; false when there is none (it was renamed). */
async function removedTemporary(txn: Transaction, entry: JournalEntry): Promise<boolean> {
  try {
    await fs.rm(at(txn, temporaryName(entry.name, txn.token)));
    return true;
  } catch (cause) {
    return errorCode(cause) !== 'ENOENT';
  }
}

/** Drops the second name of an output that was not replaced: a `.old` always, a backup only while it
 * still is the output's content (else it holds a version that exists nowhere else). */
async function dropPrevious(txn: Transaction, entry: JournalEntry): Promise<void> {
  if (entry.previous === undefined) return;
  const previous = at(txn, entry.previous);
  if (entry.previous !== previousName(entry.name, txn.token)) {
    const [kept, current] = await Promise.all([readExisting(previous).catch(() => undefined), readExisting(at(txn, entry.name)).catch(() => undefined)]);
    if (!(kept instanceof Uint8Array && current instanceof Uint8Array && sameBytes(kept, current))) return;
  }
  await removeQuietly([previous]);
}

/** Gives a replaced output its previous content back, or removes it when there was none. */
async function restore(txn: Transaction, entry: JournalEntry): Promise<void> {
  if (entry.previous === undefined) return fs.rm(at(txn, entry.name), { force: true });
  try {
    await fs.rename(at(txn, entry.previous), at(txn, entry.name));
  } catch (cause) {
    // Gone: already put back, by hand as output-restore-failed's hint says.
    if (errorCode(cause) !== 'ENOENT') throw cause;
  }
}

/**
 * Puts every replaced output of the transaction back and drops the files of the others. Outputs in
 * `settled` are left as they are (a person wrote them after the transaction was interrupted). Returns
 * the outputs it could not put back: their previous content and the `.abort` marker then stay, so that
 * the next writeOutputs tries again.
 */
export async function rollBack(txn: Transaction, settled: ReadonlySet<string> = new Set()): Promise<Unrestored[]> {
  // Once the marker says abort, a process killed from here on is rolled back, not forward. Absent when
  // an abort is being recovered; should the rename fail otherwise, putting the outputs back still helps.
  await fs.rename(at(txn, markerName(txn, 'commit')), at(txn, markerName(txn, 'abort'))).catch(() => {});
  const unrestored: Unrestored[] = [];
  for (const entry of txn.entries) {
    const waiting = await removedTemporary(txn, entry);
    if (waiting || settled.has(entry.name)) {
      await dropPrevious(txn, entry);
      continue;
    }
    try {
      await restore(txn, entry);
    } catch (cause) {
      unrestored.push({ entry, cause });
    }
  }
  if (unrestored.length === 0) await removeQuietly([at(txn, markerName(txn, 'abort'))]);
  return unrestored;
}

/**
 * Steps 4 and 5: renames the new file of each `pending` output onto it, in order, then removes the
 * `.old` names and the marker. The first rename that fails rolls the whole transaction back.
 */
export async function rollForward(txn: Transaction, pending: readonly JournalEntry[], settled: ReadonlySet<string> = new Set()): Promise<Failure | undefined> {
  for (const entry of pending) {
    try {
      await fs.rename(at(txn, temporaryName(entry.name, txn.token)), at(txn, entry.name));
    } catch (cause) {
      return { entry, cause, unrestored: await rollBack(txn, settled) };
    }
  }
  // A `.old` that cannot be removed now is removed by the next run, which finds it without a marker.
  await removeQuietly(txn.entries.filter((e) => e.previous === previousName(e.name, txn.token)).map((e) => at(txn, e.previous!)));
  await removeQuietly([at(txn, markerName(txn, 'commit'))]);
  return undefined;
}

interface TransactionFile {
  file: string;
  /** The output's name, or BASE for a marker. */
  name: string;
  kind: 'tmp' | 'old' | MarkerState;
}

const TRANSACTION_FILE = /^\.(.+)\.([0-9a-f]{12})\.(tmp|old|commit|abort)$/;

/** The transaction files of a folder, by token. */
function transactionFiles(files: readonly string[]): Map<string, TransactionFile[]> {
  const byToken = new Map<string, TransactionFile[]>();
  for (const file of files) {
    const match = TRANSACTION_FILE.exec(file);
    if (!match) continue;
    const [, name, token, kind] = match as unknown as [string, string, string, TransactionFile['kind']];
    byToken.set(token, [...(byToken.get(token) ?? []), { file, name, kind }]);
  }
  return byToken;
}

const isMarker = (file: TransactionFile): file is TransactionFile & { kind: MarkerState } => file.kind === 'commit' || file.kind === 'abort';

/** Whether a transaction touches one of the outputs being written (and so is theirs to finish). */
function concerns(files: readonly TransactionFile[], journal: readonly JournalEntry[] | undefined, names: ReadonlySet<string>): boolean {
  const bases = new Set([...names].map((name) => path.parse(name).name));
  return files.some((f) => (isMarker(f) ? bases.has(f.name) : names.has(f.name))) || (journal ?? []).some((e) => names.has(e.name));
}

/** A marker's text; empty when it is no regular file (a pipe there must not hang the build). */
async function markerText(file: string): Promise<string> {
  const bytes = await readExisting(file).catch(() => undefined);
  return bytes instanceof Uint8Array ? Buffer.from(bytes).toString('utf8') : '';
}

/** The writer that recognises the outputs of a name (undefined: none does, and a file there is kept). */
export type WriterFor = (name: string) => Promise<Writer | undefined>;

/** Whether an output now is a file that recovery must leave as it is: a person's, or a pipe. */
async function isPersons(txn: Transaction, entry: JournalEntry, writerFor: WriterFor): Promise<boolean> {
  try {
    const current = await readExisting(at(txn, entry.name));
    if (current === undefined) return false;
    return current === 'special' || (await writerFor(entry.name))?.fingerprintState(current) !== 'unedited';
  } catch {
    // Unreadable now: left as it is.
    return true;
  }
}

/**
 * Whether an output still waiting for its new file is to be kept: a person's file written after the
 * transaction was interrupted. Not the very file the transaction started from: a person's file that
 * --force replaces has its backup.
 */
async function writtenSince(txn: Transaction, entry: JournalEntry, writerFor: WriterFor): Promise<boolean> {
  const unchanged = entry.stamp !== undefined && entry.stamp === (await stampOf(at(txn, entry.name)).catch(() => undefined));
  return !unchanged && (await isPersons(txn, entry, writerFor));
}

function recoveryFailure(txn: Transaction, { entry, cause }: Unrestored): Diagnostic {
  return error('output-recovery-failed', { path: at(txn, entry.name), backup: entry.previous === undefined ? '—' : at(txn, entry.previous), detail: errorCode(cause) });
}

/** The names of the entries that pass `test`. */
async function namesWhere(entries: readonly JournalEntry[], test: (entry: JournalEntry) => Promise<boolean>): Promise<Set<string>> {
  const names = new Set<string>();
  for (const entry of entries) if (await test(entry)) names.add(entry.name);
  return names;
}

/**
 * Finishes a transaction whose marker survived the process that wrote it. A file a person wrote
 * since is never replaced: rolling forward, an output that a person wrote after the interruption
 * keeps it; rolling back, a replaced output that a person edited since is not put back.
 */
async function finishInterrupted(txn: Transaction, state: MarkerState, files: readonly TransactionFile[], writerFor: WriterFor): Promise<Diagnostic[]> {
  let unrestored: Unrestored[];
  if (state === 'abort') {
    unrestored = await rollBack(txn, await namesWhere(txn.entries, (e) => isPersons(txn, e, writerFor)));
  } else {
    const waiting = txn.entries.filter((e) => files.some((f) => f.kind === 'tmp' && f.name === e.name));
    const settled = await namesWhere(waiting, (e) => writtenSince(txn, e, writerFor));
    await removeQuietly([...settled].map((name) => at(txn, temporaryName(name, txn.token))));
    const failure = await rollForward(txn, waiting.filter((e) => !settled.has(e.name)), settled);
    unrestored = failure?.unrestored ?? [];
  }
  if (unrestored.length > 0) return unrestored.map((u) => recoveryFailure(txn, u));
  return [warning('output-recovered', { path: at(txn, txn.entries[0]!.name) })];
}

/**
 * Finishes what killed processes left beside the given outputs (in their folder, only transactions
 * that touch these names): a commit marker is rolled forward, an abort marker rolled back, and the
 * files of a transaction without a marker, which had replaced nothing, are removed. A warning for
 * each transaction finished; an error when an output could not be put back (then nothing else may be
 * written: the next run must try again).
 */
export async function recover(folder: string, names: ReadonlySet<string>, writerFor: WriterFor): Promise<Diagnostic[]> {
  let files: string[];
  try {
    files = readdirSync(folder);
  } catch (cause) {
    // No folder yet: nothing to recover, and writing creates it.
    return errorCode(cause) === 'ENOENT' ? [] : [writeFailure(path.join(folder, [...names][0]!), cause)];
  }
  const diagnostics: Diagnostic[] = [];
  for (const [token, found] of transactionFiles(files)) {
    const marker = found.find(isMarker);
    const journal = marker ? parseJournal(await markerText(path.join(folder, marker.file)), token, marker.name) : undefined;
    if (!concerns(found, journal, names)) continue;
    if (marker && journal) diagnostics.push(...(await finishInterrupted({ folder, token, entries: journal }, marker.kind, found, writerFor)));
    else await removeQuietly(found.map((f) => path.join(folder, f.file)));
  }
  return diagnostics;
}
