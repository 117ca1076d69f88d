/**
 * Numbers as GB/T 15835 prints them in prose: Arabic digits, no thousands separator (plain digits
 * at any size), never exponent notation, no float noise (0.1 + 0.2 prints 0.3), and a nonzero
 * value never rounded away (0.004 prints 0.004).
 */

/** Significant digits a double holds reliably: more would print float noise. */
const SIGNIFICANT_DIGITS = 15;

/** A printable figure (see isPrintableFigure) in plain decimal digits, to 15 significant digits, trailing zeros dropped. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const [mantissa, exponentText] = Math.abs(value).toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  const digits = mantissa!.replace('.', '');
  const exponent = Number(exponentText);
  const whole = exponent >= 0 ? digits.slice(0, exponent + 1).padEnd(exponent + 1, '0') : '0';
  const fraction = (exponent >= 0 ? digits.slice(exponent + 1) : '0'.repeat(-exponent - 1) + digits).replace(/0+$/, '');
  return (value < 0 ? '-' : '') + whole + (fraction ? `.${fraction}` : '');
}

/** Decimals the genre gives a percentage where the data has them: 完成年计划的100.36%. */
export const PERCENT_DECIMALS = 2;

/**
 * `value` rounded half away from zero at `decimals`, in decimal as people round: the double's own
 * noise is dropped first, so 100.355 (stored as 100.35499…) rounds to 100.36.
 */
export function roundDecimal(value: number, decimals: number): number {
  const exact = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  const scaled = Math.round(Number(`${Math.abs(exact)}e${decimals}`));
  return Math.sign(exact) * Number(`${scaled}e-${decimals}`);
}

/**
 * `value` with at most `decimals` decimals (trailing zeros dropped), or as many more as it takes
 * for the printed figure to tell the same story as the exact one: a nonzero value never prints 0,
 * and one short of (or beyond) a `boundary` such as 100% never prints the boundary itself.
 */
export function formatRounded(value: number, decimals: number, boundaries: readonly number[] = []): string {
  const exact = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  for (let places = decimals; places < SIGNIFICANT_DIGITS; places++) {
    const rounded = roundDecimal(exact, places);
    if ([0, ...boundaries].every((boundary) => sameSide(rounded, exact, boundary))) return formatNumber(rounded);
  }
  return formatNumber(exact);
}

/**
 * A ratio as a percentage with two decimals at most (5/6 -> 83.33%, 1.00355 -> 100.36%, 0.5 ->
 * 50%), more when fewer would print 0% or 100% for a rate that is neither (0.99996 -> 99.996%).
 */
export function formatPercent(ratio: number, decimals = PERCENT_DECIMALS): string {
  return `${formatRounded(ratio * 100, decimals, [100])}%`;
}

function sameSide(printed: number, exact: number, boundary: number): boolean {
  return Math.sign(printed - boundary) === Math.sign(exact - boundary);
}
