import { z } from 'zod';
import { ID_PATTERN, ISO_DATE_PATTERN, isPrintableFigure, isRealIsoDate, MAX_FIGURE, PERIOD_PATTERN } from './values.js';

/**
 * Building blocks shared by the notes' schemas. Custom checks carry `params.code`, the diagnostic
 * code that validate.ts reports for them.
 */

/** Unquoted YAML dates stay strings in YAML 1.2, so a date is a string here. */
export const isoDate = z
  .string()
  .refine(isRealIsoDate, { params: { code: 'bad-date' } })
  .meta({ description: '日期，写成 2023-07-05 / a date, 2023-07-05', pattern: ISO_DATE_PATTERN.source });

const PERIOD_DESCRIPTION = '报告期：2023、2023-H1 或 2023-H2 / the period: 2023, 2023-H1 or 2023-H2';

/**
 * A report period: a year (2023) or a half (2023-H1, 2023-H2). YAML reads an unquoted 2023 as a
 * number, which is what a secretary means, so a year may be a number too.
 */
export const period = z.union([
  z
    .string()
    .refine((value) => PERIOD_PATTERN.test(value), { params: { code: 'bad-period' } })
    .meta({ description: PERIOD_DESCRIPTION, pattern: PERIOD_PATTERN.source }),
  z
    .number()
    .int()
    .refine((value) => value >= 1000 && value <= 9999, { params: { code: 'bad-period' } })
    .meta({ description: PERIOD_DESCRIPTION, minimum: 1000, maximum: 9999 }),
]);

/** An id that prose can reference: {{metric "cards"}}. */
export const id = z
  .string()
  .trim()
  .refine((value) => ID_PATTERN.test(value), { params: { code: 'bad-id' } })
  // For editors, the same rule: spaces around are trimmed.
  .meta({ description: '编号：字母、数字、汉字、- 或 _ / an id: letters, digits, CJK, - or _', pattern: `^\\s*${ID_PATTERN.source.slice(1, -1)}\\s*$` });

/** Text that the report prints; it may hold {{ }} expressions over the notes, and run over lines. */
export const prose = z.string().trim().min(1).meta({ pattern: '\\S', description: '正文文字，可含 {{metric "id"}} 等表达式 / report text, may hold {{ }} expressions' });

/** Any line break YAML can carry, a literal block's (|) or a quoted "\n". */
const LINE_BREAK = /[\n\r\v\f\u2028\u2029]/;
const NOT_LINE_BREAK = '[^\\n\\r\\v\\f\\u2028\\u2029]';

/**
 * Text of one line: a name, a title, a lead, a tag, a unit. The newline that a folded or literal
 * block (`org: >`) adds at the end, and spaces around, mean nothing and are trimmed; a line break
 * inside would split a title or push the date out of the signature, so it is refused.
 */
export const lineText = z
  .string()
  .trim()
  .refine((value) => !LINE_BREAK.test(value), { params: { code: 'text-multiline' } })
  .meta({ pattern: `^\\s*(?:\\S${NOT_LINE_BREAK}*?)?\\s*$` });

export const nonEmptyLine = lineText.min(1).meta({ pattern: `^\\s*\\S${NOT_LINE_BREAK}*?\\s*$` });

/** A figure of the notes, printable as typed. */
export const figure = z
  .number()
  .refine(isPrintableFigure, { params: { code: 'number-out-of-range' } })
  .meta({ exclusiveMinimum: -MAX_FIGURE, exclusiveMaximum: MAX_FIGURE });

/** One path or glob, or a list of them, relative to the file that names them. */
export const sourcePatterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
