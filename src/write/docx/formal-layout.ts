/**
 * The measurements of the 版头 and 版记 (GB/T 9704-2012 §7.2, §7.4), shared by the docx and HTML
 * writers. Pure: nothing here imports docx. Lengths are twips unless the name says otherwise.
 */
import { COPY_TO_LABEL } from '../../document/ast.js';
import { ER_HAO, SI_HAO } from './constants.js';
import { textWidthChars } from './signature.js';
import { mmToTwip, ptToHalfPoints, ptToTwip } from './units.js';

/** 发文机关标志 and the separator line below the 发文字号 are red (§7.2.4, §7.2.7). */
export const MASTHEAD_RED = 'FF0000';

/** §7.2.4: the 发文机关标志's upper edge is 35 mm below the type area's upper edge. */
export const ISSUER_TOP_GAP_MM = 35;
export const ISSUER_TOP_GAP = mmToTwip(ISSUER_TOP_GAP_MM);

/**
 * The standard leaves the 发文机关标志's size to the office (醒目、美观、庄重): the largest of 初号,
 * 小初, 一号, 小一 and 二号 that keeps it on one line; a mark too long even in 二号 wraps in 二号.
 */
export const ISSUER_SIZES = [ptToHalfPoints(42), ptToHalfPoints(36), ptToHalfPoints(26), ptToHalfPoints(24), ER_HAO] as const;

/** The issuer's exact line height, in its own size: room for the glyphs, never clipped. */
export const ISSUER_LINE_FACTOR = 1.2;
/** How far a CJK glyph's top stands above the bottom of an exact line, in its size (measured in
 * LibreOffice with Noto CJK, the face it sets where 方正小标宋简体 is missing). */
export const ISSUER_GLYPH_HEIGHT = 0.83;

/** The size (half-points) of a 发文机关标志 in a line `lineWidth` wide. */
export function issuerSize(issuer: string, lineWidth: number): number {
  const width = textWidthChars(issuer);
  // A CJK character is as wide as the font size: half-points × 10 twips.
  return ISSUER_SIZES.find((size) => width * size * 10 <= lineWidth) ?? ER_HAO;
}

/** §7.2.5: the 发文字号 two lines below the 发文机关标志; §7.3.1: the title two lines below the red line. */
export const LINES_BEFORE_NUMBER = 2;
export const LINES_BEFORE_TITLE = 2;

/** §7.2.5, §7.2.6: in a 上行文 the number is 1 character in from the left, the signer 1 from the right. */
export const NUMBER_SIDE_INDENT_CHARS = 1;
/** The 发文字号's line, in body sizes: 28 pt for 三号, GB/T 9704's line pitch. */
export const NUMBER_LINE_FACTOR = 1.75;

/** §7.2.7: the red separator line, as wide as the type area, 4 mm below the 发文字号. The standard
 * gives no thickness; 2.25 pt is what red-head templates commonly use. */
export const SEPARATOR_GAP_MM = 4;
export const SEPARATOR_WIDTH_PT = 2.25;

/** §7.4.1: the first and last rules of the 版记 are thick (0.35 mm), the rules between thin (0.25 mm). */
export const COLOPHON_THICK_RULE_MM = 0.35;
export const COLOPHON_THIN_RULE_MM = 0.25;

/** §7.4.2, §7.4.3: 抄送, 印发机关 and 印发日期 in 四号, 1 character in from either side. */
export const COLOPHON_SIZE = SI_HAO;
export const COLOPHON_SIDE_INDENT_CHARS = 1;
/** A line of the 版记: the body's 28 pt pitch. */
export const COLOPHON_LINE = ptToTwip(28);
/** The width of 抄送：, which a wrapped 抄送 line hangs under (回行时与冒号后的首字对齐). */
export const COPY_TO_LABEL_CHARS = textWidthChars(COPY_TO_LABEL);
