import Handlebars from 'handlebars';
import type { Node } from 'yaml';
import { error, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { locate, locationAt, nodeAt, type SourceFile, type YamlPath } from '../load/source-file.js';
import type { ReportModel } from '../model/report-model.js';
import { proseHelpers, type HelperCall, type ProseHelper } from './helpers.js';

/** A string of the notes that the report prints, and where it was written. */
export interface ProseSource {
  text: string;
  file: SourceFile;
  path: YamlPath;
}

export interface RenderedProse {
  text?: string;
  diagnostics: Diagnostic[];
}

type HbsNode = hbs.AST.Statement;
/** A call keeps the offset of its expression in the text: it is located only if it has a problem. */
type Part = { kind: 'text'; text: string } | { kind: 'call'; call: HelperCall; offset: number; expression: string };

/**
 * Prose is text with {{ }} expressions over the notes ({{metric "cards"}}, {{count tag="述职"}}).
 * It is parsed with Handlebars' parser but evaluated here, so that only the registry's helpers
 * exist and every reference is checked, with its own line and column, before anything renders.
 */
export function renderProse(source: ProseSource, model: ReportModel): RenderedProse {
  const locateAt = proseLocator(source);
  const parsed = parseProse(source, locateAt);
  if ('diagnostics' in parsed) return parsed;
  // A call repeated in the text is checked once: its problems are the same, at each place.
  const checked = new Map<string, Diagnostic[]>();
  const diagnostics = parsed.parts.flatMap((part) => {
    if (part.kind !== 'call') return [];
    const key = JSON.stringify(part.call);
    const problems = checked.get(key) ?? checkCall(part.call, model);
    checked.set(key, problems);
    if (problems.length === 0) return [];
    const location = locateAt(part.offset);
    return problems.map((problem) => ({ ...problem, location }));
  });
  // With notes missing (a file that failed to load), values cannot be computed, only checked.
  if (diagnostics.length > 0 || model.source.incomplete.size > 0) return { diagnostics };
  const text = parsed.parts.map((part) => (part.kind === 'text' ? part.text : renderFigure(part, model, locateAt))).join('');
  return { text, diagnostics: [] };
}

/**
 * A call's text, recorded with its expression, its place and the notes entries it read: compose is
 * the one place that knows each figure the report prints (explain lists them).
 */
function renderFigure(part: Extract<Part, { kind: 'call' }>, model: ReportModel, locateAt: Locator): string {
  const helper = proseHelpers[part.call.name]!;
  const value = helper.render(part.call, model);
  if (helper.sources) model.figures.push({ expression: part.expression, value, at: locateAt(part.offset), sources: helper.sources(part.call, model) });
  return value;
}

function parseProse(source: ProseSource, locateAt: Locator): { parts: Part[] } | { diagnostics: Diagnostic[] } {
  const scanned = scanProse(source.text);
  if ('problem' in scanned) {
    const { code, offset, detail } = scanned.problem;
    return { diagnostics: [error(code, { detail }, locateAt(offset))] };
  }
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source.text);
  } catch {
    // Handlebars' error gives no usable offset: the culprit is the expression that fails alone.
    const bad = scanned.expressions.find((span) => !parses(source.text.slice(span.start, span.end)));
    const offset = bad?.start ?? 0;
    return { diagnostics: [error('prose-syntax', { detail: preview(source.text, offset) }, locateAt(offset))] };
  }
  const parts: Part[] = [];
  const diagnostics: Diagnostic[] = [];
  const lineStarts = lineStartsOf(source.text);
  for (const node of program.body) {
    const part = toPart(node, source, lineStarts, locateAt);
    if ('diagnostic' in part) diagnostics.push(part.diagnostic);
    else if (part.kind !== 'skip') parts.push(part);
  }
  return diagnostics.length > 0 ? { diagnostics } : { parts };
}

function parses(text: string): boolean {
  try {
    Handlebars.parse(text);
    return true;
  } catch {
    return false;
  }
}

interface Span {
  start: number;
  end: number;
}

interface ScanProblem {
  code: DiagnosticCode;
  offset: number;
  detail: string;
}

/**
 * One linear pass over the prose before Handlebars parses it: it finds the {{ }} expressions and
 * refuses, at their own place, what Handlebars would choke on or blame elsewhere. Helpers take
 * literals only, so a subexpression `(` is refused here: nested ones take Handlebars' parser
 * exponential time. A stray `}}` or a `}` after an expression is a slip, not text to print.
 */
function scanProse(text: string): { expressions: Span[] } | { problem: ScanProblem } {
  const expressions: Span[] = [];
  const problem = (code: DiagnosticCode, offset: number, from = offset) => ({ problem: { code, offset, detail: preview(text, from) } });
  let i = 0;
  let nextClose = -1;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (nextClose < i) nextClose = text.indexOf('}}', i);
    if (nextClose >= 0 && (open < 0 || nextClose < open)) return problem('prose-syntax', nextClose);
    if (open < 0) break;
    if (text[open - 1] === '\\' && text[open - 2] !== '\\') {
      // \{{ : Handlebars prints everything up to the next {{ as it stands.
      const next = text.indexOf('{{', open + 2);
      i = next < 0 ? text.length : next;
      nextClose = -1;
      continue;
    }
    const comment = text.startsWith('{{!--', open) ? '--}}' : text.startsWith('{{!', open) ? '}}' : undefined;
    if (comment) {
      const end = text.indexOf(comment, open + 3);
      if (end < 0) return problem('prose-syntax', open);
      i = end + comment.length;
      continue;
    }
    const closer = text[open + 2] === '{' ? '}}}' : '}}';
    let quote: string | undefined;
    let j = open + closer.length;
    for (; j < text.length; j++) {
      const char = text[j]!;
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '(') {
        return problem('prose-subexpression', j, open);
      } else if (text.startsWith('{{', j)) {
        return problem('prose-syntax', open);
      } else if (text.startsWith(closer, j)) {
        break;
      }
    }
    if (j >= text.length) return problem('prose-syntax', open);
    const end = j + closer.length;
    if (text[end] === '}') return problem('prose-syntax', end);
    expressions.push({ start: open, end });
    i = end;
  }
  return { expressions };
}

