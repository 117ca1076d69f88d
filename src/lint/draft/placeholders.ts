import { matchesOf, perParagraph } from './finding.js';

/**
 * Blanks a writer meant to fill: ××, XX/xx, ×××, __, **, 某某, ○○ (and 〇〇 written for it),
 * □□, [待补充] and the like, TODO. XX stands alone (not inside XXL or an English word); 〇 alone is
 * the zero of 二〇二三, so only a run of them with no numeral beside it counts.
 */
const PLACEHOLDER = new RegExp(
  [
    '×{2,}',
    '(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])',
    '[*＊]{2,}',
    '[_＿]{2,}',
    '□{2,}',
    '[○〇]{2,}(?![一二三四五六七八九〇零]*年)',
    '某某',
    '[\\[【［(（]\\s*(?:待补充|待填写|待定|待核实|补充|填写)\\s*[\\]】］)）]',
    '(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])',
  ].join('|'),
  'gu',
);

/** Shared by the notes lint (src/lint/text.ts), so a blank is a blank in notes and drafts alike. */
export function placeholdersIn(text: string): { offset: number; text: string }[] {
  return matchesOf(text, PLACEHOLDER).map((m) => ({ offset: m.index, text: m[0] }));
}

export const placeholderRule = perParagraph((text) => placeholdersIn(text).map((p) => ({ offset: p.offset, code: 'placeholder', params: { text: p.text } })));
