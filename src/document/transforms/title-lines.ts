import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Block, ReportDocument, TitleBlock } from '../ast.js';

/**
 * GB/T 9704-2012 7.3.1: 标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或
 * 菱形. A title wider than a line is broken between words, never inside one: word boundaries are
 * Intl.Segmenter's (Node ships full ICU), minus the places that would part a number from its unit
 * (2023年), a bracket from its content or a mark from its text, and at a cost where the break
 * would split what the dictionary does not know as one word (办事|处), a period (2023年|上半年), the
 * org's name or a quoted name. Of the breaks into as few lines as fit (or a line or two more, when
 * that spares a bad break), the one chosen fits the shape best, 梯形 (each line no longer than the
 * next) or from three lines 菱形 (the middle longest), with lines of similar length and none of one
 * or two characters. A word wider than a line is broken
 * inside as a last resort, with a warning. Pure; the caller says how many characters a line holds
 * (the docx preset's title size across its type area).
 */

export interface TitleLineOptions {
  /** Characters of the title's size a line holds; a fraction too (20.1 of 二号 across 156 mm). */
  lineChars: number;
  /** Names kept on one line where possible: the org. */
  keepWhole?: readonly string[];
}

export interface TitleLines {
  lines: string[];
  /** Words broken inside, because no break between words let every line fit. */
  brokenWords: string[];
}

// Widths in hundredths of a character of the title's size (an em), as Word and LibreOffice set
// them, so that a line said to fit does fit there.
const EM = 100;
/** ASCII and half-width forms (digits, Latin letters): 0.5 em in 方正小标宋简体 and 宋体, 0.64 em in
 * Noto Sans CJK, LibreOffice's stand-in when those are missing; the wider counts. */
const HALF_WIDTH = 64;
/** The space Word (1/4 em) and LibreOffice (1/5 em) set between a Chinese character and a digit
 * or Latin letter (2023年 prints as 2023 年); the wider counts. */
const AUTOSPACE = 25;

function isHalfWidth(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xff61 && code <= 0xffdc);
}

const HAN = /^\p{Script=Han}$/u;
const ALPHANUMERIC = /[0-9A-Za-z]/;

/** How wide the pieces of a text print. */
interface Widths {
  /** prefix[i]: the width of text.slice(0, i) on one line, per UTF-16 unit (a surrogate pair counts once). */
  prefix: number[];
  /** spaced[i]: an autospace is counted before offset i; a line that starts there has none. */
  spaced: Uint8Array;
}

function measure(text: string): Widths {
  const prefix = [0];
  const spaced = new Uint8Array(text.length + 1);
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) {
      prefix.push(prefix[i]!);
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    spaced[i] = (HAN.test(previous) && ALPHANUMERIC.test(char)) || (ALPHANUMERIC.test(previous) && HAN.test(char)) ? 1 : 0;
    prefix.push(prefix[i]! + (isHalfWidth(code) ? HALF_WIDTH : EM) + (spaced[i] ? AUTOSPACE : 0));
    previous = char;
  }
  return { prefix, spaced };
}

/** The width of text.slice(start, end) printed as a line of its own. */
function lineWidth(widths: Widths, start: number, end: number): number {
  return widths.prefix[end]! - widths.prefix[start]! - (widths.spaced[start] ? AUTOSPACE : 0);
}

// Costs of a break, in the units of the layout costs below (characters a line is off the mean).
/** After the org's name or before 关于: where a title is broken by habit (发文机关 / 关于……的报告). */
const PREFERRED = 0;
const ORDINARY = 4;
/** Next to a one-character word that belongs to its neighbour (办事|处, 印|发, 委|组), for each
 * side: two such words (党|风) are most likely one word the dictionary lacks. */
