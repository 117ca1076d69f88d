import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globFiles, plainPattern } from '../../src/load/glob.js';

const root = mkdtempSync(path.join(tmpdir(), 'plan-report-glob-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const notes = path.join(root, 'notes');
mkdirSync(path.join(notes, 'sub'), { recursive: true });
mkdirSync(path.join(notes, 'dir.yaml'));
mkdirSync(path.join(notes, '.hidden'));
for (const name of ['a.yaml', 'b.yml', '.hidden.yaml', 'c d.yaml', '甲.yaml', 'x+y.yaml', 'e.yaml.bak', 'A.YAML', 'sub/s.yaml', '.hidden/h.yaml', 'a', '$^.yaml']) {
  writeFileSync(path.join(notes, name), 'activities: []\n');
}
symlinkSync('a.yaml', path.join(notes, 'link-file.yaml'));
symlinkSync('sub', path.join(notes, 'link-dir.yaml'));
symlinkSync('missing.yaml', path.join(notes, 'broken.yaml'));
symlinkSync('loop.yaml', path.join(notes, 'loop.yaml'));
if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(notes, 'fifo.yaml')]);

const never = () => undefined;

async function bothWays(pattern: string): Promise<{ files: string[]; broken: string[] }> {
  const found = async (read?: typeof never) => {
    const broken = new Map<string, unknown>();
    const files = (await globFiles(pattern, root, broken, read)).map((file) => path.relative(root, path.normalize(file))).sort();
    // tinyglobby follows every link of a folder it reads: only the failures of files found are ever read.
    return { files, broken: [...broken.keys()].map((file) => path.relative(root, file)).filter((file) => files.includes(file)).sort() };
  };
  const plain = await found();
  expect(plain, pattern).toEqual(await found(never));
  return plain;
}

describe('sources patterns read without the glob library', () => {
  it('find what tinyglobby finds: dotfiles, folders, links, pipes and odd names alike', async () => {
    const patterns = ['notes/*.yaml', 'notes/*', 'notes/?.yaml', 'notes/.*', 'notes/.hidden/*', 'notes/a.yaml', 'notes/missing.yaml', 'notes/sub', 'nope/*.yaml', 'notes/*.y?ml',
      'notes/甲*', 'notes/*.yaml.bak', 'notes/link-dir.yaml', 'notes/broken.yaml', 'notes/c d.yaml', 'notes/a*', 'notes/$^.yaml', 'notes/*.YAML', 'notes/../notes/a.yaml', 'notes/fifo.yaml', `${notes}/*.yml`];
    for (const pattern of patterns) expect(plainPattern(pattern), pattern).toBeDefined();
    const all = await bothWays('notes/*.yaml');
    expect(all.files).toEqual(['notes/$^.yaml', 'notes/a.yaml', 'notes/broken.yaml', 'notes/c d.yaml', ...(process.platform === 'win32' ? [] : ['notes/fifo.yaml']), 'notes/link-file.yaml', 'notes/loop.yaml', 'notes/x+y.yaml', 'notes/甲.yaml']);
    expect(all.broken).toEqual(['notes/broken.yaml', 'notes/loop.yaml']);
    for (const pattern of patterns) await bothWays(pattern);
  });

  it('leave every other pattern to the glob library', () => {
    for (const pattern of ['notes/**/*.yaml', 'notes/**', '*/a.yaml', 'notes/{a,b}.yaml', 'notes/[ab].yaml', 'notes/!(a).yaml', 'notes/+(a).yaml', 'notes/@(a).yaml', 'notes/a\\*.yaml', '']) {
      expect(plainPattern(pattern), pattern).toBeUndefined();
    }
  });
});
