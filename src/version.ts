import { readFile } from 'node:fs/promises';

/** This package's version, from its package.json: what --version prints and what init pins in CI files. */
export async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
