import type { Finding, LintParagraph, PlacedParagraph } from './finding.js';

/**
 * A paragraph, or a long sentence, that appears twice: in this draft, or copied from another
 * report of the same repo (the seeds' 篇(5) and 篇(6) are 篇(4) again). The opening ordinal is
 * ignored, so a section moved under another number still counts. Short sentences (套话 such as
 * 现将有关情况报告如下) repeat legitimately, hence the minimum lengths.
 */
const MIN_PARAGRAPH = 30;
const MIN_SENTENCE = 40;
const OPENING = /^\s*(?:[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十]+[，、]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/u;

interface Passage {
  key: string;
  offset: number;
}

const normalise = (text: string): string => text.replace(/\s+/gu, '');

function wholeParagraph(text: string): Passage | undefined {
  const opening = OPENING.exec(text)?.[0].length ?? 0;
  const key = normalise(text.slice(opening));
  return key.length >= MIN_PARAGRAPH ? { key, offset: opening + (text.slice(opening).length - text.slice(opening).trimStart().length) } : undefined;
}

function longSentences(text: string): Passage[] {
  return [...text.matchAll(/[^。！？；]+[。！？；]?/gu)].flatMap((m) => {
    const lead = m[0].length - m[0].trimStart().length;
    const key = normalise(m[0]).replace(OPENING, '');
    return key.length >= MIN_SENTENCE ? [{ key, offset: m.index + lead }] : [];
  });
}

export function repeatRule(paragraphs: readonly LintParagraph[], place: (paragraph: number, offset: number) => string, others: readonly PlacedParagraph[]): Finding[] {
  const seen = new Map<string, string>();
  const remember = (text: string, where: (offset: number) => string) => {
    const whole = wholeParagraph(text);
    if (whole && !seen.has(whole.key)) seen.set(whole.key, where(whole.offset));
    for (const s of longSentences(text)) if (!seen.has(s.key)) seen.set(s.key, where(s.offset));
  };
  for (const other of others) remember(other.text, other.place);
  return paragraphs.flatMap((p): Finding[] => {
    const whole = wholeParagraph(p.text);
    const repeated = whole && seen.has(whole.key) ? whole : longSentences(p.text).find((s) => seen.has(s.key));
    const found: Finding[] = repeated ? [{ paragraph: p.index, offset: repeated.offset, code: 'duplicate-text', params: { first: seen.get(repeated.key)! } }] : [];
    remember(p.text, (offset) => place(p.index, offset));
    return found;
  });
}
