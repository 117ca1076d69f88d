import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'jiedao');

const created: string[] = [];

afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed when the test file ends. The name has Chinese in it on
 * purpose: secretaries' folders do. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-测试-'));
  created.push(dir);
  return dir;
}

/** A copy of the example notes repo in a temp folder, for tests that edit or build it. */
export function copyExample(): string {
  const dir = path.join(tempDir(), '笔记');
  cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (source) => !/\.(docx|md)$/.test(source) });
  return dir;
}

/** Replaces text in a file of a copied notes repo, failing loudly when the text is not there. */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`editFile: ${String(from)} not found in ${file}`);
  writeFileSync(file, edited);
}

/** Every file below a folder, relative, sorted: to assert what was (not) written. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A fresh folder holding these files (relative paths, with folders made as needed). */
export function folderWith(files: Record<string, string>): string {
  const root = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}
