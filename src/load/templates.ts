import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

function readHbsFiles(dir: string): TemplateFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => entry.endsWith('.hbs'))
    .sort()
    .map((entry) => {
      const file = path.join(dir, entry);
      return { name: entry.slice(0, -'.hbs'.length), path: file, text: readFileSync(file, 'utf8') };
    });
}

/**
 * Reads the lookup chain: the user's folders first, then the built-ins, so that an organisation
 * can override one partial (the signature, say) and keep the rest.
 */
export function loadTemplateSet(userDirs: readonly string[] = []): TemplateSet {
  const dirs = [...userDirs.map((dir) => path.resolve(dir)), BUILTIN_TEMPLATES_DIR];
  const templates = new Map<string, TemplateFile>();
  const partials = new Map<string, TemplateFile>();
  for (const dir of dirs) {
    for (const file of readHbsFiles(dir)) if (!templates.has(file.name)) templates.set(file.name, file);
    for (const file of readHbsFiles(path.join(dir, 'partials'))) if (!partials.has(file.name)) partials.set(file.name, file);
  }
  return { dirs, templates, partials };
}
