import { PERIOD_PATTERN } from '../schema/values.js';

/** A report period, with the inclusive ISO bounds that filter the activity log. */
export interface Period {
  /** Normalised: 2023, 2023-H1, 2023-H2. */
  id: string;
  year: number;
  half?: 1 | 2;
  start: string;
  end: string;
  /** How the genre names it: 2023年上半年, 2023年. */
  label: string;
}

/** Parses a period the schema has accepted (a year may come as a number). */
export function parsePeriod(value: string | number): Period {
  const match = PERIOD_PATTERN.exec(String(value));
  if (!match) throw new Error(`not a period: ${value}`);
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { id: String(year), year, start: `${year}-01-01`, end: `${year}-12-31`, label: `${year}年` };
  }
  const half = match[2] === '1' ? 1 : 2;
  return half === 1
    ? { id: `${year}-H1`, year, half, start: `${year}-01-01`, end: `${year}-06-30`, label: `${year}年上半年` }
    : { id: `${year}-H2`, year, half, start: `${year}-07-01`, end: `${year}-12-31`, label: `${year}年下半年` };
}

/** The period that follows: the next half after a half (2023-H2 -> 2024-H1), the next year after a year. */
export function nextPeriod(period: Period): Period {
  if (period.half === 1) return parsePeriod(`${period.year}-H2`);
  return parsePeriod(period.half === 2 ? `${period.year + 1}-H1` : period.year + 1);
}

/**
 * How a heading names a period that follows another: 下半年 within the same year (the year is in the
 * title already), 2024年上半年 or 2024年 across years.
 */
export function labelAfter(period: Period, previous: Period): string {
  return period.year === previous.year && period.half !== undefined ? period.label.slice(`${period.year}年`.length) : period.label;
}

export function inPeriod(period: Period, isoDate: string): boolean {
  return isoDate >= period.start && isoDate <= period.end;
}

function dateParts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number);
  return [year!, month!, day!];
}

/** 成文日期 as GB/T 15835 writes it: the year in full, no zero padding (2023年7月5日). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = dateParts(isoDate);
  return `${year}年${month}月${day}日`;
}

/** A date within the report's year, as prose writes it (3月11日). */
export function chineseMonthDay(isoDate: string): string {
  const [, month, day] = dateParts(isoDate);
  return `${month}月${day}日`;
}

/** Today's date where the user is (not UTC): the 成文日期 a new report starts with. */
export function localIsoDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
