import { type DraftRule, type Finding, type LintParagraph } from './finding.js';

/**
 * 序次语 (GB/T 9704 7.3.3): 一、 then （一） then 1. then （1）, each level counting 1, 2, 3 under
 * its parent. Only a paragraph's opening ordinal is read: 10、20、30号 inside a sentence is not one.
 */
const CHINESE_DIGITS = '一二三四五六七八九十';

function chineseNumber(text: string): number {
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) + 1 : 0);
  return text.includes('十') ? (tens ? digit(tens) : 1) * 10 + digit(ones) : digit(ones);
}

interface Ordinal {
  level: 1 | 2 | 3 | 4;
  value: number;
  text: string;
  /** The standard form, when this one is written wrongly. */
  replacement?: string;
}

const LEVELS: { level: Ordinal['level']; pattern: RegExp; standard: (digits: string) => string; parse: (digits: string) => number }[] = [
  { level: 1, pattern: /^([一二三四五六七八九十]+)([、.．])/u, standard: (d) => `${d}、`, parse: chineseNumber },
  { level: 2, pattern: /^([（(])([一二三四五六七八九十]+)([）)])/u, standard: (d) => `（${d}）`, parse: chineseNumber },
  { level: 3, pattern: /^(\d{1,2})([.．、](?!\d))/u, standard: (d) => `${d}.`, parse: Number },
  { level: 4, pattern: /^([（(])(\d{1,2})([）)])/u, standard: (d) => `（${d}）`, parse: Number },
];

export function openingOrdinal(text: string): Ordinal | undefined {
  for (const { level, pattern, standard, parse } of LEVELS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const digits = level === 1 || level === 3 ? m[1]! : m[2]!;
    const want = standard(digits);
    return { level, value: parse(digits), text: m[0], ...(m[0] !== want ? { replacement: want } : {}) };
  }
  return undefined;
}

function formFinding(p: LintParagraph, ordinal: Ordinal): Finding[] {
  if (!ordinal.replacement) return [];
  return [{ paragraph: p.index, offset: 0, code: 'ordinal-form', params: { text: ordinal.text, replacement: ordinal.replacement }, fix: { offset: 0, length: ordinal.text.length, text: ordinal.replacement } }];
}

/** Skipped (一、 then 三、), repeated or restarted (1. … 5. then 1. with no heading between) numbers. */
export const ordinalRule: DraftRule = (paragraphs) => {
  const last = new Map<number, number>();
  return paragraphs.flatMap((p) => {
    const ordinal = openingOrdinal(p.text);
    if (!ordinal) return [];
    const expected = (last.get(ordinal.level) ?? 0) + 1;
    last.set(ordinal.level, ordinal.value);
    for (const deeper of [...last.keys()].filter((level) => level > ordinal.level)) last.delete(deeper);
    const sequence: Finding[] =
      ordinal.value === expected ? [] : [{ paragraph: p.index, offset: 0, code: 'ordinal-sequence', params: { text: ordinal.text, expected: String(expected) } }];
    return [...formFinding(p, ordinal), ...sequence];
  });
};

/**
 * One run of enumeration keeps one family: 首先……其次, 第一……第二, 一是……二是. A run starts at its
 * first item and lasts until the next heading; a later item of another family breaks it.
 */
const FAMILIES: { family: string; first: RegExp; later: RegExp }[] = [
  { family: '首先', first: /首先/u, later: /其次|再次/u },
  { family: '第一', first: /第一(?=[，、,：:])/u, later: /第[二三四五六七八九十]+(?=[，、,：:])/u },
  { family: '一是', first: /一是/u, later: /[二三四五六七八九十]+是/u },
];
const ITEM_START = '(?<=^|[。；：！？，\\s])';

interface Item {
  offset: number;
  text: string;
  family: string;
  isFirst: boolean;
}

function enumerationItems(text: string): Item[] {
  return FAMILIES.flatMap(({ family, first, later }) =>
    [
      { pattern: first, isFirst: true },
      { pattern: later, isFirst: false },
    ].flatMap(({ pattern, isFirst }) => [...text.matchAll(new RegExp(ITEM_START + pattern.source, 'gu'))].map((m) => ({ offset: m.index, text: m[0], family, isFirst }))),
  ).sort((a, b) => a.offset - b.offset);
}

export const mixedOrdinalRule: DraftRule = (paragraphs) => {
  let run: string | undefined;
  return paragraphs.flatMap((p) => {
    const ordinal = openingOrdinal(p.text);
    if (p.role !== 'body' || (ordinal && ordinal.level <= 2)) run = undefined;
    return enumerationItems(p.text).flatMap((item): Finding[] => {
      if (item.isFirst) run = item.family;
      if (item.isFirst || run === undefined || run === item.family) return [];
      return [{ paragraph: p.index, offset: item.offset, code: 'ordinal-mixed', params: { text: item.text, first: run } }];
    });
  });
};
