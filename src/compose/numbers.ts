/**
 * Numbers as GB/T 15835 prints them in prose: Arabic digits, no thousands separator below 10 000,
 * no trailing zeros, no float noise (0.1 + 0.2 prints 0.3).
 */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A ratio as a percentage with at most one decimal: 0.8333 -> 83.3%. */
export function formatPercent(ratio: number): string {
  return `${String(Math.round(ratio * 1000) / 10)}%`;
}
