import type { Node } from 'yaml';
import { error, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { lazyLocation, locate, locationAt, nodeAt, type SourceFile, type YamlPath } from '../load/source-file.js';
import type { FigureSource } from '../model/provenance.js';
import type { ReportModel } from '../model/report-model.js';
import { proseHelpers, type HelperCall, type ProseHelper } from './helpers.js';
import { parsePlainProse, preview, scanProse } from './prose-calls.js';
import { parseWithHandlebars, type HandlebarsPiece } from './prose-handlebars.js';

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

/** A call keeps the offset of its expression in the text: it is located only if it has a problem. */
type Part = { kind: 'text'; text: string } | { kind: 'call'; call: HelperCall; offset: number; expression: string };

/**
 * Prose is text with {{ }} expressions over the notes ({{metric "cards"}}, {{count tag="述职"}}).
 * It is read as Handlebars reads it (by Handlebars' own parser when it is not the plain form) but
 * evaluated here, so that only the registry's helpers exist and every reference is checked, with
 * its own line and column, before anything renders.
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
  const text = parsed.parts.map((part) => (part.kind === 'text' ? part.text : renderFigure(part, model, source.file.path, locateAt))).join('');
  return { text, diagnostics: [] };
}

/**
 * A call's text, recorded with its expression, its place and the notes entries it read: compose is
 * the one place that knows each figure the report prints (explain lists them).
 */
function renderFigure(part: Extract<Part, { kind: 'call' }>, model: ReportModel, file: string, locateAt: Locator): string {
  const helper = proseHelpers[part.call.name]!;
  const value = helper.render(part.call, model);
  if (!helper.sources) return value;
  // The entries a figure read are listed when explain asks: a count over 100,000 activities would list them all at every build.
  let sources: FigureSource[] | undefined;
  const { call } = part;
  model.figures.push({
    expression: part.expression,
    value,
    at: lazyLocation(file, () => locateAt(part.offset)),
    get sources() {
      return (sources ??= helper.sources!(call, model));
    },
  });
  return value;
}

function parseProse(source: ProseSource, locateAt: Locator): { parts: Part[] } | { diagnostics: Diagnostic[] } {
  const scanned = scanProse(source.text);
  if ('problem' in scanned) {
    const { code, offset, detail } = scanned.problem;
    return { diagnostics: [error(code, { detail }, locateAt(offset))] };
  }
  const pieces = parsePlainProse(source.text, scanned.expressions) ?? parseWithHandlebars(source.text);
  if (!pieces) {
    // Handlebars' error gives no usable offset: the culprit is the expression that fails alone.
    const bad = scanned.expressions.find((span) => !parseWithHandlebars(source.text.slice(span.start, span.end)));
    const offset = bad?.start ?? 0;
    return { diagnostics: [error('prose-syntax', { detail: preview(source.text, offset) }, locateAt(offset))] };
  }
  const parts: Part[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const piece of pieces) {
    const part = toPart(piece, source, locateAt);
    if ('diagnostic' in part) diagnostics.push(part.diagnostic);
    else parts.push(part);
  }
  return diagnostics.length > 0 ? { diagnostics } : { parts };
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

function toPart(piece: HandlebarsPiece, source: ProseSource, locateAt: Locator): Part | { diagnostic: Diagnostic } {
  if (piece.kind === 'text') return piece;
  const expression = source.text.slice(piece.start, piece.end);
  if (piece.kind === 'unsupported') return { diagnostic: error('prose-syntax', { detail: expression }, locateAt(piece.start)) };
  const { name, params, pairs, start } = piece;
  // A blank literal ({{count tag=""}}) names nothing: never read as "all".
  if ([...params, ...pairs.map(([, value]) => value)].some((value) => value === undefined || (typeof value === 'string' && value.trim() === ''))) {
    const usage = helperNamed(name)?.usage ?? name;
    return { diagnostic: error('bad-helper-args', { name, usage }, locateAt(start)) };
  }
  const hash = Object.fromEntries(pairs) as Record<string, string | number>;
  return { kind: 'call', call: { name, params: params as (string | number)[], hash }, offset: start, expression };
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
