import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceIfUnchanged, writeNewFile } from '../../src/fix/write.js';
import { tempDir } from '../helpers/workspace.js';

describe('writing fixed files', () => {
  it('replaces a file that still holds the bytes read, leaving nothing beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'old');
    expect(await replaceIfUnchanged(file, Buffer.from('old'), Buffer.from('new'))).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('skips a file saved by someone between the read and the write, and says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'saved meanwhile');
    expect(await replaceIfUnchanged(file, Buffer.from('old'), Buffer.from('new'))).toMatchObject({ code: 'fix-file-changed', severity: 'warning', params: { path: file } });
    expect(readFileSync(file, 'utf8')).toBe('saved meanwhile');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('never writes a new file over an existing one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.fixed.docx');
    writeFileSync(file, 'mine');
    expect(await writeNewFile(file, Buffer.from('copy'))).toMatchObject({ code: 'fix-copy-exists', severity: 'error' });
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['a.fixed.docx']);
  });
});
