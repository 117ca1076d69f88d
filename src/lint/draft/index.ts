import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Draft, DraftParagraph } from '../../load/drafts/types.js';
import { countRule } from './counts.js';
import { blankOut, type DraftRule, type Finding, type LintParagraph, type PlacedParagraph } from './finding.js';
import { garbledRules, garbledSpans } from './garbled.js';
import { headingRule } from './headings.js';
import { ignoredRules, optOutSpans } from './opt-out.js';
import { mixedOrdinalRule, ordinalRule } from './ordinals.js';
import { numberRule } from './numbers.js';
import { placeholderRule } from './placeholders.js';
import { punctuationRule } from './punctuation.js';
import { repeatRule } from './repeats.js';
import { unfinishedRule } from './unfinished.js';
import { DRAFT_RULES } from './rule-table.js';

export { DRAFT_RULES, type DraftRuleCode } from './rule-table.js';
export { countsWithoutNumber } from './counts.js';

export interface DraftLintContext {
  /** The repo's other drafts, for text copied from one report into another. */
  otherDrafts?: readonly Draft[];
}

/** Rules that must not read damaged text as punctuation or numbers: they see garbled runs blanked. */
const RULES_ON_CLEAN_TEXT: DraftRule[] = [placeholderRule, countRule, punctuationRule, ordinalRule, mixedOrdinalRule, numberRule, headingRule, unfinishedRule];

function lintParagraphs(draft: Draft): LintParagraph[] {
  return draft.paragraphs.map((p, index) => ({ index, role: p.role, text: blankOut(p.text, optOutSpans(p.text)) }));
}

function withoutGarble(paragraphs: readonly LintParagraph[]): LintParagraph[] {
  return paragraphs.map((p) => ({ ...p, text: blankOut(p.text, garbledSpans(p.text)) }));
}

function placeOf(paragraph: DraftParagraph, offset: number): string {
  const at = paragraph.locate(offset);
  return `${at.file}:${at.line}`;
}

function placedParagraphs(drafts: readonly Draft[]): PlacedParagraph[] {
  return drafts.flatMap((draft) => lintParagraphs(draft).map((p) => ({ ...p, place: (offset: number) => placeOf(draft.paragraphs[p.index]!, offset) })));
}

function toDiagnostic(draft: Draft, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    code: finding.code,
    severity: DRAFT_RULES[finding.code].severity,
    params: finding.params,
    location: draft.paragraphs[finding.paragraph]!.locate(finding.offset),
  };
  return finding.fix ? { ...diagnostic, fix: finding.fix } : diagnostic;
}

/**
 * A reviewer's red pen over a draft written by hand. Severities are the defaults of DRAFT_RULES;
 * the caller applies the office's `rules:` levels (applyRuleLevels) as for any other diagnostic.
 */
export function lintDraft(draft: Draft, context: DraftLintContext): Diagnostic[] {
  const paragraphs = lintParagraphs(draft);
  const clean = withoutGarble(paragraphs);
  const others = placedParagraphs((context.otherDrafts ?? []).filter((other) => other.path !== draft.path));
  const findings = [
    ...RULES_ON_CLEAN_TEXT.flatMap((rule) => rule(clean)),
    ...garbledRules.flatMap((rule) => rule(paragraphs)),
    ...repeatRule(clean, (index, offset) => placeOf(draft.paragraphs[index]!, offset), others),
  ];
  const kept = findings.filter((f) => !ignoredRules(draft.paragraphs[f.paragraph]!.text).has(f.code));
  return kept.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset).map((f) => toDiagnostic(draft, f));
}
