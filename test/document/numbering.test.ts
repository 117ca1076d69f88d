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
