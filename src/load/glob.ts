import * as nodeFs from 'node:fs';
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileSystemAdapter } from 'tinyglobby';

/**
 * Files a `sources:` pattern names, absolute, as tinyglobby finds them with the options below.
 * Nothing a pattern names is skipped without a word: pipes, devices and sockets count as files
 * (the reader then refuses them), and a link that leads nowhere (dangling, or a loop) counts as a
 * file whose failure is kept in `broken`.
 *
 * Most patterns are a path or a folder and a name with * or ? (activities/*.yaml): those are
 * read with one readdir, without loading the glob library, which is a good part of a cold start.
 * test/load/glob.test.ts holds that both ways find the same files.
 */
export async function globFiles(pattern: string, base: string, broken: Map<string, unknown>, readPlain: typeof plainPattern = plainPattern): Promise<string[]> {
  // `readPlain`: a test passes one that never reads, for tinyglobby alone.
  const plain = readPlain(pattern);
  if (plain) return plainMatches(path.resolve(base, plain.dir), plain.name, broken);
  const { glob } = await import('tinyglobby');
  return glob(pattern, { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: true, fs: globFileSystem(broken) });
}

/** Characters that make a pattern more than a folder and a name with * and ?: braces, classes, extglobs, escapes. */
const GLOB_SYNTAX = /[[\]{}()!+@|\\]/;

/** A pattern (forward slashes, normalised) as a literal folder and a last segment with * and ? at most. */
export function plainPattern(pattern: string): { dir: string; name: string } | undefined {
  const slash = pattern.lastIndexOf('/');
  const dir = slash < 0 ? '.' : pattern.slice(0, slash) || '/';
  const name = pattern.slice(slash + 1);
  if (name === '' || name === '.' || name === '..' || GLOB_SYNTAX.test(pattern) || /[*?]/.test(dir) || name.includes('**')) return undefined;
  return { dir, name };
}

/** The name part as a regular expression: * any run of characters, ? one; neither matches a leading dot. */
function namePattern(name: string): RegExp {
  const body = name.replace(/[.*?^$]/g, (char) => (char === '*' ? '.*' : char === '?' ? '.' : `\\${char}`));
  return new RegExp(`^${name.startsWith('.') ? '' : '(?!\\.)'}${body}$`, 'su');
}

/** Read with synchronous calls, as files are (see readBoundedFile): one folder, a few calls. */
function plainMatches(dir: string, name: string, broken: Map<string, unknown>): string[] {
  if (!/[*?]/.test(name)) {
    const file = path.join(dir, name);
    return fileOrBroken(file, attempt(() => lstatSync(file)), broken) ? [file] : [];
  }
  const entries = attempt(() => readdirSync(dir, { withFileTypes: true })) ?? [];
  const pattern = namePattern(name);
  const found: string[] = [];
  for (const entry of entries) {
    if (!pattern.test(entry.name)) continue;
    const file = path.join(dir, entry.name);
    if (fileOrBroken(file, entry, broken)) found.push(file);
  }
  return found;
}

/** Whether an entry counts as a file (see globFiles): a link is followed, and kept in `broken` if it leads nowhere. */
function fileOrBroken(file: string, entry: Pick<Dirent, 'isDirectory' | 'isSymbolicLink'> | undefined, broken: Map<string, unknown>): boolean {
  if (!entry) return false;
  if (!entry.isSymbolicLink()) return !entry.isDirectory();
  try {
    return !statSync(file).isDirectory();
  } catch (cause) {
    broken.set(path.normalize(file), cause);
    return true;
  }
}

/** What `read` gives, or undefined when it throws (a missing folder or file is no match). */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The file system as tinyglobby sees it (see globFiles). */
function globFileSystem(broken: Map<string, unknown>): FileSystemAdapter {
  const readdir = (dir: string, options: { withFileTypes: true }, callback: (err: Error | null, entries: Dirent[]) => void) =>
    nodeFs.readdir(dir, options, (err, entries) => callback(err, (entries ?? []).map(specialAsFile)));
  const realpath = (link: string, callback: (err: Error | null, real: string) => void) =>
    nodeFs.realpath(link, (err, real) => {
      if (err) broken.set(path.normalize(link), err);
      callback(null, err ? link : real);
    });
  const stat = (file: string, callback: (err: Error | null, stats: Pick<Stats, 'isDirectory'>) => void) =>
    broken.has(path.normalize(file)) ? callback(null, { isDirectory: () => false }) : nodeFs.stat(file, callback);
  return { ...nodeFs, readdir, realpath, stat } as unknown as FileSystemAdapter;
}

function specialAsFile(entry: Dirent): Dirent {
  if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) entry.isFile = () => true;
  return entry;
}
