import { existsSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, sortDiagnostics, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConfigFile } from '../schema/config.js';
import { CONFIG_FILE_NAME } from '../schema/kinds.js';
import { validateKind } from '../schema/validate-kind.js';
import { loadSourceFile, type ReadSource, type SourceFile } from './source-file.js';

/** An office's plan-report.yaml, read and valid: its values, and where they were written. */
export interface LoadedConfig {
  file: SourceFile;
  /** The folder it stands in: its relative paths (out, templates) start here. */
  dir: string;
  value: ConfigFile;
}

/** What governs a folder: its config, or none; and the problems of the config file found. */
export interface ConfigLookup {
  config?: LoadedConfig;
  /** The config file found, valid or not: a report below an invalid one is not built. */
  path?: string;
  diagnostics: Diagnostic[];
}

/** The spelling people reach for; it is not read, and they are told so. */
const MISNAMED = 'plan-report.yml';

/**
 * The config file that governs a folder: the nearest plan-report.yaml in it or above it. The walk
 * stops at the notes repo's root (the folder that holds .git): a file outside the repo does not
 * steer what its CI builds.
 */
export async function findConfig(dir: string, read: ReadSource = loadSourceFile): Promise<ConfigLookup> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return readConfig(candidate, read);
    const misnamed = path.join(current, MISNAMED);
    if (existsSync(misnamed)) return { diagnostics: [warning('config-misnamed', { path: misnamed, expected: CONFIG_FILE_NAME }, { file: misnamed, line: 1, column: 1 })] };
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) return { diagnostics: [] };
  }
}

/** Reads and validates one config file. */
export async function readConfig(file: string, read: ReadSource = loadSourceFile): Promise<ConfigLookup> {
  const loaded = await read(file);
  // An empty plan-report.yaml (or one of comments only) is a config that sets nothing, not a mistake.
  const problems = loaded.diagnostics.filter((d) => d.code !== 'empty-file');
  if (!loaded.file || hasErrors(problems)) return { path: file, diagnostics: problems };
  const validated = await validateKind('config', { ...loaded.file, data: loaded.file.data ?? {} });
  if (!validated.ok) return { path: file, diagnostics: sortDiagnostics([...problems, ...validated.diagnostics]) };
  return { path: file, config: { file: loaded.file, dir: path.dirname(file), value: validated.value }, diagnostics: [...problems, ...validated.diagnostics] };
}

/** A lookup per folder for one run: a batch of reports in one folder reads its config once. */
export function configFinder(read: ReadSource = loadSourceFile): (dir: string) => Promise<ConfigLookup> {
  const cache = new Map<string, Promise<ConfigLookup>>();
  return (dir) => {
    const key = path.resolve(dir);
    let found = cache.get(key);
    if (!found) cache.set(key, (found = findConfig(key, read)));
    return found;
  };
}
