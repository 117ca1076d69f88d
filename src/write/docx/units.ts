/**
 * Unit conversions for WordprocessingML. Our own rather than docx's helpers, because
 * `convertMillimetersToTwip` rounds down (37 mm would give 2097, not GB/T 9704's 2098).
 */

/** Twips (1/20 pt) in one inch. */
const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;
const TWIPS_PER_POINT = 20;
/** Font sizes are in half-points: twips = half-points × 10. */
const TWIPS_PER_HALF_POINT = TWIPS_PER_POINT / 2;

/** Millimetres to twips, rounded to the nearest twip. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * TWIPS_PER_INCH) / MM_PER_INCH);
}

/** Points to twips. */
export function ptToTwip(pt: number): number {
  return Math.round(pt * TWIPS_PER_POINT);
}

/** Points to half-points (the unit of w:sz). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Twips to points. */
export function twipToPt(twip: number): number {
  return twip / TWIPS_PER_POINT;
}

/** The width of `chars` full-width characters of a font of `sizeHalfPoints`, in twips
 * (a CJK character is as wide as the font size). */
export function charsToTwip(chars: number, sizeHalfPoints: number): number {
  return Math.round(chars * sizeHalfPoints * TWIPS_PER_HALF_POINT);
}
