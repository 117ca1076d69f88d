import { z } from 'zod';

/**
 * Building blocks shared by the notes' schemas. Custom checks carry `params.code`, the diagnostic
 * code that validate.ts reports for them.
 */

/** A calendar date that exists, written 2023-07-05 (unquoted YAML dates stay strings in YAML 1.2). */
export const isoDate = z
  .string()
  .refine(isRealIsoDate, { params: { code: 'bad-date' } })
  .meta({ description: '日期，写成 2023-07-05 / a date, 2023-07-05', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-[Hh]([12]))?$/;

/** A report period: a year (2023) or a half (2023-H1, 2023-H2). */
export const period = z
  .string()
  .refine((value) => PERIOD_PATTERN.test(value), { params: { code: 'bad-period' } })
  .meta({ description: '报告期：2023、2023-H1 或 2023-H2 / the period: 2023, 2023-H1 or 2023-H2', pattern: PERIOD_PATTERN.source });

export const ID_PATTERN = /^[\p{L}\p{N}_-]+$/u;

/** An id that prose can reference: {{metric "cards"}}. */
export const id = z
  .string()
  .refine((value) => ID_PATTERN.test(value), { params: { code: 'bad-id' } })
  .meta({ description: '编号：字母、数字、汉字、- 或 _ / an id: letters, digits, CJK, - or _' });

/** Text that the report prints; it may hold {{ }} expressions over the notes. */
export const prose = z.string().min(1).meta({ description: '正文文字，可含 {{metric "id"}} 等表达式 / report text, may hold {{ }} expressions' });

export const nonEmptyText = z.string().min(1);

/** One path or glob, or a list of them, relative to the file that names them. */
export const sourcePatterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
