import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readFailure } from './source-file.js';

/** Folders that hold no notes: dependencies. Hidden folders and files (.git, .gitlab-ci.yml) are skipped too. */
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * The .yaml files below a folder, sorted. Links are followed, each real folder is walked once (a
 * link to a parent does not loop), and only regular files are taken: a FIFO named notes.yaml would
 * block the reader forever. A link that leads nowhere is left to the reports that name it.
 */
export async function yamlFilesBelow(dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  return filesBelow(dir, (name) => /\.ya?ml$/i.test(name), diagnostics);
}

/** The files below a folder whose name `accept`s, walked as yamlFilesBelow walks (check takes drafts too). */
export async function filesBelow(dir: string, accept: (name: string) => boolean, diagnostics: Diagnostic[], walked = new Set<string>()): Promise<string[]> {
  let entries: Dirent[];
  try {
    const real = await fs.realpath(dir);
    if (walked.has(real)) return [];
    walked.add(real);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (cause) {
    // A folder that cannot be listed (no permission) may hold notes: say so rather than skip it.
    diagnostics.push(await readFailure(dir, cause));
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    const stat = entry.isSymbolicLink() ? await fs.stat(full).catch(() => undefined) : entry;
    if (stat?.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) found.push(...(await filesBelow(full, accept, diagnostics, walked)));
    else if (stat?.isFile() && !entry.name.startsWith('.') && accept(entry.name)) found.push(full);
  }
  return found;
}

