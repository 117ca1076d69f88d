import type { Block, HeadingLevel, Inline, SequenceStyle } from '../ast.js';
import { chineseNumeral } from './chinese-numerals.js';

/**
 * The genre's numbering, decided once on the AST (design §4): headings 一、 / （一） / 1. / （1）,
 * counters reset below a higher heading; run-in points 一是 / 第一， / 首先， counted per paragraph.
 * Templates never type a number, so reordering sections in the notes renumbers the report.
 */
const HEADING_MARKERS: Record<HeadingLevel, (n: number) => string> = {
  1: (n) => `${chineseNumeral(n)}、`,
  2: (n) => `（${chineseNumeral(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

const ORDINAL_WORDS = ['首先', '其次', '再次'];

const SEQUENCE_MARKERS: Record<SequenceStyle, (n: number, total: number) => string> = {
  一是: (n) => `${chineseNumeral(n)}是`,
  第一: (n) => `第${chineseNumeral(n)}，`,
  // 首先、其次、再次 … 最后: the last point of a run takes 最后 once there are three or more.
  首先: (n, total) => (total >= 3 && n === total ? '最后，' : `${ORDINAL_WORDS[n - 1] ?? `第${chineseNumeral(n)}`}，`),
};

export function numberBlocks(blocks: readonly Block[]): Block[] {
  const counters: number[] = [0, 0, 0, 0];
  return blocks.map((block) => {
    if (block.type === 'heading') {
      const index = block.level - 1;
      counters[index]! += 1;
      counters.fill(0, index + 1);
      return { ...block, marker: HEADING_MARKERS[block.level](counters[index]!) };
    }
    if (block.type === 'paragraph') return { ...block, content: numberItems(block.content) };
    return block;
  });
}

function numberItems(content: readonly Inline[]): Inline[] {
  const totals = new Map<SequenceStyle, number>();
  for (const inline of content) if (inline.type === 'item') totals.set(inline.style, (totals.get(inline.style) ?? 0) + 1);
  const seen = new Map<SequenceStyle, number>();
  return content.map((inline) => {
    if (inline.type !== 'item') return inline;
    const n = (seen.get(inline.style) ?? 0) + 1;
    seen.set(inline.style, n);
    return { ...inline, marker: SEQUENCE_MARKERS[inline.style](n, totals.get(inline.style)!) };
  });
}
