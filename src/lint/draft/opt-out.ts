import { DRAFT_RULES, type DraftRuleCode } from './rule-table.js';

/**
 * A paragraph opts out of rules with a directive anywhere in it:
 *   md:  <!-- plan-report: ignore halfwidth-punctuation, ordinal-form -->
 *   txt: （plan-report: ignore halfwidth-punctuation）   (half-width brackets work too)
 * With no ids it opts out of every rule. The directive itself is never linted.
 */
const DIRECTIVE = /(?:<!--|[（(])\s*plan-report:\s*ignore\b([^)）>]*?)\s*(?:-->|[）)])/gu;

export function optOutSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(DIRECTIVE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function ignoredRules(text: string): Set<DraftRuleCode> {
  const ignored = new Set<DraftRuleCode>();
  for (const m of text.matchAll(DIRECTIVE)) {
    const ids = m[1]!.split(/[\s,，、]+/u).filter(Boolean);
    const named = ids.length === 0 ? (Object.keys(DRAFT_RULES) as DraftRuleCode[]) : ids.filter((id): id is DraftRuleCode => id in DRAFT_RULES);
    for (const id of named) ignored.add(id);
  }
  return ignored;
}
