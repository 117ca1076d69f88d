import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_DIR, tempDir } from './workspace.js';

/** The office name of the n-th copy: o01, o02, … (sorted as the batch sorts them). */
export function officeName(n: number): string {
  return `o${String(n).padStart(2, '0')}`;
}

/**
 * A notes repo of `count` offices, each a copy of the example (its report 2023-h1.yaml and notes),
 * under repo/offices/oNN/: the shape of a city's CI, for batch tests.
 */
export function officesRepo(count: number): string {
  const repo = path.join(tempDir(), 'repo');
  for (let n = 1; n <= count; n++) {
    const dir = path.join(repo, 'offices', officeName(n));
    mkdirSync(dir, { recursive: true });
    cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (source) => !/\.(docx|md)$/.test(source) });
  }
  return repo;
}
