import type { Block, HeadingLevel, Inline, ItemInline, SequenceStyle } from '../ast.js';
import { chineseNumeral } from './chinese-numerals.js';

/**
 * The genre's numbering, decided once on the AST (design §4): headings 一、 / （一） / 1. / （1）,
 * on their own line or run into a paragraph alike, counters reset below a higher heading; run-in
 * points 一是 / 第一， / 首先， counted per run. Templates never type a number, so reordering
 * sections in the notes renumbers the report.
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
  none: () => '',
};

export function numberBlocks(blocks: readonly Block[]): Block[] {
  const headings = headingCounter();
  const numbered = blocks.map((block): Block => {
    if (block.type === 'heading') return { ...block, marker: headings(block.level) };
    if (block.type !== 'paragraph') return block;
    return { ...block, content: block.content.map((inline) => (inline.type === 'heading' ? { ...inline, marker: headings(inline.level) } : inline)) };
  });
  return numberRuns(numbered);
}

/** Counts headings of every level: one more at its level, and the levels below start again. */
function headingCounter(): (level: HeadingLevel) => string {
  const counters = [0, 0, 0, 0];
  return (level) => {
    counters[level - 1]! += 1;
    counters.fill(0, level);
    return HEADING_MARKERS[level](counters[level - 1]!);
  };
}

/**
 * A run is the points of one family in one paragraph, or in later paragraphs that open with a
 * point marked `continues` (points laid out one paragraph each; a point's own further paragraphs,
 * without points, may stand between). A heading, run in or not, ends every run. Its points are
 * numbered 1..total, total being needed for 最后.
 */
function numberRuns(blocks: Block[]): Block[] {
  const runs: ItemInline[][] = [];
  let open = new Map<SequenceStyle, ItemInline[]>();
  const copies = blocks.map((block): Block => {
    if (block.type !== 'paragraph') {
      open = new Map();
      return block;
    }
    const content = block.content.map((inline): Inline => (inline.type === 'item' ? { ...inline } : inline));
    const first = content.find((inline) => inline.type === 'item');
    if (content.some((inline) => inline.type === 'heading') || (first && !first.continues)) open = new Map();
    for (const inline of content) {
      if (inline.type !== 'item') continue;
      let run = open.get(inline.style);
      if (!run) open.set(inline.style, (run = runs[runs.push([]) - 1]!));
      run.push(inline);
    }
    return { ...block, content };
  });
  for (const run of runs) run.forEach((item, i) => (item.marker = SEQUENCE_MARKERS[item.style](i + 1, run.length)));
  return copies;
}
