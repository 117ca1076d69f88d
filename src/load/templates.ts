import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_NOTES_FILE_BYTES } from './decode.js';
import { readBoundedFile, readFailure } from './source-file.js';

/** The templates shipped with the package: the last link of the lookup chain. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateFile {
  name: string;
  path: string;
  text: string;
}

/** Report templates (`<kind>.hbs`) and partials (`partials/<name>.hbs`), first folder wins by name. */
export interface TemplateSet {
  dirs: string[];
  templates: Map<string, TemplateFile>;
  partials: Map<string, TemplateFile>;
}

export interface LoadedTemplates {
  set: TemplateSet;
  /** Folders and files of the chain that could not be read: the build stops on them. */
  diagnostics: Diagnostic[];
}

/**
 * The entries of a folder of the chain, or undefined with the reason. A folder the user named must
 * exist; a partials/ subfolder may be missing, but when it is there it must be a folder.
 */
async function entriesOf(dir: string, required: boolean): Promise<{ entries?: Dirent[]; diagnostics: Diagnostic[] }> {
  try {
    return { entries: await fs.readdir(dir, { withFileTypes: true }), diagnostics: [] };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return { entries: [], diagnostics: [] };
    if (code === 'ENOENT') return { diagnostics: [error('templates-dir-not-found', { path: dir })] };
    if (code === 'ENOTDIR') return { diagnostics: [error('templates-not-a-folder', { path: dir })] };
    // A link loop, a permission: said as for any file the user named.
    return { diagnostics: [await readFailure(dir, cause)] };
  }
}

/**
 * The .hbs files among a folder's entries, each read as a notes file is (regular files only,
 * bounded, never blocking on a pipe), so that a folder named like a template or a link loop is
 * reported, not thrown.
 */
async function readHbsFiles(dir: string, entries: readonly Dirent[], diagnostics: Diagnostic[]): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  const names = entries.map((entry) => entry.name).filter((name) => name.endsWith('.hbs'));
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const read = await readBoundedFile(file, MAX_NOTES_FILE_BYTES);
    // "Not a file" would suggest naming a report file: say that it is a folder named like a template.
    if (read.diagnostic?.code === 'not-a-file') diagnostics.push(error('template-not-a-file', { path: file }));
    else if (read.diagnostic) diagnostics.push(read.diagnostic);
    else files.push({ name: name.slice(0, -'.hbs'.length), path: file, text: new TextDecoder().decode(read.bytes) });
  }
  return files;
}

/** Adds a folder's templates or partials to `into`, where an earlier folder did not give them. */
async function addFolder(dir: string, required: boolean, into: Map<string, TemplateFile>, diagnostics: Diagnostic[]): Promise<boolean> {
  const listed = await entriesOf(dir, required);
  diagnostics.push(...listed.diagnostics);
  if (!listed.entries) return false;
  for (const file of await readHbsFiles(dir, listed.entries, diagnostics)) if (!into.has(file.name)) into.set(file.name, file);
  return true;
}

/**
 * Reads the lookup chain: the user's folders first, then the built-ins, so that an organisation
 * can override one partial (the signature, say) and keep the rest.
 */
export async function loadTemplateSet(userDirs: readonly string[] = []): Promise<LoadedTemplates> {
  const dirs = [...userDirs.map((dir) => path.resolve(dir)), BUILTIN_TEMPLATES_DIR];
  const templates = new Map<string, TemplateFile>();
  const partials = new Map<string, TemplateFile>();
  const diagnostics: Diagnostic[] = [];
  for (const dir of dirs) {
    if (await addFolder(dir, true, templates, diagnostics)) await addFolder(path.join(dir, 'partials'), false, partials, diagnostics);
  }
  return { set: { dirs, templates, partials }, diagnostics };
}