const SPLIT_WORD = 12;
/** A line that ends in a preposition (关于, 在, 对) that belongs to what follows. */
const LINE_END_PREPOSITION = 12;
/** A line that starts with 的 (or 之, 地, 得). */
const LINE_START_PARTICLE = 20;
/** Inside a quoted name (“双联双述双接待”, 《……》). */
const INSIDE_QUOTE = 15;
/** Inside the org's name. */
const INSIDE_NAME = 30;
/** Between a year and its part (2023年|上半年): the title's 时限 is one unit. */
const INSIDE_PERIOD = 60;
/** Inside a word: only when no break between words lets every line fit. */
const INSIDE_WORD = 1000;

// Layout costs.
/** A line of one or two characters. */
const SHORT_LINE = 100;
const SHORT_LINE_CHARS = 2;
/** Lines out of the 梯形 / 菱形 order: a fixed cost, and more for each character out of order. */
const SHAPE_BROKEN = 50;
const SHAPE_PER_CHAR = 5;
/** Each line more than the fewest that hold the title: taken when it spares a worse break. */
const EXTRA_LINE = 20;
/** How many lines more than the fewest are tried. */
const EXTRA_LINES = 2;
/** Beyond this many lines no shape is sought (the search grows with the lines); lines are filled. */
const MAX_SHAPED_LINES = 6;

const OPENING = /[“‘（《〈【〔［｛「『(\[{]/;
const CLOSING = /[”’）》〉】〕］｝」』)\]}、，。；：！？…—,.;:!?%％·]/;
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '“': '”', '《': '》', '「': '」', '『': '』', '〈': '〉' };
const DIGIT_END = /[0-9０-９]$/;
const CHINESE_NUMERAL = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** One-character words that end the word before them (青溪|市, 办事|处, 2023|年): a break goes after them. */
const SUFFIXES = new Set([...'省市州盟县区旗镇乡村街社处室科股局厅部委会院所站队组办团届年月日号期次季度版篇项']);
/** Words a line should not end with. */
const PREPOSITIONS = new Set(['关于', '在', '对', '为', '从', '向', '把', '就']);
/** Words a line should not start with. */
const PARTICLES = new Set(['的', '之', '地', '得']);
/** Words of their own that may end or start a line. */
const CONJUNCTIONS = new Set(['和', '及', '与', '暨', '或', '并']);
/** Words of titles that the dictionary parts (工作|计划) but a title never breaks: the 文种 and the
 * names of offices. */
const COMPOUNDS = [
  '工作总结', '工作计划', '工作要点', '工作安排', '工作方案', '工作报告', '工作情况', '实施意见', '实施方案', '调研报告', '情况报告', '述职报告',
  '人民代表大会', '常务委员会', '委员会', '常委会', '人民政府', '办公室', '办事处',
];

/** The parts of a year: 2023年上半年, 2023年度, 2023年第三季度. */
const YEAR_PART = /^(?:上半年|下半年|全年|年度|第?[一二三四1-4]季度|第[一二三四]|季度)$/;

let segmenter: Intl.Segmenter | undefined;

/** Made when a title must be broken: loading ICU's Chinese word dictionary is a good part of a cold start. */
function wordSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
}

interface Segment {
  text: string;
  start: number;
  end: number;
}

/** A place a line may end: the line ends at `end`, the next starts at `next` (after a space). */
interface Break {
  end: number;
  next: number;
  cost: number;
}

/** V8 copies the whole input into every segment it yields, so a long text is segmented in pieces
 * of this many UTF-16 units (a word across two pieces counts as two: only absurd titles are that long). */
const SEGMENTED_PIECE = 256;

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(from + SEGMENTED_PIECE, text.length);
    // Never between the two halves of a surrogate pair.
    if (to < text.length && /[\udc00-\udfff]/.test(text[to]!)) to++;
    for (const s of wordSegmenter().segment(text.slice(from, to))) segments.push({ text: s.segment, start: from + s.index, end: from + s.index + s.segment.length });
    from = to;
  }
  return segments;
}

/** Where spans of the text lie, by offset: strictly inside one, or at a start or an end. */
interface SpanMap {
  inside: Uint8Array;
  edge: Uint8Array;
}

