import type { DiagnosticCode } from '../diagnostics/messages.js';

/**
 * The prose's {{ }} expressions as the notes write them, read without Handlebars: a helper name,
 * then literal arguments, then key=value pairs. Loading and running Handlebars' parser is most of
 * the cost of composing a report, and the notes need nothing else of it. Anything outside this
 * plain form (comments, escapes, blocks, whitespace control, paths, keywords) is left to
 * Handlebars: this reader answers only where it reads exactly what Handlebars reads, which a
 * differential test holds (test/compose/prose-calls.test.ts).
 */

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
export function scanProse(text: string): { expressions: Span[] } | { problem: ScanProblem } {
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
export function preview(text: string, offset: number): string {
  const close = text.indexOf('}}', offset);
  const end = Math.min(close < 0 ? text.length : close + 2, offset + 40);
  return text.slice(offset, end).split('\n')[0]!;
}

/** A literal argument as the notes wrote it; undefined for one that is not a string or a number. */
export type Literal = string | number | undefined;

/** One {{ }} expression of the prose: where it is in the text, its helper and its arguments. */
export interface ParsedCall {
  start: number;
  end: number;
  name: string;
  params: Literal[];
  pairs: [key: string, value: Literal][];
}

/** A piece of the prose: text to print as it stands, or a call. */
export type ProsePiece = { kind: 'text'; text: string } | ({ kind: 'call' } & ParsedCall);

/** Handlebars' ID: any run of characters but whitespace and its punctuation. */
const ID = String.raw`[^\s!"#%&'()*+,./;<=>@[\\\]^\`{|}~]+`;

/**
 * One token of an expression, at a token boundary: a quoted string without escapes, a number,
 * a key and its `=`, or a bare word; each must end at whitespace or at the end of the expression,
 * where Handlebars' lexer would end it too.
 */
const TOKEN = new RegExp(String.raw`\s*(?:(${ID})\s*=\s*|(?:"([^"\\]*)"|'([^'\\]*)'|(-?\d+(?:\.\d+)?)|(${ID}))(?=\s|$))`, 'y');

/** Words Handlebars reads as keywords or literals of their own (true, else, ...), never as a bare word. */
const KEYWORD = /^(?:true|false|null|undefined|else|as)$/;

/** A bare word Handlebars would read as a number or a path with segments: left to Handlebars. */
const PLAIN_WORD = /^[^\d-]/;

/**
 * The prose as text and calls, given the spans of its {{ }} expressions (from the scan that
 * refused stray and unclosed braces); undefined when any part of it is not the plain form.
 */
export function parsePlainProse(text: string, expressions: readonly { start: number; end: number }[]): ProsePiece[] | undefined {
  // Escapes and comments change the text around them (Handlebars strips standalone comment lines).
  if (text.includes('\\{{') || text.includes('{{!')) return undefined;
  const parts: ProsePiece[] = [];
  let at = 0;
  for (const { start, end } of expressions) {
    const call = parseExpression(text, start, end);
    if (!call) return undefined;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    parts.push({ kind: 'call', ...call });
    at = end;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** One `{{name arg key=value}}`, or undefined when it is anything else. */
function parseExpression(text: string, start: number, end: number): ParsedCall | undefined {
  if (!text.startsWith('{{', start) || text[start + 2] === '{' || !text.startsWith('}}', end - 2)) return undefined;
  const inner = text.slice(start + 2, end - 2).replace(/\s+$/, '');
  const tokens = tokensOf(inner);
  const first = tokens?.shift();
  if (!first || first.kind !== 'word') return undefined;
  const params: Literal[] = [];
  const pairs: [string, Literal][] = [];
  for (let i = 0; i < tokens!.length; i++) {
    const token = tokens![i]!;
    if (token.kind === 'key') {
      const value = tokens![++i];
      if (!value || value.kind === 'key') return undefined;
      pairs.push([token.value, value.value]);
    } else if (pairs.length > 0) {
      // A parameter after a pair: a Handlebars parse error, said by Handlebars.
      return undefined;
    } else {
      params.push(token.value);
    }
  }
  return { start, end, name: first.value, params, pairs };
}

type Token = { kind: 'literal'; value: string | number } | { kind: 'word' | 'key'; value: string };

function tokensOf(inner: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < inner.length) {
    const match = TOKEN.exec(inner);
    if (!match) return undefined;
    const [, key, double, single, number, word] = match;
    const bare = key ?? word;
    if (bare !== undefined && (KEYWORD.test(bare) || !PLAIN_WORD.test(bare))) return undefined;
    if (double !== undefined || single !== undefined) tokens.push({ kind: 'literal', value: (double ?? single)! });
    else if (number !== undefined) tokens.push({ kind: 'literal', value: Number(number) });
    else if (key !== undefined) tokens.push({ kind: 'key', value: key });
    else tokens.push({ kind: 'word', value: word! });
  }
  return tokens;
}
