/**
 * The shape most notes files have, read line by line: block mappings and block sequences of
 * one-line values (plain words, plain integers and decimals, quoted strings without escapes,
 * one-line lists and mappings of those) and `>`/`|` block scalars at one indentation. Years of
 * activity logs are this shape, and a general YAML parser spends most of a large build on them.
 * Anything else (a comment after a value, a blank line inside a block scalar, a word YAML reads as
 * null, a boolean or a float with an exponent, a key written twice, an odd indentation) is left to
 * the general parsers: this reader answers only where its data is the yaml package's, which
 * test/load/plain-yaml.test.ts holds on the corpus and on generated notes.
 */

/** Thrown (and caught in readPlainYaml) on the first form this reader leaves to the others: one object, no stack to capture. */
const NOT_PLAIN = Symbol('not plain');

const notPlain = (): never => {
  throw NOT_PLAIN;
};

/** Data of a whole notes file, or undefined when it is not the plain shape throughout. */
export function readPlainYaml(text: string): object | undefined {
  try {
    const lines = new Lines(text);
    if (lines.indent !== 0 || isSequenceItem(lines.body)) return undefined;
    const data = readMapping(lines, 0);
    if (lines.indent >= 0) return undefined;
    return data;
  } catch (cause) {
    if (cause === NOT_PLAIN) return undefined;
    throw cause;
  }
}

/**
 * The content lines of the text in order, blank lines and whole-line comments skipped, read one
 * ahead: `indent` and `body` (the line after its indentation, trailing spaces and a CR removed)
 * are the next line's, `indent` -1 at the end. Fields rather than an object a line: logs are long.
 */
class Lines {
  indent = -1;
  body = '';
  private at = 0;
  /** Where the line last taken ends: a block scalar is read from there. */
  private resume = 0;

  constructor(private readonly text: string) {
    this.advance();
  }

  /** The next line's body, moving past it. */
  take(): string {
    if (this.indent < 0) notPlain();
    const body = this.body;
    this.resume = this.at;
    this.advance();
    return body;
  }

  /**
   * The lines of a block scalar (`key: >-`) after the line last taken, its indentation removed;
   * reading goes on after them. Only the plain case: every line at the first one's indentation,
   * more than the key's, and no blank line inside (trailing ones end it).
   */
  blockLines(keyIndent: number): string[] {
    const lines: string[] = [];
    let indent = -1;
    let at = this.resume;
    while (at < this.text.length) {
      const { line, next } = this.rawLine(at);
      if (line === '') {
        // A blank line before more of the scalar changes its folding: not this reader's.
        if (this.nextIndentFrom(next) >= Math.max(indent, keyIndent + 1)) notPlain();
        break;
      }
      let spaces = 0;
      while (line.charCodeAt(spaces) === SPACE) spaces++;
      if (spaces === line.length) notPlain();
      if (indent < 0) indent = spaces > keyIndent ? spaces : notPlain();
      if (spaces < indent) break;
      if (spaces > indent) notPlain();
      lines.push(line.slice(indent));
      at = next;
    }
    if (lines.length === 0) notPlain();
    this.at = at;
    this.advance();
    return lines;
  }

  /** The indentation of the first line from `at` that is not empty, -1 at the end. */
  private nextIndentFrom(at: number): number {
    while (at < this.text.length) {
      const { line, next } = this.rawLine(at);
      const content = line.replace(/^ +/, '');
      // A line of spaces alone may belong to the scalar: past this reader.
      if (line !== '' && content === '') return Number.POSITIVE_INFINITY;
      if (content !== '') return line.length - content.length;
      at = next;
    }
    return -1;
  }

  /** The line that starts at `at` as written (its CR removed), and where the next one starts. */
  private rawLine(at: number): { line: string; next: number } {
    let end = this.text.indexOf('\n', at);
    if (end < 0) end = this.text.length;
    return { line: this.text.slice(at, this.text.charCodeAt(end - 1) === CR && end > at ? end - 1 : end), next: end + 1 };
  }

  private advance(): void {
    this.indent = -1;
    while (this.at < this.text.length) {
      let end = this.text.indexOf('\n', this.at);
      if (end < 0) end = this.text.length;
      const start = this.at;
      this.at = end + 1;
      // Character codes rather than patterns: this runs on every line of years of notes.
      while (end > start && (this.text.charCodeAt(end - 1) === SPACE || this.text.charCodeAt(end - 1) === CR)) end--;
      let from = start;
      while (from < end && this.text.charCodeAt(from) === SPACE) from++;
      if (from === end || this.text.charCodeAt(from) === HASH) continue;
      const content = this.text.slice(from, end);
      // Only spaces indent YAML; a document marker or directive is the general parsers' to read.
      if (/^\s/.test(content) || content.startsWith('---')) notPlain();
      this.indent = from - start;
      this.body = content;
      return;
    }
  }
}

const SPACE = 0x20;
const CR = 0x0d;
const HASH = 0x23;

const isSequenceItem = (body: string) => body === '-' || body.startsWith('- ');

/** The mapping whose keys stand at `indent`, its first key on the next line (or given as `first`). */
function readMapping(lines: Lines, indent: number, first?: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  let body = first;
  for (;;) {
    if (body === undefined) {
      if (lines.indent < indent) return map;
      if (lines.indent > indent || isSequenceItem(lines.body)) notPlain();
      body = lines.take();
    }
    const colon = keyEnd(body);
    const key = newKey(map, body.slice(0, colon));
    const rest = body.slice(colon + 1).replace(/^ +/, '');
    map[key] = rest === '' ? nestedValue(lines, indent) : valueOnLine(lines, indent, rest);
    body = undefined;
  }
}

