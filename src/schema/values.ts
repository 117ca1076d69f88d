/**
 * The rules of single values (a date, a period, an id, a figure) as plain code. The zod schemas
 * (common.ts) state them for validation; the rest of the program uses them from here, so that a
 * build whose notes are valid never loads zod.
 */

/**
 * A calendar date that exists, 2023-07-05, as one regular expression (months' lengths and leap
 * years included) so that the JSON Schema for editors and the runtime check are the same rule.
 */
export const ISO_DATE_PATTERN =
  /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;

export function isRealIsoDate(value: string): boolean {
  return ISO_DATE_PATTERN.test(value);
}

export const PERIOD_PATTERN = /^(\d{4})(?:-[Hh]([12]))?$/;

export const ID_PATTERN = /^[\p{L}\p{N}_-]+$/u;

/**
 * Figures of the notes, and what prose computes from them, stay below this magnitude: up to it a
 * double holds every whole number exactly and 15 significant digits print without exponent.
 */
export const MAX_FIGURE = 1e15;

export function isPrintableFigure(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < MAX_FIGURE;
}
