import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from './diagnostics/diagnostic.js';
import { closest } from './diagnostics/suggest.js';
import { BUILTIN_TEMPLATES_DIR } from './load/templates.js';

export interface EjectResult {
  written: string[];
  diagnostics: Diagnostic[];
}

/** Every built-in template file, relative to the templates folder: half-year-summary/report.hbs, partials/section.hbs … */
async function builtinFiles(): Promise<string[]> {
  const entries = await fs.readdir(BUILTIN_TEMPLATES_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => path.relative(BUILTIN_TEMPLATES_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The names `eject NAME` takes: a kind (its folder) or a partial (section, signature …). */
function ejectNames(files: readonly string[]): string[] {
  return [...new Set(files.map((file) => (file.startsWith('partials/') ? path.posix.basename(file, '.hbs') : file.split('/')[0]!)))];
}

function selected(files: readonly string[], name: string | undefined): string[] {
  if (name === undefined) return [...files];
  return files.filter((file) => file.split('/')[0] === name || file === `partials/${name}.hbs`);
}

/**
 * Copies the built-in templates (all, or one kind's folder or one partial) into `outDir`, in the
 * layout `--templates` reads, so that the copy can be edited and used. Nothing is overwritten: when
 * any target exists, nothing is written at all.
 */
export async function ejectTemplates(name: string | undefined, outDir: string): Promise<EjectResult> {
  const files = await builtinFiles();
  const chosen = selected(files, name);
  if (chosen.length === 0) {
    const names = ejectNames(files);
    const suggestion = closest(name!, names);
    return { written: [], diagnostics: [error('eject-unknown-template', { name: name!, known: (suggestion ? [suggestion] : names).join('、') })] };
  }
  const targets = chosen.map((file) => ({ from: path.join(BUILTIN_TEMPLATES_DIR, file), to: path.join(outDir, file) }));
  const existing = await Promise.all(targets.map((target) => fs.lstat(target.to).then(() => target.to, () => undefined)));
  const clashes = existing.filter((file): file is string => file !== undefined);
  if (clashes.length > 0) return { written: [], diagnostics: clashes.map((file) => error('eject-file-exists', { path: file })) };
  const written: string[] = [];
  for (const target of targets) {
    await fs.mkdir(path.dirname(target.to), { recursive: true });
    await fs.copyFile(target.from, target.to, constants.COPYFILE_EXCL);
    written.push(target.to);
  }
  return { written, diagnostics: [] };
}
