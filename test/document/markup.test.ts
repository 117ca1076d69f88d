import { describe, expect, it } from 'vitest';
import { paragraphText } from '../../src/document/ast.js';
import { toDocument } from '../../src/document/index.js';
import { escapeMarkupLine, escapeMarkupText, originMarker, parseMarkup, pointMarkup } from '../../src/document/markup.js';

// Text as the trial typed it: each must come back exactly, wherever it stands (after an origin
// marker, as a heading, as a point, after a point's lead), with no backslash in sight.
const HOSTILE_TEXT = ['#文明城市#主题活动', '+1 分', '::: signature', '\\反斜杠', '\\#', '1. 一', '> 引用', '。', '+', '#', '私用\uE0000\uE001区'];

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

  it.each(HOSTILE_TEXT)('round-trips %j in a heading, a point, after a lead and in the signature', (text) => {
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
    const blocks = parseMarkup(['::: signature', escapeMarkupLine('青溪街道人大工委\n## 2023年'), '2023年7月5日', ':::'].join('\n'));
    expect(blocks).toEqual([{ type: 'signature', org: '青溪街道人大工委 ## 2023年', date: '2023年7月5日' }]);
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

describe('markup: structure of issue 7', () => {
  it('reads a heading run into its paragraph, points of every family and leads kept apart', () => {
    const markup = [
      '###: 强化代表履职。',
      '开头。',
      `+(第一) ${pointMarkup({ lead: '学习。', bold: true, text: '正文一。' })}`,
      `+(none) ${pointMarkup({ lead: '调研。', text: '正文二。' })}`,
      '',
      `+(首先) ${pointMarkup({ text: '接上段。', continues: true })}`,
    ].join('\n');
    const [first, second] = parseMarkup(markup);
    expect(first).toEqual({
      type: 'paragraph',
      content: [
        { type: 'heading', level: 2, marker: '', text: '强化代表履职。' },
        { type: 'text', text: '开头。' },
        { type: 'item', style: '第一', marker: '', lead: '学习。', bold: true, text: '正文一。' },
        { type: 'item', style: 'none', marker: '', lead: '调研。', text: '正文二。' },
      ],
    });
    expect(second).toEqual({ type: 'paragraph', content: [{ type: 'item', style: '首先', marker: '', text: '接上段。', continues: true }] });
  });

  it('never reads user text as a run-in heading or as the marks of a point', () => {
    const [paragraph, ...rest] = parseMarkup(escapeMarkupText('##: 不是标题\n\uE004\uE005\uE003文字'));
    expect(rest).toEqual([]);
    expect(paragraph).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '##: 不是标题文字' }] });
  });

  it('numbers a run-in heading with the own-line headings of its level, in the document', () => {
    const doc = toDocument({ markup: '## 甲\n\n###: 乙。\n正文。\n\n### 丙\n\n####: 丁。\n\n## 戊\n\n###: 己。', origins: [], org: '', date: '2023-07-05' });
    expect(doc.blocks.map((block) => (block.type === 'paragraph' ? paragraphText(block) : block.type === 'heading' ? block.marker + block.text : ''))).toEqual([
      '一、甲',
      '（一）乙。正文。',
      '（二）丙',
      '1.丁。',
      '二、戊',
      '（一）己。',
    ]);
  });
});

describe('markup: hostile text in the structure of issue 7', () => {
  it.each([...HOSTILE_TEXT, '##: 标题', '私用\uE003\uE004\uE005区'])('round-trips %j in a run-in heading, a bold lead and its point', (text) => {
    const expected = text.replace(/[\uE000-\uE005]/g, '');
    const tagged = originMarker(0) + escapeMarkupLine(text);
    const origins = [{ file: 'a.yaml', line: 1, column: 1 }];
    const [paragraph, ...rest] = parseMarkup([`####: ${tagged}`, `+(none) ${pointMarkup({ lead: tagged, bold: true, text: originMarker(0) + escapeMarkupText(text), continues: true })}`].join('\n'), origins);
    expect(rest).toEqual([]);
    expect(paragraph).toEqual({
      type: 'paragraph',
      origin: origins[0],
      content: [
        { type: 'heading', level: 3, marker: '', text: expected, origin: origins[0] },
        { type: 'item', style: 'none', marker: '', lead: expected, bold: true, text: expected, continues: true, origin: origins[0] },
      ],
    });
  });
});
