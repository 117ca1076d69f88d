import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { errorCode, flush, removeQuietly, sameBytes, secondName } from '../write/output-journal.js';

const at = (file: string) => ({ file, line: 1, column: 1 });

/** A hidden name beside the file, never read as notes or a draft. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.fix.tmp`);
}

/** The bytes written beside `target` and flushed, with the mode of `modeOf` when given. */
async function staged(target: string, bytes: Uint8Array, mode?: number): Promise<string> {
  const temporary = temporaryBeside(target);
  await fs.writeFile(temporary, bytes, { flag: 'wx' });
  if (mode !== undefined) await fs.chmod(temporary, mode);
  await flush(temporary);
  return temporary;
}

/**
 * Replaces a file by a rename from beside it (atomic: a reader sees the old bytes or the new, never
 * half), and only while the file still holds the bytes that were read and fixed: someone who saved
 * it meanwhile keeps their version. A link is followed: the file it points to is replaced.
 */
export async function replaceIfUnchanged(file: string, read: Uint8Array, bytes: Uint8Array): Promise<Diagnostic | undefined> {
  let temporary: string | undefined;
  try {
    const target = await fs.realpath(file);
    temporary = await staged(target, bytes, (await fs.stat(target)).mode & 0o7777);
    if (!sameBytes(await fs.readFile(target), read)) {
      await removeQuietly([temporary]);
      return warning('fix-file-changed', { path: file }, at(file));
    }
    await fs.rename(temporary, target);
    return undefined;
  } catch (cause) {
    if (temporary) await removeQuietly([temporary]);
    return error('fix-write-failed', { path: file, detail: errorCode(cause) }, at(file));
  }
}

/** Writes a new file, never replacing one: a file at `file` (even one made a moment ago) is refused. */
export async function writeNewFile(file: string, bytes: Uint8Array): Promise<Diagnostic | undefined> {
  let temporary: string | undefined;
  try {
    temporary = await staged(file, bytes);
    // A hard link (or a copy where links are not supported) that refuses an existing file.
    const written = await secondName(temporary, file);
    await removeQuietly([temporary]);
    return written ? undefined : error('fix-write-failed', { path: file, detail: 'ENOENT' }, at(file));
  } catch (cause) {
    if (temporary) await removeQuietly([temporary]);
    if (errorCode(cause) === 'EEXIST') return error('fix-copy-exists', { path: file }, at(file));
    return error('fix-write-failed', { path: file, detail: errorCode(cause) }, at(file));
  }
}
