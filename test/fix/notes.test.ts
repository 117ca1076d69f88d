import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fix } from '../../src/fix/index.js';
import { listFiles, REPO_ROOT, tempDir } from '../helpers/workspace.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'fix', 'notes');

function copyFixture(): string {
  const dir = path.join(tempDir(), 'notes');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('check --fix on YAML notes', () => {
  it('gives the reviewed golden YAML: only the fixed characters change, comments, quotes and folding stay', async () => {
    const dir = copyFixture();
    const result = await fix([dir]);
    const fixed = readFileSync(path.join(dir, '2023-h1.yaml'), 'utf8');
    await expect(fixed).toMatchFileSnapshot('../golden/fix/2023-h1.yaml');
    expect(result.fixed.map((c) => `${path.relative(dir, c.file)}:${c.line}:${c.column} ${c.before}→${c.after} ${c.code}`)).toEqual([
      '2023-h1.yaml:13:37 .→。 halfwidth-punctuation',
      '2023-h1.yaml:21:12 2023年03月11日→2023年3月11日 date-leading-zero',
      '2023-h1.yaml:22:19 確→确 traditional-characters',
      '2023-h1.yaml:22:24 確→确 traditional-characters',
      '2023-h1.yaml:25:23 10~20%→10%~20% range-percent',
      '2023-h1.yaml:25:25 ~→～ punctuation-form',
      '2023-h1.yaml:25:43 --→—— punctuation-form',
      '2023-h1.yaml:28:25 ~→～ punctuation-form',
      '2023-h1.yaml:32:26 們→们 traditional-characters',
      '2023-h1.yaml:32:31 .→。 halfwidth-punctuation',
      'activities/2023.yaml:4:31 --→—— punctuation-form',
    ]);
    expect(result.written.map((w) => path.relative(dir, w.path))).toEqual(['2023-h1.yaml', path.join('activities', '2023.yaml')]);
    expect(result.check.diagnostics).toEqual([]);
    // Every line the fixes did not touch is the original's, byte for byte.
    const before = readFileSync(path.join(FIXTURE, '2023-h1.yaml'), 'utf8').split('\n');
    const changed = fixed.split('\n').flatMap((line, i) => (line === before[i] ? [] : [i + 1]));
    expect(changed).toEqual([13, 21, 22, 25, 28, 32]);
    // Nothing is left beside the files (no temporary file).
    expect(listFiles(dir)).toEqual(listFiles(FIXTURE));
  });

  it('changes nothing and writes nothing the second time', async () => {
    const dir = copyFixture();
    await fix([dir]);
    const file = path.join(dir, '2023-h1.yaml');
    const bytes = readFileSync(file);
    const { mtimeMs, ino } = statSync(file);
    const second = await fix([dir]);
    expect(second.fixed).toEqual([]);
    expect(second.written).toEqual([]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file)).toMatchObject({ mtimeMs, ino });
  });

  it('keeps CRLF line ends and a UTF-8 byte-order mark', async () => {
    const dir = copyFixture();
    const file = path.join(dir, 'activities', '2023.yaml');
    const original = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, `\ufeff${original}`);
    await fix([file]);
    expect(readFileSync(file, 'utf8')).toBe(`\ufeff${original.replace('培训--第一期', '培训——第一期')}`);
  });

  it('refuses to write a GB18030 file back, and says so', async () => {
    const dir = copyFixture();
    const file = path.join(dir, 'activities', '2023.yaml');
    // title: 培训--第一期, the Chinese in GB18030 (GBK) bytes, as Notepad saves "ANSI" on Chinese Windows.
    const title = Buffer.from([0xc5, 0xe0, 0xd1, 0xb5, 0x2d, 0x2d, 0xb5, 0xda, 0xd2, 0xbb, 0xc6, 0xda]);
    writeFileSync(file, Buffer.concat([Buffer.from('activities:\n  - date: 2023-02-20\n    title: '), title, Buffer.from('\n')]));
    const bytes = readFileSync(file);
    const result = await fix([file]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'fix-encoding-unsupported', severity: 'warning', params: { path: file, count: 1 } })]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(result.check.diagnostics.map((d) => d.code)).toContain('punctuation-form');
  });

  it('does not fix a rule the office switched off', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'rules:\n  traditional-characters: off\n');
    const result = await fix([dir]);
    expect(result.fixed.some((c) => c.code === 'traditional-characters')).toBe(false);
    expect(readFileSync(path.join(dir, '2023-h1.yaml'), 'utf8')).toContain('明確召集人');
  });
});