/** What a message quotes: the expression from `offset`, to its }} or a few characters on. */
function preview(text: string, offset: number): string {
  const close = text.indexOf('}}', offset);
  const end = Math.min(close < 0 ? text.length : close + 2, offset + 40);
  return text.slice(offset, end).split('\n')[0]!;
}

type Locator = (offset: number) => Location;
type Range = NonNullable<Node['range']>;

/**
 * Locates characters of the prose value in the file, for offsets asked in increasing order (the
 * order of the expressions). The text that starts at an offset (up to a space, which a folded
 * line may have been) is found again in the file, after the previous place found, skipping as
 * many copies as the value holds in between: a copy of an expression in a {{!-- comment --}} or
 * earlier in the text is not blamed, and the whole pass is linear. Text that YAML rewrote
 * (escapes) falls back to the start of the value.
 */
function proseLocator(source: ProseSource): Locator {
  // Looked up at the first offset asked: most prose is never located, and its file's node tree is built on demand.
  let range: Range | undefined | null = null;
  let scalar = '';
  let lastOffset = 0;
  let lastAt = 0;
  let valueStart: Location | undefined;
  const fallback = () => (valueStart ??= locate(source.file, source.path));
  return (offset) => {
    if (range === null) {
      range = nodeAt(source.file.doc, source.path).node?.range;
      scalar = range ? source.file.text.slice(0, range[1]) : '';
      lastAt = range?.[0] ?? 0;
    }
    const needle = /^\S{1,16}/.exec(source.text.slice(offset, offset + 16))?.[0];
    if (!range || !needle || offset < lastOffset) return fallback();
    let at = scalar.indexOf(needle, lastAt);
    for (let k = source.text.indexOf(needle, lastOffset); at >= 0 && k >= 0 && k < offset; k = source.text.indexOf(needle, k + 1)) at = scalar.indexOf(needle, at + 1);
    if (at < 0) return fallback();
    lastOffset = offset;
    lastAt = at;
    return locationAt(source.file, at);
  };
}

function toPart(node: HbsNode, source: ProseSource, lineStarts: readonly number[], locateAt: Locator): Part | { kind: 'skip' } | { diagnostic: Diagnostic } {
  if (node.type === 'ContentStatement') return { kind: 'text', text: (node as hbs.AST.ContentStatement).value };
  if (node.type === 'CommentStatement') return { kind: 'skip' };
  const start = lineStarts[node.loc.start.line - 1]! + node.loc.start.column;
  const expression = source.text.slice(start, lineStarts[node.loc.end.line - 1]! + node.loc.end.column);
  if (node.type !== 'MustacheStatement') return { diagnostic: error('prose-syntax', { detail: expression }, locateAt(start)) };
  const mustache = node as hbs.AST.MustacheStatement;
  const name = mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : expression;
  const params = mustache.params.map(literalValue);
  const hashPairs = mustache.hash?.pairs ?? [];
  const hashValues = hashPairs.map((pair) => literalValue(pair.value));
  // A blank literal ({{count tag=""}}) names nothing: never read as "all".
  if ([...params, ...hashValues].some((value) => value === undefined || (typeof value === 'string' && value.trim() === ''))) {
    const usage = helperNamed(name)?.usage ?? name;
    return { diagnostic: error('bad-helper-args', { name, usage }, locateAt(start)) };
  }
  const hash = Object.fromEntries(hashPairs.map((pair, i) => [pair.key, hashValues[i]!]));
  return { kind: 'call', call: { name, params: params as (string | number)[], hash }, offset: start, expression };
}

/** String and number literals; a bare word is taken as the string it spells (quotes forgotten). */
function literalValue(node: hbs.AST.Expression): string | number | undefined {
  switch (node.type) {
    case 'StringLiteral':
      return (node as hbs.AST.StringLiteral).value;
    case 'NumberLiteral':
      return (node as hbs.AST.NumberLiteral).value;
    case 'PathExpression':
      return (node as hbs.AST.PathExpression).original;
    default:
      return undefined;
  }
}

/** The call's problems, unlocated. */
function checkCall(call: HelperCall, model: ReportModel): Diagnostic[] {
  const helper = helperNamed(call.name);
  if (helper) return helper.check(call, model);
  const names = Object.keys(proseHelpers);
  const suggestion = closest(call.name, names);
  return [
    suggestion
      ? error('unknown-helper-suggest', { name: call.name, suggestion })
      : error('unknown-helper', { name: call.name, known: listNames(names.map((n) => `{{${n}}}`), 12) }),
  ];
}

/** Own entries only: {{constructor}} or {{toString}} must not find Object.prototype's members. */
function helperNamed(name: string): ProseHelper | undefined {
  return Object.hasOwn(proseHelpers, name) ? proseHelpers[name] : undefined;
}

/** Where each line starts: Handlebars gives positions as 1-based lines and 0-based columns. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