/** A key of `map` as written, not yet in it. A key YAML reads as a number, a boolean or null is named otherwise in the data. */
function newKey(map: Record<string, unknown>, text: string): string {
  const key = plainWord(text);
  return Object.hasOwn(map, key) || key === '__proto__' || CORE_SPECIAL.test(key) ? notPlain() : key;
}

/** Where the key of `key: value` or `key:` ends. */
function keyEnd(body: string): number {
  const space = body.indexOf(': ');
  const colon = space >= 0 ? space : body.endsWith(':') ? body.length - 1 : -1;
  return colon > 0 ? colon : notPlain();
}

/** The value of `key:` with nothing after it: a block below, more indented, or null. */
function nestedValue(lines: Lines, indent: number): unknown {
  if (lines.indent < indent) return null;
  // A list at the key's own indentation is YAML too, but not this reader's.
  if (lines.indent === indent) return isSequenceItem(lines.body) ? notPlain() : null;
  return isSequenceItem(lines.body) ? readSequence(lines, lines.indent) : readMapping(lines, lines.indent);
}

/** The list whose `- ` items stand at `indent`. */
function readSequence(lines: Lines, indent: number): unknown[] {
  const list: unknown[] = [];
  for (;;) {
    if (lines.indent < indent) return list;
    if (lines.indent > indent || !lines.body.startsWith('- ')) notPlain();
    const item = lines.take().slice(2);
    if (item.startsWith(' ') || isSequenceItem(item)) notPlain();
    // `- key: value` opens a mapping whose keys stand two columns in.
    const isMapping = !/^["'[{]/.test(item) && (item.includes(': ') || item.endsWith(':'));
    list.push(isMapping ? readMapping(lines, indent + 2, item) : valueOnLine(lines, indent, item));
  }
}

/** A block scalar's header as notes write it: folded or literal, the last line break stripped or kept. */
const BLOCK_HEADER = /^[>|]-?$/;

/** A value that starts on its key's or its dash's line (at `indent`): a block scalar's header, or the whole value. */
function valueOnLine(lines: Lines, indent: number, text: string): unknown {
  return BLOCK_HEADER.test(text) ? blockScalar(lines, indent, text) : inlineValue(text);
}

/** `>` joins the lines with a space, `|` keeps their breaks; `-` strips the final line break. */
function blockScalar(lines: Lines, keyIndent: number, header: string): string {
  const text = lines.blockLines(keyIndent).join(header.startsWith('>') ? ' ' : '\n');
  return header.endsWith('-') ? text : `${text}\n`;
}

/** A value written on its key's line: a quoted string, a one-line list or mapping, or a word. */
function inlineValue(text: string): unknown {
  if (text.startsWith('{')) return flowMapping(text);
  return text.startsWith('"') || text.startsWith("'") || text.startsWith('[') ? flowValue(text) : scalar(plainWord(text, 'block'));
}

/** A quoted string without escapes, a one-line list of such values, or a word, as inside a list or mapping on one line. */
function flowValue(text: string): unknown {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith(quote) || inner.includes(quote) || inner.includes('\\')) notPlain();
    return inner;
  }
  if (quote === '[') {
    if (!text.endsWith(']')) notPlain();
    return flowItems(text.slice(1, -1)).map((item) => (item.startsWith('[') ? notPlain() : flowValue(item)));
  }
  return scalar(plainWord(text, 'flow'));
}

/** `{ key: value, ... }` on one line, its values words, quoted strings or one-line lists. */
function flowMapping(text: string): Record<string, unknown> {
  if (!text.endsWith('}')) notPlain();
  const map: Record<string, unknown> = {};
  for (const item of flowItems(text.slice(1, -1))) {
    const colon = item.indexOf(': ');
    const key = newKey(map, colon > 0 ? item.slice(0, colon) : notPlain());
    map[key] = flowValue(item.slice(colon + 2).replace(/^ +/, ''));
  }
  return map;
}

/**
 * The items between a flow collection's brackets, split at the commas outside quotes and lists,
 * trimmed. An empty item (a trailing comma) and a nested mapping are left to the general parsers.
 */
function flowItems(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  const push = (end: number) => items.push(inner.slice(start, end).replace(/^ +| +$/g, ''));
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[') {
      depth++;
    } else if (char === ']') {
      depth--;
    } else if (char === '{' || char === '}') {
      notPlain();
    } else if (char === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  if (quote || depth !== 0) notPlain();
  push(inner.length);
  if (items.length === 1 && items[0] === '') return [];
  if (items.includes('')) notPlain();
  return items;
}

/**
 * A plain word as YAML reads it: not starting with an indicator, holding no `: ` or ` #`, not
 * ending in `:` or a space, and in a list or a key no bracket, brace or comma. Anything else may
 * mean something, so it is left to the general parsers.
 */
function plainWord(text: string, context: 'block' | 'flow' = 'flow'): string {
  if (text === '' || /^[-?:,[\]{}#&*!|>'"%@`<]/.test(text) || /: | #|:$| $/.test(text)) notPlain();
  // Brackets, braces and commas end a word inside a one-line list or a key; in a block value they are text ({{count}}).
  if (context === 'flow' && /[[\]{},]/.test(text)) notPlain();
  return text;
}

/** Words the YAML 1.2 core schema reads as something other than a string. */
const CORE_SPECIAL = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * A word as its value: an integer or a decimal written plainly (no sign, exponent or leading zero;
 * an integer exact in a double), else a string.
 */
function scalar(word: string): string | number {
  if (/^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]+)?$/.test(word)) return Number(word);
  return CORE_SPECIAL.test(word) ? notPlain() : word;
}
