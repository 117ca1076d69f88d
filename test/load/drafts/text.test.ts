import { describe, expect, it } from 'vitest';
import { readMarkdownDraft, readTextDraft, roleByText } from '../../../src/load/drafts/text.js';

/** Where the first `needle` of a paragraph's text is, as line:column, with the line quoted. */
function placeOf(paragraph: { text: string; locate(offset: number): { line: number; column: number; sourceLine?: string } }, needle: string): string {
  const offset = paragraph.text.indexOf(needle);
  expect(offset, `"${needle}" in "${paragraph.text}"`).toBeGreaterThanOrEqual(0);
  const at = paragraph.locate(offset);
  return `${at.line}:${at.column} ${at.sourceLine}`;
}

describe('plain-text drafts', () => {
  const text = '2023年上半年工作总结\r\n\r\n　　一、加强组织领导\r\n　　发放宣传资料多份，受理咨询××人次。\r\n（二）突出重点\r\n';
  const paragraphs = readTextDraft('/d/draft.txt', text);

  it('reads each non-empty line as a paragraph, its indent left out', () => {
    expect(paragraphs.map((p) => [p.role, p.text])).toEqual([
      ['title', '2023年上半年工作总结'],
      ['heading', '一、加强组织领导'],
      ['body', '发放宣传资料多份，受理咨询××人次。'],
      ['heading', '（二）突出重点'],
    ]);
  });

  it('locates a character at its line and column in the file, indent and CRLF counted as written', () => {
    expect(placeOf(paragraphs[2]!, '××')).toBe('4:16 　　发放宣传资料多份，受理咨询××人次。');
    expect(paragraphs[2]!.locate(paragraphs[2]!.text.length)).toMatchObject({ file: '/d/draft.txt', line: 4, column: 21 });
  });

  it('takes a first line as the title only when it is short and ends without punctuation', () => {
    expect(roleByText('下面，我再谈三点想法:', true)).toBe('body');
    expect(roleByText('关于2023年工作的总结', false)).toBe('body');
    expect(roleByText('一、怎样正确看待政协委组的地位与作用', true)).toBe('heading');
    expect(roleByText('(三)半角括号的标题', false)).toBe('heading');
  });
});

describe('Markdown drafts', () => {
  const text = [
    '---', // 1
    'title: 不是正文', // 2
    '---', // 3
    '# 青溪街道2023年上半年工作总结', // 4
    '', // 5
    '今年以来，街道**人大工委**围绕中心工作，', // 6
    '发放[宣传资料](http://example.org/a)多份。', // 7
    '', // 8
    '## 一、加强组织领导 ##', // 9
    '', // 10
    '1. 邀请__农业大学学生开展活动，`代码`照旧。', // 11
    '- 要点 *强调*，未配对的 ** 保留，[待补充] 不是链接', // 12
    '', // 13
    '```', // 14
    '代码块中的 ×× 不是正文', // 15
    '```', // 16
    '<!-- 注释 ×× -->', // 17
    '| 项目 | 数量 |', // 18
    '| --- | --- |', // 19
    '| 宣传资料 | 多份 |', // 20
    'English words', // 21
    'joined by a space', // 22
    '', // 23
    '二级标题', // 24
    '---', // 25
  ].join('\n');
  const paragraphs = readMarkdownDraft('/d/draft.md', text);

  it('reads headings, paragraphs, list items and table cells, markup removed, lines joined', () => {
    expect(paragraphs.map((p) => [p.role, p.text])).toEqual([
      ['title', '青溪街道2023年上半年工作总结'],
      ['body', '今年以来，街道人大工委围绕中心工作，发放宣传资料多份。'],
      ['heading', '一、加强组织领导'],
      ['body', '1.邀请__农业大学学生开展活动，代码照旧。'],
      ['body', '要点 强调，未配对的 ** 保留，[待补充] 不是链接'],
      ['body', '项目'],
      ['body', '数量'],
      ['body', '宣传资料'],
      ['body', '多份'],
      ['body', 'English words joined by a space'],
      ['heading', '二级标题'],
    ]);
  });

  it('locates characters at their real line and column through the markup and the joined lines', () => {
    const [title, body, heading, item, bullet] = paragraphs;
    expect(placeOf(title!, '2023')).toBe('4:7 # 青溪街道2023年上半年工作总结');
    expect(placeOf(body!, '人大工委')).toBe('6:10 今年以来，街道**人大工委**围绕中心工作，');
    expect(placeOf(body!, '围绕')).toBe('6:16 今年以来，街道**人大工委**围绕中心工作，');
    expect(placeOf(body!, '多份')).toBe('7:31 发放[宣传资料](http://example.org/a)多份。');
    expect(placeOf(heading!, '加强')).toBe('9:6 ## 一、加强组织领导 ##');
    expect(placeOf(item!, '__')).toBe('11:6 1. 邀请__农业大学学生开展活动，`代码`照旧。');
    expect(placeOf(item!, '照旧')).toBe('11:23 1. 邀请__农业大学学生开展活动，`代码`照旧。');
    expect(placeOf(bullet!, '**')).toBe('12:16 - 要点 *强调*，未配对的 ** 保留，[待补充] 不是链接');
    expect(placeOf(paragraphs[8]!, '多份')).toBe('20:10 | 宣传资料 | 多份 |');
  });
});