function spanMap(length: number, spans: Iterable<[number, number]>): SpanMap {
  const map = { inside: new Uint8Array(length + 1), edge: new Uint8Array(length + 1) };
  for (const [start, end] of spans) {
    map.edge[start] = map.edge[end] = 1;
    map.inside.fill(1, start + 1, end);
  }
  return map;
}

/** [start, end) of every occurrence of the names in the text (none overlapping one of the same name). */
function* nameSpans(text: string, names: readonly string[]): Generator<[number, number]> {
  for (const name of names) {
    if (name === '') continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) yield [at, at + name.length];
  }
}

/** [start, end) of the text between paired quotes and 书名号. */
function* quoteSpans(text: string): Generator<[number, number]> {
  for (let i = 0; i < text.length; i++) {
    const close = QUOTE_PAIRS[text[i]!];
    const end = close === undefined ? -1 : text.indexOf(close, i + 1);
    if (end > i) {
      yield [i + 1, end];
      i = end;
    }
  }
}

/** Whether a line would end with an opening mark or the next start with a closing one. */
function partsMarks(left: string, right: string): boolean {
  return OPENING.test(left.slice(-1)) || CLOSING.test(right[0] ?? '');
}

/** Whether a break between these two words would part what belongs together: never. */
function forbidden(left: string, right: string): boolean {
  return (
    partsMarks(left, right) ||
    // A number keeps its unit and its mark: 2023年, 95%.
    DIGIT_END.test(left) ||
    left === '第' ||
    CHINESE_NUMERAL.test(left)
  );
}

/** A one-character word that belongs to its neighbour: not a suffix, nor a word of its own kind. */
function isSplitOff(word: string): boolean {
  return HAN.test(word) && !SUFFIXES.has(word) && !PREPOSITIONS.has(word) && !PARTICLES.has(word) && !CONJUNCTIONS.has(word);
}

/** What breaking between these two words costs, beyond the ordinary. */
function penalty(left: string, right: string): number {
  let cost = 0;
  if (isSplitOff(left)) cost += SPLIT_WORD;
  if (isSplitOff(right) || SUFFIXES.has(right)) cost += SPLIT_WORD;
  if (PREPOSITIONS.has(left)) cost += LINE_END_PREPOSITION;
  if (PARTICLES.has(right)) cost += LINE_START_PARTICLE;
  if (left.endsWith('年') && YEAR_PART.test(right)) cost += INSIDE_PERIOD;
  return cost;
}

/** Every place between words where a line may end, with its cost. */
function wordBreaks(text: string, keepWhole: readonly string[]): Break[] {
  const segments = segmentsOf(text);
  const names = spanMap(text.length, nameSpans(text, keepWhole));
  const compounds = spanMap(text.length, nameSpans(text, COMPOUNDS));
  const quotes = spanMap(text.length, quoteSpans(text));
  const breaks: Break[] = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    // A space is where two words part: the line ends before it and the next starts after it.
    if (segment.text.trim() === '') {
      const right = segments[i + 1];
      if (right && !partsMarks(segments[i - 1]!.text, right.text)) breaks.push({ end: segment.start, next: segment.end, cost: ORDINARY });
      continue;
    }
    const left = segments[i - 1]!;
    const at = segment.start;
    if (left.text.trim() === '' || forbidden(left.text, segment.text) || compounds.inside[at]) continue;
    let cost: number;
    if (names.edge[at] || segment.text === '关于') cost = PREFERRED;
    else cost = ORDINARY + penalty(left.text, segment.text) + (names.inside[at] ? INSIDE_NAME : 0);
    if (quotes.inside[at]) cost += INSIDE_QUOTE;
    breaks.push({ end: at, next: at, cost });
  }
  return breaks;
}

