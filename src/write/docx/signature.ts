/**
 * Placement of the unsealed signature (GB/T 9704 7.3.5.2): the org name right-indented 2 characters,
 * the date on the next line with its first character 2 characters right of the org's first
 * character; when the date is too long for that (it would come closer than 2 characters to the
 * right edge), the date is right-indented 2 characters and the org's indent grows to keep the shift.
 *
 * The date is placed by its start (a left indent) when it can be: its start then depends only on
 * the org's width, which is CJK and exact in any font, not on the width of its digits, which varies
 * with the font and the editor's spacing between CJK and digits.
 */
import {
  HALF_WIDTH_CHAR,
  SIGNATURE_DATE_SHIFT_CHARS,
  SIGNATURE_RIGHT_INDENT_CHARS,
} from './constants.js';

/** Printable ASCII and the halfwidth forms block are half as wide as a CJK character. */
function isHalfWidth(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xff61 && codePoint <= 0xffdc);
}

/** The printed width of a text in full-width characters: CJK 1, ASCII 0.5. */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const char of text) {
    width += isHalfWidth(char.codePointAt(0) ?? 0) ? HALF_WIDTH_CHAR : 1;
  }
  return width;
}

/** One signature line: aligned to a side, indented from that side (twips). */
export interface SignatureLine {
  align: 'left' | 'right';
  indent: number;
}

export interface SignatureLayout {
  org: SignatureLine;
  date: SignatureLine;
}

/** `charWidth`: one full-width character of the body font; `lineWidth`: the type area's width
 * (both twips). */
export function signatureLayout(org: string, date: string, charWidth: number, lineWidth: number): SignatureLayout {
  const orgWidth = textWidthChars(org) * charWidth;
  const dateWidth = textWidthChars(date) * charWidth;
  const margin = SIGNATURE_RIGHT_INDENT_CHARS * charWidth;
  const shift = SIGNATURE_DATE_SHIFT_CHARS * charWidth;
  if (dateWidth + shift <= orgWidth) {
    const orgStart = lineWidth - margin - orgWidth;
    return {
      org: { align: 'right', indent: margin },
      date: { align: 'left', indent: Math.round(orgStart + shift) },
    };
  }
  return {
    org: { align: 'right', indent: Math.round(margin + dateWidth + shift - orgWidth) },
    date: { align: 'right', indent: margin },
  };
}
