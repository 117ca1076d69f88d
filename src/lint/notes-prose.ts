import { isPair, isScalar, visit, type Scalar } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locationAt, type SourceFile } from '../load/source-file.js';
import { sourceRangeOf, valueSourceOffsets } from '../load/scalar-source.js';
import { blankOut, HAN, type DraftRule, type Finding, type LintParagraph } from './draft/finding.js';
import { garbledSpans, traditionalRule } from './draft/garbled.js';
import { numberRule } from './draft/numbers.js';
import { punctuationRule } from './draft/punctuation.js';
import { DRAFT_RULES } from './draft/rule-table.js';
import { normalisePunctuation } from '../document/transforms/punctuation.js';
import { applyEdits } from './edits.js';

/**
 * The draft rules that make sense in notes, run over the prose typed in them: full-width
 * punctuation and its forms, GB/T 15835 dates, years, ranges and approximations, Traditional
 * characters. Ordinals, headings and repeats are the composed report's (lintText), not a string's.
 */
const NOTES_PROSE_RULES: DraftRule[] = [punctuationRule, numberRule];
const RULES_ON_GARBLED_TEXT: DraftRule[] = [traditionalRule];

/** Keys whose values are names, references, dates or settings, never prose: a fix there would break
 * what refers to them (a plan's `section:` names a section's title). */
const NOT_PROSE = new Set([
  'id', 'date', 'due', 'period', 'periods', 'plan-period', 'sources', 'previous-metrics', 'section', 'plan', 'metric', 'tags', 'kind', 'unit',
  'numbering', 'sequence', 'layout', 'plans', 'preset', 'fonts', 'formats', 'out', 'templates', 'reference-doc', 'lang', 'rules', 'note', 'number',
]);

const HAS_HAN = new RegExp(HAN, 'u');
/** {{ ... }} expressions are code, not text: {{count tag="视察调研"}} has no straight quotes in it. */
const EXPRESSION = /\{\{[\s\S]*?\}\}/g;

/** A finding in a notes file, with the edit of the file that fixes it when that edit is exact. */
export interface ProseFinding {
  diagnostic: Diagnostic;
  /** Where the scalar starts in the file, and the fix as an edit of its value. */
  scalar: { start: number; value: string };
  valueFix?: NonNullable<Diagnostic['fix']>;
  /** The fix as an edit of the decoded file text; absent when the value's characters cannot be
   * mapped one to one onto the file (an escape, a folded line break). */
  edit?: { start: number; end: number; text: string };
}

/** The key a value belongs to: its own pair's, or, for a list item, the list's. */
function fieldOf(path: readonly unknown[]): string | undefined {
  const pair = path.findLast((node) => isPair(node));
  return pair && isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The string values holding Chinese text, keys and non-prose fields left out, in document order. */
function proseScalars(file: SourceFile): Scalar<string>[] {
  const found: Scalar<string>[] = [];
  visit(file.doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !HAS_HAN.test(node.value)) return;
      const field = fieldOf(path);
      if (field !== undefined && !NOT_PROSE.has(field)) found.push(node as Scalar<string>);
    },
  });
  return found;
}