/** Breaks inside words, between any two characters but where a mark would start or end a line. */
function characterBreaks(text: string, taken: ReadonlySet<number>): Break[] {
  const breaks: Break[] = [];
  const chars = [...text];
  let at = 0;
  for (let i = 0; i < chars.length - 1; i++) {
    at += chars[i]!.length;
    if (taken.has(at) || OPENING.test(chars[i]!) || CLOSING.test(chars[i + 1]!)) continue;
    breaks.push({ end: at, next: at, cost: INSIDE_WORD });
  }
  return breaks;
}

/** How far the line lengths are from the 梯形 (rising) or 菱形 (rising to a middle peak, then
 * falling) order, in characters out of place; 0 when they keep one of them. */
function shapeDeviation(lengths: readonly number[]): number {
  const rise = (from: number, to: number) => {
    let out = 0;
    for (let i = from; i < to; i++) out += Math.max(0, lengths[i]! - lengths[i + 1]!);
    return out;
  };
  const fall = (from: number, to: number) => {
    let out = 0;
    for (let i = from; i < to; i++) out += Math.max(0, lengths[i + 1]! - lengths[i]!);
    return out;
  };
  const last = lengths.length - 1;
  let best = rise(0, last);
  // 菱形: the peak on a middle line.
  for (let peak = 1; peak < last; peak++) best = Math.min(best, rise(0, peak) + fall(peak, last));
  return best;
}

/** What a set of line lengths (in characters) costs: unequal lines, short lines, a broken shape. */
function layoutCost(lengths: readonly number[]): number {
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  let cost = 0;
  for (const length of lengths) {
    cost += Math.abs(length - mean);
    if (length <= SHORT_LINE_CHARS) cost += SHORT_LINE;
  }
  const deviation = shapeDeviation(lengths);
  return deviation > 0 ? cost + SHAPE_BROKEN + SHAPE_PER_CHAR * deviation : cost;
}

interface Layout {
  breaks: Break[];
  cost: number;
}

/** The cheapest way to break the text into exactly `count` lines that fit, or undefined. */
function bestLayout(widths: Widths, breaks: readonly Break[], count: number, capacity: number): Layout | undefined {
  const length = widths.prefix.length - 1;
  const width = (start: number, end: number) => lineWidth(widths, start, end);
  let best: Layout | undefined;
  const chosen: Break[] = [];
  const search = (start: number, first: number, cost: number) => {
    if (best && cost >= best.cost) return;
    const linesLeft = count - chosen.length;
    if (linesLeft === 1) {
      if (width(start, length) > capacity) return;
      const ends = [...chosen.map((b) => b.end), length];
      const starts = [0, ...chosen.map((b) => b.next)];
      const total = cost + layoutCost(ends.map((end, i) => width(starts[i]!, end) / EM));
      if (!best || total < best.cost) best = { breaks: [...chosen], cost: total };
      return;
    }
    for (let b = first; b < breaks.length; b++) {
      const candidate = breaks[b]!;
      if (width(start, candidate.end) > capacity) break;
      if (candidate.end <= start || width(candidate.next, length) > (linesLeft - 1) * capacity) continue;
      chosen.push(candidate);
      search(candidate.next, b + 1, cost + candidate.cost);
      chosen.pop();
    }
  };
  search(0, 0, 0);
  return best;
}

/** The last resort: each line filled, ending at the farthest break between words that fits, else
 * the farthest inside a word; `breaks` sorted by where they end. */
function filledLayout(text: string, widths: Widths, breaks: readonly Break[], capacity: number): Break[] {
  const chosen: Break[] = [];
  let start = 0;
  let from = 0;
  while (lineWidth(widths, start, text.length) > capacity) {
    let word = -1;
    let any = -1;
    for (let b = from; b < breaks.length && lineWidth(widths, start, breaks[b]!.end) <= capacity; b++) {
      if (breaks[b]!.end <= start) continue;
      any = b;
      if (breaks[b]!.cost < INSIDE_WORD) word = b;
    }
    const index = word >= 0 ? word : any;
    // Only marks left that may not start or end a line: one character a line, whatever it is.
    const single = start + String.fromCodePoint(text.codePointAt(start)!).length;
    const pick = index >= 0 ? breaks[index]! : { end: single, next: single, cost: INSIDE_WORD };
    chosen.push(pick);
    start = pick.next;
    from = index + 1;
  }
  return chosen;
}

