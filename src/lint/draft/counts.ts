import { matchesOf, perParagraph } from './finding.js';

/**
 * A count whose number was lost: 发放宣传资料多份、 横幅余条。 召集……的家企业 共接待……人次.
 * Shared by the notes lint (src/lint/text.ts) and the draft lint, so both read counts alike.
 *
 * 多/余 + measure word counts only where it closes the noun phrase (资料多份、): placed before a
 * noun it is an ordinary adjective (多场遭遇战, 多项措施), and 许多, 很多, 其余 are words.
 */
const MEASURE = '(?:份|条|张|件|台|场|期|篇|项|户|人次|次|个|名|批|处|所|家)';
const CLOSES_PHRASE = '(?=[，。；、！？：,;.!?:）)」”\\s]|$|和|与|及|等)';
const NUMBER_CHAR = '\\d０-９一二三四五六七八九十百千万亿几两';
const TRAILING_COUNT = new RegExp(`(?<![${NUMBER_CHAR}许很较更最诸众繁大好太过其业剩多余])[多余]${MEASURE}${CLOSES_PHRASE}`, 'gu');

/** 走访了家企业: a verb or 的 right before 家 + a kind of organisation, nothing counted. */
const ORGANISATIONS_UNCOUNTED = /(?<=(?:的|了|内|召集|走访|组织|帮扶|联系|服务|调研|检查|培育|引进))家(?:企业|单位|公司|商户|医院|学校|机构|门店)/gu;

/** 共接待群众来信来访人次: 共 … 人次 with no figure in between (a placeholder there, ××人次, is the placeholder rule's). */
const TOTAL_WITHOUT_FIGURE = new RegExp(`共[^${NUMBER_CHAR}多余×XxＸｘ*＊_＿□○〇，。；！？,;!?]{1,15}?人次`, 'gu');

const PATTERNS = [TRAILING_COUNT, ORGANISATIONS_UNCOUNTED, TOTAL_WITHOUT_FIGURE];

export interface CountWithoutNumber {
  offset: number;
  text: string;
}

export function countsWithoutNumber(text: string): CountWithoutNumber[] {
  return PATTERNS.flatMap((pattern) => matchesOf(text, pattern).map((m) => ({ offset: m.index, text: m[0] }))).sort((a, b) => a.offset - b.offset);
}

export const countRule = perParagraph((text) => countsWithoutNumber(text).map((c) => ({ offset: c.offset, code: 'missing-number', params: { text: c.text } })));