function blankedExpressions(text: string): string {
  return blankOut(text, [...text.matchAll(EXPRESSION)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
}

const PAIRED_MARKS = ['"', '()'];

/** The value as the output transform sees it, an expression standing for the figure it prints. */
function asPrinted(value: string): string {
  return value.replace(EXPRESSION, (expression) => '0'.repeat(expression.length));
}

/**
 * Whether the report prints the same with or without the fix: the output already applies GB/T 15834
 * to half-width , ; : ? ! ( ) " next to Chinese and to ... (README, "What the output applies for
 * you"), so typing them so in the notes is no mistake. Paired marks are judged together.
 */
function printedAnyway(value: string, finding: Finding, all: readonly Finding[]): boolean {
  if (!finding.fix) return false;
  const pair = PAIRED_MARKS.find((marks) => marks.includes(String(finding.params.text)));
  const together = pair ? all.filter((f) => f.fix && pair.includes(String(f.params.text))) : [finding];
  const edits = together.map((f) => ({ start: f.fix!.offset, end: f.fix!.offset + f.fix!.length, text: f.fix!.text }));
  const printed = asPrinted(value);
  return normalisePunctuation(printed) === normalisePunctuation(applyEdits(printed, edits).text);
}

/** What the rules find in a text, before printedAnyway: garbled runs are blanked for all rules but those about garbled text. */
function rawFindings(text: string): Finding[] {
  const paragraph: LintParagraph = { index: 0, role: 'body', text };
  const clean: LintParagraph = { ...paragraph, text: blankOut(text, garbledSpans(text)) };
  return [...NOTES_PROSE_RULES.flatMap((rule) => rule([clean])), ...RULES_ON_GARBLED_TEXT.flatMap((rule) => rule([paragraph]))];
}

function findingsOf(value: string): Finding[] {
  const found = rawFindings(blankedExpressions(value));
  return found.filter((finding) => !printedAnyway(value, finding, found)).sort((a, b) => a.offset - b.offset);
}

/**
 * Values screened together, joined by blank lines: no rule matches across them, none is blanked by
 * a neighbour (garbled runs merge only within a few characters), and whatever a value's own text
 * holds still matches; a match across the gap only adds findings. So a chunk without a finding has
 * no value with one, and tens of thousands of activity titles cost a few calls of each pattern
 * instead of a few each.
 */
const SCREEN_SEPARATOR = '\n'.repeat(8);
const SCREEN_CHUNK = 512;

/** Whether any of the values has a finding: chunks are screened, and only a chunk that has one is looked at value by value. */
function anyHasFindings(values: readonly string[], findings: (value: string) => Finding[]): boolean {
  for (let from = 0; from < values.length; from += SCREEN_CHUNK) {
    const chunk = values.slice(from, from + SCREEN_CHUNK);
    if (rawFindings(chunk.map(blankedExpressions).join(SCREEN_SEPARATOR)).length > 0 && chunk.some((value) => findings(value).length > 0)) return true;
  }
  return false;
}

/**
 * The prose values of the data, as proseScalars finds them among the nodes (a value's field is the
 * nearest mapping key above it): whether any has a finding is known without the node tree.
 */
function proseValues(data: unknown): string[] {
  const found: string[] = [];
  // A stack, not recursion: hostile notes may nest thousands deep. Two arrays, not a pair per value: logs are long.
  const values: unknown[] = [data];
  const fields: (string | undefined)[] = [undefined];
  while (values.length > 0) {
    const value = values.pop();
    const field = fields.pop();
    if (typeof value === 'string') {
      if (field !== undefined && !NOT_PROSE.has(field) && HAS_HAN.test(value)) found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        fields.push(field);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        values.push((value as Record<string, unknown>)[key]);
        fields.push(key);
      }
    }
  }
  return found;
}

/** Every finding of one notes file, each at the character in the file (or at its scalar). */
export function proseFindings(file: SourceFile): ProseFinding[] {
  // Each value's findings once: a file without any is done without walking (or building) its nodes.
  const memo = new Map<string, Finding[]>();
  const findings = (value: string): Finding[] => memo.get(value) ?? memo.set(value, findingsOf(value)).get(value)!;
  if (file.data !== undefined && !anyHasFindings(proseValues(file.data), findings)) return [];
  return proseScalars(file).flatMap((scalar) => {
    const sources = valueSourceOffsets(file.text, scalar);
    const scalarStart = scalar.range![0];
    return findings(scalar.value).map((finding): ProseFinding => {
      const source = sources?.[finding.offset];
      const diagnostic: Diagnostic = {
        code: finding.code,
        severity: DRAFT_RULES[finding.code].severity,
        params: finding.params,
        location: locationAt(file, source !== undefined && source >= 0 ? source : scalarStart),
      };
      const range = finding.fix && sources ? sourceRangeOf(sources, finding.fix.offset, finding.fix.length) : undefined;
      const placed: ProseFinding = { diagnostic, scalar: { start: scalarStart, value: scalar.value } };
      return finding.fix && range ? { ...placed, valueFix: finding.fix, edit: { ...range, text: finding.fix.text } } : placed;
    });
  });
}

/** The prose rules over the notes files a report draws on (or one file checked on its own). */
export function lintNotesProse(files: readonly SourceFile[]): Diagnostic[] {
  return files.flatMap((file) => proseFindings(file).map((finding) => finding.diagnostic));
}
