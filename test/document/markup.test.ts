import { describe, expect, it } from 'vitest';
import { paragraphText } from '../../src/document/ast.js';
import { toDocument } from '../../src/document/index.js';
import { escapeMarkupLine, escapeMarkupText, originMarker, parseMarkup } from '../../src/document/markup.js';

describe('markup parser', () => {
  it('reads title, headings of four levels, paragraphs with run-in points and the signature', () => {
    const blocks = parseMarkup(
      ['# 标题', '', '## 一级', '### 二级', '#### 三级', '##### 四级', '', '开头。', '+ 甲。', '+ 乙。', '', '::: signature', '某单位', '2023年7月5日', ':::'].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['title', 'heading', 'heading', 'heading', 'heading', 'paragraph', 'signature']);
    expect(blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.level : 0))).toEqual([1, 2, 3, 4]);
    expect(blocks[5]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '开头。' },
        { type: 'item', style: '一是', marker: '', text: '甲。' },
        { type: 'item', style: '一是', marker: '', text: '乙。' },
      ],
    });
    expect(blocks[6]).toEqual({ type: 'signature', org: '某单位', date: '2023年7月5日' });
  });

  it('joins the lines of a paragraph without spaces between Chinese, with one between words', () => {
    const [paragraph] = parseMarkup('第一行\n第二行 and\nmore words');
    expect(paragraph?.type === 'paragraph' && paragraphText(paragraph)).toBe('第一行第二行 and more words');
  });

  it('never reinterprets escaped user text as syntax', () => {
    const userText = '# 不是标题\n+ 不是要点\n::: 也不是\n\\反斜杠开头';
    const [paragraph, ...rest] = parseMarkup(escapeMarkupText(userText));
    expect(rest).toEqual([]);
    expect(paragraph?.type === 'paragraph' && paragraphText(paragraph)).toBe('# 不是标题+ 不是要点::: 也不是\\反斜杠开头');
  });

  // Text as the trial typed it: each must come back exactly, wherever it stands (after an origin
  // marker, as a heading, as a point, after a point's lead), with no backslash in sight.
  const HOSTILE = ['#文明城市#主题活动', '+1 分', '::: signature', '\\反斜杠', '\\#', '1. 一', '> 引用', '。', '+', '#', '私用\uE0000\uE001区'];

  it.each(HOSTILE)('round-trips %j in a heading, a point, after a lead and in the signature', (text) => {
    const expected = text.replace(/[\uE000-\uE002]/g, '');
    const origins = [{ file: 'a.yaml', line: 1, column: 1 }];
    const tagged = originMarker(0) + escapeMarkupLine(text);
    const blocks = parseMarkup(
      [`# ${tagged}`, `## ${tagged}`, '', `+ ${tagged}`, `+ ${originMarker(0)}${escapeMarkupLine('小标题')}。${tagged}`, '', '::: signature', tagged, tagged, ':::'].join('\n'),
      origins,
    );
    expect(blocks).toEqual([
      { type: 'title', text: expected, origin: origins[0] },
      { type: 'heading', level: 1, marker: '', text: expected, origin: origins[0] },
      {
        type: 'paragraph',
        origin: origins[0],
        content: [
          { type: 'item', style: '一是', marker: '', text: expected, origin: origins[0] },
          { type: 'item', style: '一是', marker: '', text: `小标题。${expected}`, origin: origins[0] },
        ],
      },
      { type: 'signature', org: expected, date: expected },
    ]);
  });

  it('keeps a one-line field on its line: a line break in it never opens a heading or pushes the date out', () => {
    const blocks = parseMarkup(['::: signature', escapeMarkupLine('某某街道人大工委\n## 2023年'), '2023年7月5日', ':::'].join('\n'));
    expect(blocks).toEqual([{ type: 'signature', org: '某某街道人大工委 ## 2023年', date: '2023年7月5日' }]);
  });

  it('links blocks and points to the origins their text carries', () => {
    const origins = [
      { file: 'a.yaml', line: 3, column: 5 },
      { file: 'a.yaml', line: 9, column: 7 },
    ];
    const blocks = parseMarkup(`## ${originMarker(0)}标题\n\n+ ${originMarker(1)}要点`, origins);
    expect(blocks[0]).toMatchObject({ type: 'heading', text: '标题', origin: origins[0] });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', origin: origins[1], content: [{ type: 'item', text: '要点', origin: origins[1] }] });
  });
});

describe('toDocument', () => {
  it('numbers and punctuates once, and takes the title into the meta', () => {
    const doc = toDocument({ markup: '# 某单位2023年上半年工作总结\n\n## 甲\n\n累计400张(每名代表20张),完成.\n+ 第一点\n+ 第二点', origins: [], org: '某单位', date: '2023-07-05' });
    expect(doc.meta).toEqual({ title: '某单位2023年上半年工作总结', org: '某单位', date: '2023-07-05' });
    expect(doc.blocks[1]).toMatchObject({ type: 'heading', marker: '一、', text: '甲' });
    const paragraph = doc.blocks[2]!;
    expect(paragraph.type === 'paragraph' && paragraphText(paragraph)).toBe('累计400张（每名代表20张），完成.一是第一点二是第二点');
  });
});
