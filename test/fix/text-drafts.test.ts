import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fix } from '../../src/fix/index.js';
import { tempDir } from '../helpers/workspace.js';

const MARKDOWN = [
  '# 青溪街道2023年上半年工作总结',
  '',
  '一、加强组织领导。',
  '',
  '**认识到位**:我们于2023年03月05日召开会议,提高覆盖率10~20%。',
  '代码 `a,b` 和转义\\. 不改，链接[说明](http://x.cn/a,b)也不改。',
  '',
  '| 项目 | 说明 |',
  '|---|---|',
  '| 代表們 | 共计5~8次 |',
  '',
].join('\n');

function draft(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

/** The text with each `[before, after]` made once, at its only place: the fixes a person would make. */
function edited(text: string, changes: [string, string][]): string {
  return changes.reduce((out, [from, to]) => {
    expect(out.split(from)).toHaveLength(2);
    return out.replace(from, to);
  }, text);
}

describe('check --fix on .md and .txt drafts', () => {
  it('changes a Markdown draft at the fixed characters only, never inside code, an escape or a link', async () => {
    const file = draft('总结.md', MARKDOWN);
    const result = await fix([file]);
    const fixed = readFileSync(file, 'utf8');
    // Every other character of the file, markup, code, the escape and the link included, is as typed.
    expect(fixed).toBe(
      edited(MARKDOWN, [
        ['领导。', '领导'],
        ['**:我们', '**：我们'],
        ['2023年03月05日', '2023年3月5日'],
        ['会议,提高', '会议，提高'],
        ['10~20%', '10%～20%'],
        ['代表們', '代表们'],
        ['5~8次', '5～8次'],
      ]),
    );
    expect(result.fixed.map((c) => `${c.line}:${c.column} ${c.code}`)).toEqual([
      '3:9 heading-punctuation',
      '5:9 halfwidth-punctuation',
      '5:13 date-leading-zero',
      '5:28 halfwidth-punctuation',
      '5:34 range-percent',
      '5:36 punctuation-form',
      '10:5 traditional-characters',
      '10:12 punctuation-form',
    ]);
    // The escaped full stop is still reported: a person decides what it should be.
    expect(result.check.diagnostics.map((d) => `${d.location!.line}:${d.location!.column} ${d.code}`)).toEqual(['6:14 halfwidth-punctuation']);
  });

  it('changes nothing and writes nothing the second time', async () => {
    const file = draft('总结.md', MARKDOWN);
    await fix([file]);
    const { mtimeMs, ino } = statSync(file);
    const second = await fix([file]);
    expect(second.written).toEqual([]);
    expect(statSync(file)).toMatchObject({ mtimeMs, ino });
  });

  it('keeps CRLF line ends in a .txt draft', async () => {
    const text = '工作总结\r\n我们这些代表們都有收获.\r\n';
    const file = draft('总结.txt', text);
    await fix([file]);
    expect(readFileSync(file, 'utf8')).toBe('工作总结\r\n我们这些代表们都有收获。\r\n');
  });

  it('keeps UTF-16 with its byte-order mark', async () => {
    const file = draft('总结.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工作总结\n代表們.\n', 'utf16le')]));
    await fix([file]);
    expect(readFileSync(file)).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工作总结\n代表们。\n', 'utf16le')]));
  });

  it('reports the fixes of a GB18030 draft as not applied, and leaves its bytes alone', async () => {
    // 工作总结 / 代表們. in GB18030: 們 is 82 83 (a GBK code of the Traditional character).
    const bytes = Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1, 0x0a, 0xb4, 0xfa, 0xb1, 0xed, 0x82, 0x83, 0x2e, 0x0a]);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('工作总结\n代表們.\n');
    const file = draft('总结.txt', bytes);
    const result = await fix([file]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'fix-encoding-unsupported', params: { path: file, count: 2 } })]);
    expect(readFileSync(file)).toEqual(bytes);
  });
});
