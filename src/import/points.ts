/**
 * 一是……二是…… and 第一，……第二，…… recognised in a paragraph's text, their numbers stripped (the
 * build numbers them again), so that reordering the points renumbers them.
 */
import { chineseNumeral } from '../document/transforms/chinese-numerals.js';

export type ImportedSequence = '一是' | '第一';

export interface ImportedPoint {
  lead?: string;
  text: string;
}

export interface ImportedRun {
  /** The words before the first point. */
  text?: string;
  sequence: ImportedSequence;
  /** One paragraph a point (第一，……¶第二，……) rather than run into one paragraph. */
  layout?: 'paragraphs';
  points: ImportedPoint[];
}

const MARKERS: Record<ImportedSequence, (n: number) => string> = {
  一是: (n) => `${chineseNumeral(n)}是`,
  第一: (n) => `第${chineseNumeral(n)}，`,
};

/** Where a point may start: the paragraph's start or after a mark that ends a clause (not inside 统一是). */
const POINT_BOUNDARY = /[。；;：:，,！!？?]/;

/** A lead is a short first sentence without inner pauses: 制定全年工作计划。 */
const LEAD_MAX_LENGTH = 20;

/** The number of the n-th point of a family, as the build prints it: 二是, 第二，. */
export function markerOf(sequence: ImportedSequence, n: number): string {
  return MARKERS[sequence](n);
}

function markerAt(text: string, from: number, marker: string): number {
  for (let at = text.indexOf(marker, from); at >= 0; at = text.indexOf(marker, at + 1)) {
    if (at === 0 || POINT_BOUNDARY.test(text[at - 1]!)) return at;
  }
  return -1;
}

/** A point's own lead (its first short sentence) and text; no lead when the sentence is long or the text would be empty. */
export function pointOf(text: string): ImportedPoint {
  const end = text.indexOf('。');
  const lead = text.slice(0, end);
  const rest = text.slice(end + 1);
  if (end <= 0 || lead.length > LEAD_MAX_LENGTH || /[，,、；;：:]/.test(lead) || rest.trim() === '') return { text };
  return { lead, text: rest };
}

/** The points run into a paragraph, at least two in order, or undefined when it has none. */
export function splitRunIn(text: string): ImportedRun | undefined {
  for (const sequence of Object.keys(MARKERS) as ImportedSequence[]) {
    const starts: number[] = [];
    for (let n = 1; ; n++) {
      const at = markerAt(text, n === 1 ? 0 : starts[n - 2]! + 1, MARKERS[sequence](n));
      if (at < 0) break;
      starts.push(at);
    }
    if (starts.length < 2) continue;
    const points = starts.map((start, i) => pointOf(text.slice(start + MARKERS[sequence](i + 1).length, starts[i + 1] ?? text.length)));
    const before = text.slice(0, starts[0]);
    return { ...(before ? { text: before } : {}), sequence, points };
  }
  return undefined;
}

/** The family and number a paragraph starts with (一是…, 第二，…), for points one paragraph each. */
export function leadingMarker(text: string): { sequence: ImportedSequence; n: number; rest: string } | undefined {
  for (const sequence of Object.keys(MARKERS) as ImportedSequence[]) {
    for (let n = 1; n <= 99; n++) {
      const marker = MARKERS[sequence](n);
      if (text.startsWith(marker)) return { sequence, n, rest: text.slice(marker.length) };
    }
  }
  return undefined;
}
