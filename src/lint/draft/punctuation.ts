import { openingOrdinal } from './ordinals.js';
import { blankOut, type DraftRule, type Finding, HAN, matchesOf, perParagraph } from './finding.js';

/**
 * GB/T 15834 in Chinese text: full-width marks, …… and —— doubled, ～ in ranges, curly quotes.
 * A half-width mark counts only next to Chinese (a Han character or a full-width mark), so
 * English phrases, URLs, times (11:07), decimals (31.5), ratios and versions (v2.1.0) keep theirs.
 */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

const KEEP_AS_IS = [/[a-z][a-z0-9+.-]*:\/\/\S+/giu, /www\.\S+/giu, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, /v?\d+(?:[.:]\d+)+/giu];

const CHINESE = new RegExp(`[${HAN}\\u3001-\\u303f\\uff01-\\uff5e“”‘’…—]`, 'u');

function isChinese(char: string | undefined): boolean {
  return char !== undefined && CHINESE.test(char);
}

/** Exempt spans, and the opening ordinal: (1) is ordinal-form's to report, once. */
function withoutExemptSpans(text: string): string {
  const ordinal = openingOrdinal(text)?.text.length ?? 0;
  return blankOut(text, [{ start: 0, end: ordinal }, ...KEEP_AS_IS.flatMap((p) => matchesOf(text, p).map((m) => ({ start: m.index, end: m.index + m[0].length })))]);
}

/** Nearest non-space character on each side: "(每名代表20张)," has Chinese after the comma only. */
function neighbours(text: string, offset: number): [string | undefined, string | undefined] {
  const before = text.slice(0, offset).trimEnd();
  const after = text.slice(offset + 1).trimStart();
  return [before.at(-1), after[0]];
}

/** What halfWidthMarks looks for: text without any (most Chinese prose) needs no exempt spans found. */
const HALF_WIDTH_CANDIDATE = /[,;:?!().]/;

function halfWidthMarks(text: string): Omit<Finding, 'paragraph'>[] {
  if (!HALF_WIDTH_CANDIDATE.test(text)) return [];
  const masked = withoutExemptSpans(text);
  // A run of one mark (:::, !!!) is a symbol or syntax, not a misplaced full-width mark: left alone.
  return matchesOf(masked, /([,;:?!])\1+|[,;:?!()]|(?<!\.)\.(?!\.)/gu).flatMap((m) => {
    if (m[0].length > 1) return [];
    const [before, after] = neighbours(masked, m.index);
    // A full stop counts only straight after Chinese (活动.), never inside Latin text or after a number.
    const chinese = m[0] === '.' ? isChinese(before) : isChinese(before) || isChinese(after);
    if (!chinese) return [];
    const replacement = FULL_WIDTH[m[0]]!;
    return [{ offset: m.index, code: 'halfwidth-punctuation', params: { text: m[0], replacement }, fix: { offset: m.index, length: 1, text: replacement } }];
  });
}

/** "…" pairs: opening and closing alternate; a fix is safe only when they pair up. */
function straightQuotes(text: string): Omit<Finding, 'paragraph'>[] {
  const quotes = matchesOf(text, /"/gu).filter((m) => isChinese(text[m.index - 1]) || isChinese(text[m.index + 1]));
  const paired = quotes.length % 2 === 0;
  return quotes.map((m, i) => {
    const replacement = i % 2 === 0 ? '“' : '”';
    return paired
      ? { offset: m.index, code: 'halfwidth-punctuation', params: { text: '"', replacement }, fix: { offset: m.index, length: 1, text: replacement } }
      : { offset: m.index, code: 'halfwidth-punctuation', params: { text: '"', replacement } };
  });
}

/** ... or 。。。 or a lone … for ……; -- for ——; ~ between figures for ～. */
const WRONG_FORMS: { pattern: RegExp; replacement: string }[] = [
  { pattern: new RegExp(`(?<=[${HAN}，。”])(?:\\.{3,}|。{3,})|(?<!…)…(?!…)`, 'gu'), replacement: '……' },
  { pattern: new RegExp(`(?<=[${HAN}，。”])-{2,}|-{2,}(?=[${HAN}“])`, 'gu'), replacement: '——' },
  { pattern: /(?<=[\d０-９%％])~(?=[\d０-９])/gu, replacement: '～' },
];

/** What every WRONG_FORMS pattern needs: most text has none. */
const WRONG_FORM_CANDIDATE = /\.{3}|。{3}|…|-{2}|~/;

function wrongForms(text: string): Omit<Finding, 'paragraph'>[] {
  if (!WRONG_FORM_CANDIDATE.test(text)) return [];
  return WRONG_FORMS.flatMap(({ pattern, replacement }) =>
    matchesOf(text, pattern).map((m) => ({ offset: m.index, code: 'punctuation-form' as const, params: { text: m[0], replacement }, fix: { offset: m.index, length: m[0].length, text: replacement } })),
  );
}

export const punctuationRule: DraftRule = perParagraph((text) => [...halfWidthMarks(text), ...straightQuotes(text), ...wrongForms(text)]);
