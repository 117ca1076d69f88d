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

/**
 * A ratio as a percentage, with one decimal (0.8333 -> 83.3%), or as many more as it takes for
 * the printed figure to tell the same story as the exact one: a rate that is not 0 never prints
 * 0%, one short of (or beyond) 100% never prints 100% (0.99996 -> 99.996%).
 */
export function formatPercent(ratio: number): string {
  const percent = Number((ratio * 100).toPrecision(SIGNIFICANT_DIGITS));
  for (let decimals = 1; decimals < SIGNIFICANT_DIGITS; decimals++) {
    const rounded = Number(percent.toFixed(decimals));
    if (sameSide(rounded, percent, 0) && sameSide(rounded, percent, 100)) return `${formatNumber(rounded)}%`;
  }
  return `${formatNumber(percent)}%`;
}

function sameSide(printed: number, exact: number, boundary: number): boolean {
  return Math.sign(printed - boundary) === Math.sign(exact - boundary);
}
