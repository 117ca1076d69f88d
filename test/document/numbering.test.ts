import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock } from '../../src/document/ast.js';
import { chineseNumeral } from '../../src/document/transforms/chinese-numerals.js';
import { numberBlocks } from '../../src/document/transforms/numbering.js';

const heading = (level: 1 | 2 | 3 | 4): Block => ({ type: 'heading', level, marker: '', text: 'x' });
const points = (style: '一是' | '第一' | '首先', n: number): ParagraphBlock => ({
  type: 'paragraph',
  content: Array.from({ length: n }, () => ({ type: 'item' as const, style, marker: '', text: 'x' })),
});

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [999, '九百九十九'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [2100, '二千一百'],
  ])('%i -> %s', (n, expected) => expect(chineseNumeral(n)).toBe(expected));
});

describe('numberBlocks', () => {
  it('numbers headings 一、（一）1.（1）and restarts below a higher level', () => {
    const blocks = numberBlocks([heading(1), heading(2), heading(3), heading(4), heading(4), heading(3), heading(2), heading(1), heading(2)]);
    expect(blocks.map((b) => (b.type === 'heading' ? b.marker : ''))).toEqual(['一、', '（一）', '1.', '（1）', '（2）', '2.', '（二）', '二、', '（一）']);
  });

  it('counts run-in points per paragraph in their family', () => {
    const markers = (p: Block) => (p.type === 'paragraph' ? p.content.map((i) => (i.type === 'item' ? i.marker : '')) : []);
    const [a, b, c, d] = numberBlocks([points('一是', 3), points('一是', 2), points('第一', 2), points('首先', 4)]);
    expect(markers(a!)).toEqual(['一是', '二是', '三是']);
    expect(markers(b!)).toEqual(['一是', '二是']);
    expect(markers(c!)).toEqual(['第一，', '第二，']);
    expect(markers(d!)).toEqual(['首先，', '其次，', '再次，', '最后，']);
  });
});

describe('numberBlocks: runs (issue 7)', () => {
  const item = (style: '一是' | '第一' | '首先' | 'none', continues = false) => ({ type: 'item' as const, style, marker: '', text: 'x', ...(continues ? { continues } : {}) });
  const paragraph = (...content: ReturnType<typeof item>[]): ParagraphBlock => ({ type: 'paragraph', content });
  const markers = (blocks: Block[]) => blocks.map((p) => (p.type === 'paragraph' ? p.content.map((i) => (i.type === 'item' ? i.marker : '')).join('|') : '#'));

  it('carries a run over paragraphs whose first point continues it, and 最后 counts the whole run', () => {
    const blocks = numberBlocks([paragraph(item('首先')), paragraph(item('首先', true)), paragraph(item('首先', true)), paragraph(item('首先'))]);
    expect(markers(blocks)).toEqual(['首先，', '其次，', '最后，', '首先，']);
  });

  it('carries a run over a point\'s own further paragraph, and ends it at a run-in heading', () => {
    const text: ParagraphBlock = { type: 'paragraph', content: [{ type: 'text', text: '续段' }] };
    const runIn: ParagraphBlock = { type: 'paragraph', content: [{ type: 'heading', level: 2, marker: '', text: 'x' }, item('第一', true)] };
    expect(markers(numberBlocks([paragraph(item('第一')), text, paragraph(item('第一', true)), runIn]))).toEqual(['第一，', '', '第二，', '|第一，']);
  });

  it('starts again after a heading and in a paragraph that does not continue', () => {
    const blocks = numberBlocks([paragraph(item('第一'), item('第一')), heading(2), paragraph(item('第一', true)), paragraph(item('第一'))]);
    expect(markers(blocks)).toEqual(['第一，|第二，', '#', '第一，', '第一，']);
  });

  it('gives leads without numbers no marker, and keeps families apart in one paragraph', () => {
    expect(markers(numberBlocks([paragraph(item('none'), item('一是'), item('none'), item('一是'))]))).toEqual(['|一是||二是']);
  });

  it('counts run-in headings with the headings of their level', () => {
    const runIn = (level: 1 | 2 | 3 | 4): ParagraphBlock => ({ type: 'paragraph', content: [{ type: 'heading', level, marker: '', text: 'x' }] });
    const blocks = numberBlocks([heading(1), runIn(2), heading(2), runIn(3), runIn(3), runIn(2), runIn(1), runIn(2)]);
    const texts = blocks.map((b) => (b.type === 'heading' ? b.marker : b.type === 'paragraph' && b.content[0]?.type === 'heading' ? b.content[0].marker : ''));
    expect(texts).toEqual(['一、', '（一）', '（二）', '1.', '2.', '（三）', '二、', '（一）']);
  });
});
