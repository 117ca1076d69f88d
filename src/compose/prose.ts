import Handlebars from 'handlebars';
import { error, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { locateText, type SourceFile, type YamlPath } from '../load/source-file.js';
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
type Part = { kind: 'text'; text: string } | { kind: 'call'; call: HelperCall; at: Location };

/**
 * Prose is text with {{ }} expressions over the notes ({{metric "cards"}}, {{count tag="述职"}}).
 * It is parsed with Handlebars' parser but evaluated here, so that only the registry's helpers
 * exist and every reference is checked, with its own line and column, before anything renders.
 */
export function renderProse(source: ProseSource, model: ReportModel): RenderedProse {
  const parsed = parseProse(source);
  if ('diagnostics' in parsed) return parsed;
  const diagnostics = parsed.parts.flatMap((part) => (part.kind === 'call' ? checkCall(part.call, part.at, model) : []));
  // With notes missing (a file that failed to load), values cannot be computed, only checked.
  if (diagnostics.length > 0 || model.source.incomplete.size > 0) return { diagnostics };
  const text = parsed.parts.map((part) => (part.kind === 'text' ? part.text : proseHelpers[part.call.name]!.render(part.call, model))).join('');
  return { text, diagnostics: [] };
}

function parseProse(source: ProseSource): { parts: Part[] } | { diagnostics: Diagnostic[] } {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source.text);
  } catch {
    const bad = unclosedExpression(source.text);
    return { diagnostics: [error('prose-syntax', { detail: bad }, locateText(source.file, source.path, bad))] };
  }
  const parts: Part[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const node of program.body) {
    const part = toPart(node, source);
    if ('diagnostic' in part) diagnostics.push(part.diagnostic);
    else if (part.kind !== 'skip') parts.push(part);
  }
  return diagnostics.length > 0 ? { diagnostics } : { parts };
}

function toPart(node: HbsNode, source: ProseSource): Part | { kind: 'skip' } | { diagnostic: Diagnostic } {
  if (node.type === 'ContentStatement') return { kind: 'text', text: (node as hbs.AST.ContentStatement).value };
  if (node.type === 'CommentStatement') return { kind: 'skip' };
  const expression = sliceByLoc(source.text, node.loc);
  const at = locateText(source.file, source.path, expression);
  if (node.type !== 'MustacheStatement') return { diagnostic: error('prose-syntax', { detail: expression }, at) };
  const mustache = node as hbs.AST.MustacheStatement;
  const name = mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : expression;
  const params = mustache.params.map(literalValue);
  const hashPairs = mustache.hash?.pairs ?? [];
  const hashValues = hashPairs.map((pair) => literalValue(pair.value));
  if (params.includes(undefined) || hashValues.includes(undefined)) {
    const usage = helperNamed(name)?.usage ?? name;
    return { diagnostic: error('bad-helper-args', { name, usage }, at) };
  }
  const hash = Object.fromEntries(hashPairs.map((pair, i) => [pair.key, hashValues[i]!]));
  return { kind: 'call', call: { name, params: params as (string | number)[], hash }, at };
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

function checkCall(call: HelperCall, at: Location, model: ReportModel): Diagnostic[] {
  const helper = helperNamed(call.name);
  if (helper) return helper.check(call, model, at);
  const names = Object.keys(proseHelpers);
  const suggestion = closest(call.name, names);
  return [
    suggestion
      ? error('unknown-helper-suggest', { name: call.name, suggestion }, at)
      : error('unknown-helper', { name: call.name, known: listNames(names.map((n) => `{{${n}}}`), 12) }, at),
  ];
}

/** Own entries only: {{constructor}} or {{toString}} must not find Object.prototype's members. */
function helperNamed(name: string): ProseHelper | undefined {
  return Object.hasOwn(proseHelpers, name) ? proseHelpers[name] : undefined;
}

/** The source text of a Handlebars node (its loc is 1-based lines, 0-based columns). */
function sliceByLoc(text: string, loc: hbs.AST.SourceLocation): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column;
  return text.slice(offset(loc.start.line, loc.start.column), offset(loc.end.line, loc.end.column));
}

/** The last `{{` without its `}}`: what a parse error is most likely about. */
function unclosedExpression(text: string): string {
  const start = text.lastIndexOf('{{');
  if (start < 0) return text.slice(0, 20);
  const end = text.indexOf('}}', start);
  return text.slice(start, end < 0 ? Math.min(text.length, start + 30) : end + 2);
}
