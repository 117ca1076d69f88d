import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_TEXT_FILE_BYTES } from './decode.js';
import { readBoundedFile, readFailure } from './source-file.js';

/** The templates shipped with the package: the last link of the lookup chain. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateFile {
  name: string;
  path: string;
  text: string;
}

/** The partials one folder of the chain gives: shared (`partials/`) and per kind (`<kind>/partials/`). */
export interface TemplateLayer {
  shared: Map<string, TemplateFile>;
  byKind: Map<string, Map<string, TemplateFile>>;
}

/**
 * Report templates (`<kind>/report.hbs`, or `<kind>.hbs` as before) and partials, first folder wins
 * by name. `partials` are the shared ones; `layers` keep each folder's, for partialsFor().
 */
export interface TemplateSet {
  dirs: string[];
  templates: Map<string, TemplateFile>;
  partials: Map<string, TemplateFile>;
  layers: TemplateLayer[];
}

/**
 * The template files of a set that the user wrote (not the built-ins), and the folders they stand
 * in: what a watcher follows so that an edited or a new partial rebuilds the report.
 */
export function userTemplatePaths(set: TemplateSet): string[] {
  const own = (file: TemplateFile) => !file.path.startsWith(BUILTIN_TEMPLATES_DIR);
  const files = [...set.templates.values(), ...set.layers.flatMap((layer) => [...layer.shared.values(), ...[...layer.byKind.values()].flatMap((m) => [...m.values()])])];
  return [...new Set(files.filter(own).map((file) => file.path))];
}

/** The name of a kind's template inside its folder. */
export const KIND_TEMPLATE_NAME = 'report';

/**
 * The partials a kind's template sees: folder by folder, the kind's own partials before the shared
 * ones, so that a user's shared partial still overrides a built-in kind's own.
 */
export function partialsFor(set: TemplateSet, kind: string): Map<string, TemplateFile> {
  const found = new Map<string, TemplateFile>();
  for (const layer of set.layers) {
    for (const partials of [layer.byKind.get(kind), layer.shared]) {
      for (const [name, file] of partials ?? []) if (!found.has(name)) found.set(name, file);
    }
  }
  return found;
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
    const read = await readBoundedFile(file, MAX_TEXT_FILE_BYTES);
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

/** A kind's folder (`<kind>/report.hbs`, `<kind>/partials/`): its template and partials into the set. */
async function addKindFolder(dir: string, kind: string, templates: Map<string, TemplateFile>, layer: TemplateLayer, diagnostics: Diagnostic[]): Promise<void> {
  const own = new Map<string, TemplateFile>();
  if (!(await addFolder(dir, true, own, diagnostics))) return;
  const template = own.get(KIND_TEMPLATE_NAME);
  if (template && !templates.has(kind)) templates.set(kind, { ...template, name: kind });
  const partials = new Map<string, TemplateFile>();
  await addFolder(path.join(dir, 'partials'), false, partials, diagnostics);
  layer.byKind.set(kind, partials);
}

/** The subfolders of a folder of the chain that are kinds' folders: every one but partials/. */
async function kindFolders(dir: string): Promise<string[]> {
  const listed = await entriesOf(dir, false);
  return (listed.entries ?? []).filter((entry) => entry.isDirectory() && entry.name !== 'partials').map((entry) => entry.name).sort();
}

/** What one folder of the chain gives: its own templates, its kinds' templates, and its partials. */
interface FolderLayer {
  found: boolean;
  templates: Map<string, TemplateFile>;
  kindTemplates: Map<string, TemplateFile>;
  layer: TemplateLayer;
  diagnostics: Diagnostic[];
}

async function readFolderLayer(dir: string): Promise<FolderLayer> {
  const diagnostics: Diagnostic[] = [];
  const templates = new Map<string, TemplateFile>();
  const kindTemplates = new Map<string, TemplateFile>();
  const layer: TemplateLayer = { shared: new Map(), byKind: new Map() };
  if (!(await addFolder(dir, true, templates, diagnostics))) return { found: false, templates, kindTemplates, layer, diagnostics };
  await addFolder(path.join(dir, 'partials'), false, layer.shared, diagnostics);
  for (const kind of await kindFolders(dir)) await addKindFolder(path.join(dir, kind), kind, kindTemplates, layer, diagnostics);
  return { found: true, templates, kindTemplates, layer, diagnostics };
}

/** The built-ins are part of the package: read once a process, not once a report of a batch. */
let builtinLayer: Promise<FolderLayer> | undefined;

/**
 * Reads the lookup chain: the user's folders first, then the built-ins, so that an organisation
 * can override one partial (the signature, say) and keep the rest.
 */
export async function loadTemplateSet(userDirs: readonly string[] = []): Promise<LoadedTemplates> {
  const dirs = [...userDirs.map((dir) => path.resolve(dir)), BUILTIN_TEMPLATES_DIR];
  const templates = new Map<string, TemplateFile>();
  const partials = new Map<string, TemplateFile>();
  const layers: TemplateLayer[] = [];
  const diagnostics: Diagnostic[] = [];
  const addNew = (into: Map<string, TemplateFile>, from: ReadonlyMap<string, TemplateFile>) => {
    for (const [name, file] of from) if (!into.has(name)) into.set(name, file);
  };
  for (const dir of dirs) {
    const folder = dir === BUILTIN_TEMPLATES_DIR ? await (builtinLayer ??= readFolderLayer(dir)) : await readFolderLayer(dir);
    diagnostics.push(...folder.diagnostics);
    if (!folder.found) continue;
    // A folder's own top-level templates come before its kinds' folders, as an earlier folder before a later one.
    addNew(templates, folder.templates);
    addNew(templates, folder.kindTemplates);
    addNew(partials, folder.layer.shared);
    layers.push(folder.layer);
  }
  return { set: { dirs, templates, partials, layers }, diagnostics };
}
