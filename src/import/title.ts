/**
 * What a report's title says about it: 发文机关 + 时限 + 事由 + 文种 (GB/T 9704), read back into
 * org, period and kind. Only what the title states is taken; what it does not state is left
 * undefined for the caller to warn about, never guessed from elsewhere.
 */
import type { ReportKind } from '../schema/kinds.js';

export interface TitleGuess {
  /** The words before the 时限: 某某街道人大工委. */
  org?: string;
  /** 2023-H1, 2023-H2 or 2023; undefined when the title names no year. */
  period?: string;
  /** The kind the 文种 names; undefined when no known 文种 is there. */
  kind?: ReportKind;
  /** A work plan's own 文种 word when it is not the default 工作计划 (工作要点, 工作安排). */
  titleWord?: string;
}

/** 某某街道人大工委 2023年 上半年 工作总结: the year, then the half or 度, then the rest. */
const TIME_LIMIT = /(\d{4})\s*年(上半年|下半年|度)?/;

/** A 文种 word of a plan, as it ends the title. */
const PLAN_WORD = /(工作要点|工作计划|工作安排|工作打算|要点|计划|安排)$/;

function periodOf(year: string, half: string | undefined): string {
  if (half === '上半年') return `${year}-H1`;
  if (half === '下半年') return `${year}-H2`;
  return year;
}

/** The kind a title's words after the 时限 name, given whether the period is a half. */
function kindOf(rest: string, isHalf: boolean): Pick<TitleGuess, 'kind' | 'titleWord'> {
  if (/总结/.test(rest) && /(计划|打算|安排|要点)/.test(rest)) return { kind: 'summary-and-plan' };
  if (/总结/.test(rest)) return { kind: isHalf ? 'half-year-summary' : 'annual-summary' };
  const plan = PLAN_WORD.exec(rest);
  if (plan) return plan[1] === '工作计划' ? { kind: 'work-plan' } : { kind: 'work-plan', titleWord: plan[1]! };
  if (/讲话/.test(rest)) return { kind: 'speech' };
  return {};
}

/** Reads org, period and kind from a title such as 某某街道人大工委2023年上半年工作总结. */
export function guessFromTitle(title: string): TitleGuess {
  const time = TIME_LIMIT.exec(title);
  if (!time) return kindOf(title, false);
  const org = title.slice(0, time.index).replace(/关于$/, '').trim();
  const period = periodOf(time[1]!, time[2]);
  return { ...(org ? { org } : {}), period, ...kindOf(title.slice(time.index + time[0].length), period.includes('-H')) };
}

/** The kind a report is imported as when its title names none: a summary of its period. */
export function fallbackKind(period: string | undefined): ReportKind {
  return period !== undefined && !period.includes('-H') ? 'annual-summary' : 'half-year-summary';
}
