/**
 * The figures of a text (400张, 31.5%, 100多人次) found and offered as metrics: each is replaced by
 * the helper that prints it back ({{metric "id"}}, or {{value "id"}} before 多/余), so that the next
 * report asks for new figures instead of copying old ones. Years, dates, times, ordinals, document
 * and article numbers and ranges are not figures of the period and stay as text.
 */
import { ID_PATTERN } from '../schema/values.js';

export interface FoundFigure {
  /** Offset in the text and length of the whole figure, unit included. */
  offset: number;
  length: number;
  value: number;
  unit: string;
  /** 多 or 余 between the number and the unit (100多人次), printed as written. */
  approximation?: string;
}

export interface ImportedMetric {
  id: string;
  name: string;
  unit: string;
  actual: number;
  /** The sentence the figure came from, for the comment beside the metric. */
  sentence: string;
}

/** Units a count or amount takes, longest first so that 人次 wins over 人 and 个百分点 over 个. */
const BASE_UNITS = [
  '平方公里', '平方米', '立方米', '个百分点', '千瓦时',
  '人次', '户次', '车次', '场次', '批次', '架次', '课时', '小时', '公里', '千米', '公顷', '公斤', '千克', '万元', '亿元',
  '张', '份', '次', '人', '户', '家', '个', '件', '项', '场', '期', '条', '元', '名', '台', '辆', '所', '座', '处', '间', '套', '本', '册', '批', '起', '宗', '篇', '吨', '亩', '米', '株', '棵', '盏', '块', '段', '支', '位', '天', '倍', '%', '％', '‰',
];
const UNIT = `(?:[万亿](?:${BASE_UNITS.join('|')})|${BASE_UNITS.join('|')}|万|亿)`;
/** 1,200 or 1200 or 31.5: digits with thousands separators, or plain, with decimals. */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const FIGURE = new RegExp(`(?<![\\d.,A-Za-z])(${NUMBER})([多余])?(${UNIT})`, 'g');

/** A range (10～20人, 10%～20%, 3至5个) names no single figure: neither end is taken. */
const RANGE_MARK = /[～~\-—－至到]/;
/** 第3次, 〔2023〕5号, 第5条: ordinals and numbers of documents and articles. */
const BEFORE_NOT_FIGURE = /[第〔\[【#№]$/;

const CLAUSE_BOUNDARY = /[，。；：、！？,.;:!?（）()“”"《》【】\s]/;
const SENTENCE_END = /[。！？；]/;
/** Characters of the text around a figure that name its metric. */
const NAME_BEFORE = 20;
const NAME_AFTER = 10;
const ID_LENGTH = 6;
const SENTENCE_MAX = 80;

function isRangeEnd(text: string, offset: number, end: number): boolean {
  return RANGE_MARK.test(text[offset - 1] ?? '') || (RANGE_MARK.test(text[end] ?? '') && /\d/.test(text[end + 1] ?? ''));
}

/** Every figure of the text, in order. */
export function findFigures(text: string): FoundFigure[] {
  const figures: FoundFigure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const offset = match.index;
    const end = offset + match[0].length;
    if (BEFORE_NOT_FIGURE.test(text.slice(0, offset)) || isRangeEnd(text, offset, end)) continue;
    figures.push({ offset, length: match[0].length, value: Number(match[1]!.replace(/,/g, '')), unit: match[3]!, ...(match[2] ? { approximation: match[2] } : {}) });
  }
  return figures;
}

/** The clause around a figure, without it: 累计发放选民连心卡 (before), 三星级 (after). */
function clauseAround(text: string, figure: FoundFigure): { before: string; after: string } {
  let start = figure.offset;
  while (start > 0 && !CLAUSE_BOUNDARY.test(text[start - 1]!) && figure.offset - start < NAME_BEFORE) start--;
  let end = figure.offset + figure.length;
  while (end < text.length && !CLAUSE_BOUNDARY.test(text[end]!) && end - (figure.offset + figure.length) < NAME_AFTER) end++;
  return { before: withoutDigits(text.slice(start, figure.offset)), after: withoutDigits(text.slice(figure.offset + figure.length, end)) };
}

/** The words of a clause without other figures' digits: what is left names the thing counted. */
function withoutDigits(text: string): string {
  return text.replace(/[\d.,%％]+/g, '');
}

/** The sentence a figure stands in, shortened around it when long. */
export function sentenceAround(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  const sentence = text.slice(start, Math.min(end + 1, text.length));
  if (sentence.length <= SENTENCE_MAX) return sentence;
  const from = Math.max(start, offset - SENTENCE_MAX / 2);
  return `${from > start ? '…' : ''}${text.slice(from, from + SENTENCE_MAX)}…`;
}

/** Verbs and words that end what comes before the thing counted: 发放|选民连心卡400张, 赫家庄等|4个. */
const BEFORE_THE_NOUN = /^.*(?:发放|接待|走访|开展|组织|举办|召开|完成|建立|建成|新增|收集|办结|受理|办理|培训|慰问|拆除|关闭|改造|整治|调解|参加|出动|排查|实现|达到|超过|累计|共计|等|了|共|约|近)/;

/** Words that end the thing counted after the figure: 3名|区人大代表|向选民述职. */
const AFTER_THE_NOUN = /(?:向|对|在|到|为|把|被|进行|开展|参加|参与|的|和|与|及).*$/;

/** A readable id: the thing counted before the figure (选民连心卡), else after it (三星级), else m1, m2… */
function idFrom(before: string, after: string, used: Set<string>, index: number): string {
  const clean = (s: string) => [...s].filter((c) => ID_PATTERN.test(c)).join('');
  const noun = clean(before.replace(BEFORE_THE_NOUN, ''));
  const following = clean(after.replace(AFTER_THE_NOUN, ''));
  const words = noun.length >= 2 ? noun.slice(-ID_LENGTH) : following.length >= 2 ? following.slice(0, ID_LENGTH) : clean(before).slice(-ID_LENGTH);
  const base = words.length >= 2 && !/^\d+$/.test(words) ? words : `m${index}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The helper that prints a figure back as it was written. */
export function helperFor(id: string, figure: FoundFigure): string {
  return figure.approximation ? `{{value "${id}"}}${figure.approximation}${figure.unit}` : `{{metric "${id}"}}`;
}

/**
 * Takes the figures of texts in document order: each text comes back with helpers in their place,
 * and each figure becomes a metric. `used` holds the ids given so far, across calls.
 */
export class FigureCollector {
  readonly metrics: ImportedMetric[] = [];
  private readonly used = new Set<string>();

  replace(text: string): string {
    // A literal {{ of the document is not an expression: escaped before the helpers are put in.
    const escaped = text.replace(/\{\{/g, '\\{{');
    let result = '';
    let at = 0;
    for (const figure of findFigures(escaped)) {
      const { before, after } = clauseAround(escaped, figure);
      const id = idFrom(before, after, this.used, this.metrics.length + 1);
      this.metrics.push({ id, name: (before + after).trim() || id, unit: figure.unit, actual: figure.value, sentence: sentenceAround(escaped, figure.offset) });
      result += escaped.slice(at, figure.offset) + helperFor(id, figure);
      at = figure.offset + figure.length;
    }
    return result + escaped.slice(at);
  }
}