/** What the breaks inside words parted, each once: the word a break falls in, or the two it parts
 * where no break may be (2023|年). */
function wordsBrokenBy(text: string, breaks: readonly Break[]): string[] {
  const segments = segmentsOf(text);
  const words = breaks
    .filter((b) => b.cost >= INSIDE_WORD)
    .map((b) => {
      const index = segments.findIndex((segment) => b.end > segment.start && b.end <= segment.end);
      const segment = segments[index]!;
      return b.end < segment.end ? segment.text : segment.text + (segments[index + 1]?.text ?? '');
    });
  return [...new Set(words)];
}

function linesAt(text: string, breaks: readonly Break[]): string[] {
  const starts = [0, ...breaks.map((b) => b.next)];
  const ends = [...breaks.map((b) => b.end), text.length];
  return starts.map((start, i) => text.slice(start, ends[i]).trim());
}

/** A title broken into lines that each hold at most `lineChars` characters (see the top). */
export function breakTitle(text: string, options: TitleLineOptions): TitleLines {
  const capacity = Math.max(EM, Math.floor(options.lineChars * EM));
  const widths = measure(text);
  if (lineWidth(widths, 0, text.length) <= capacity) return { lines: [text], brokenWords: [] };
  const breaks = wordBreaks(text, options.keepWhole ?? []);
  // At least this many lines, should every autospace fall at a break.
  const least = Math.ceil((widths.prefix[text.length]! - AUTOSPACE * widths.spaced.reduce((a, b) => a + b, 0)) / capacity);
  let fewest: number | undefined;
  let best: Layout | undefined;
  for (let count = least; count <= Math.min(least + EXTRA_LINES, MAX_SHAPED_LINES); count++) {
    const layout = bestLayout(widths, breaks, count, capacity);
    if (!layout) continue;
    fewest ??= count;
    const cost = layout.cost + EXTRA_LINE * (count - fewest);
    if (!best || cost < best.cost) best = { breaks: layout.breaks, cost };
  }
  if (best) return { lines: linesAt(text, best.breaks), brokenWords: [] };
  const all = [...breaks, ...characterBreaks(text, new Set(breaks.map((b) => b.end)))].sort((a, b) => a.end - b.end);
  const filled = filledLayout(text, widths, all, capacity);
  return { lines: linesAt(text, filled), brokenWords: wordsBrokenBy(text, filled) };
}

/** A title block with its lines: those given, each that does not fit broken further; or its text broken. */
function fitTitle(block: TitleBlock, options: TitleLineOptions): { block: TitleBlock; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = block.origin;
  const lines = (block.lines ?? [block.text]).flatMap((line, index) => {
    const fitted = breakTitle(line, options);
    if (block.lines && fitted.lines.length > 1) diagnostics.push(warning('title-line-too-long', { line, index: index + 1, max: Math.floor(options.lineChars) }, at));
    const [word] = fitted.brokenWords;
    if (word !== undefined) diagnostics.push(warning('title-word-broken', { word, max: Math.floor(options.lineChars) }, at));
    return fitted.lines;
  });
  return { block: { ...block, lines }, diagnostics };
}

/** The title-lines transform: every title block of the document gets its printed lines. */
export function fitTitles(doc: ReportDocument, options: TitleLineOptions): { document: ReportDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const blocks = doc.blocks.map((block): Block => {
    if (block.type !== 'title') return block;
    const fitted = fitTitle(block, options);
    diagnostics.push(...fitted.diagnostics);
    return fitted.block;
  });
  return { document: { ...doc, blocks }, diagnostics };
}
