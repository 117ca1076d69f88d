import { CORE_SCHEMA, load } from 'js-yaml';
import { readPlainYaml } from './plain-yaml.js';

/**
 * C0 and C1 control characters (but tab, LF and CR), DEL and bidirectional overrides: invisible in
 * an editor, they would reach the documents and the terminal raw, and bidi overrides reorder what
 * a reader sees.
 */
export const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Where a YAML token may start: a line start, a space, or a flow indicator. */
export const TOKEN_START = String.raw`(?:^|[\s\[{,:?])`;

/** `first` where it ends `rest` at a token start: found by its rare first character, then looked behind. */
const atTokenStart = (first: string, rest: string) => String.raw`${first}(?<=${TOKEN_START}${rest})`;

/**
 * What yaml reports wherever it stands, so that no other reader may pass it: a tab (a bad indent is
 * reported at the tab), a CR alone (a line end for js-yaml, not for yaml), a control character.
 */
const REPORTED_BY_YAML = new RegExp(String.raw`\t|\r(?!\n)|${CONTROL_CHARACTER.source}`);

export function reportedByYaml(text: string): boolean {
  return REPORTED_BY_YAML.test(text);
}

/**
 * Forms js-yaml reads otherwise than yaml does, in text without REPORTED_BY_YAML: the plain reader
 * refuses each by itself (a tag, an anchor, a directive or a special key is never a plain word),
 * so only text it leaves to js-yaml is scanned for them. Each pattern may match more than the form
 * it stands for (inside a quoted string, say): that costs a slower parse, never a different result.
 * Each alternative starts with a rare character and looks behind only there.
 */
const READ_OTHERWISE_BY_JS_YAML = new RegExp(
  [
    // Directives and document ends; a second `---` is told apart by secondDocumentOffset.
    String.raw`^%`,
    String.raw`^\.\.\.(?:\s|$)`,
    // Tags, anchors, aliases and merge keys.
    atTokenStart('[!&*]', '[!&*]'),
    atTokenStart('<<', '<<'),
    // Numbers yaml reads as something else than js-yaml does: 0b/0o/0x, 1_000, 1e400 (infinite in yaml).
    atTokenStart('[bBoOxX]', '[-+]?0[bBoOxX]'),
    atTokenStart('_', String.raw`[-+]?\.?\d[\d.]*_`),
    atTokenStart('[eE]', String.raw`[-+]?\.?\d[\d.]*[eE]`) + String.raw`[-+]?\d{3}`,
    // A null or empty key: yaml names it "", js-yaml "null"; so does an explicit key `?` with nothing after it.
    atTokenStart(':', String.raw`(?:~|null|Null|NULL)?[ \t]*:`) + String.raw`(?:\s|$)`,
    atTokenStart(String.raw`\?`, String.raw`\?`) + String.raw`(?:\s|$)`,
  ].join('|'),
  'm',
);

/**
 * The data of a notes file read by the plain reader (plain-yaml.ts) or else js-yaml, many times
 * faster than the yaml package and without its node tree; undefined when the file must be read by
 * the yaml package instead: any form the parsers may read differently, anything js-yaml refuses
 * (duplicate keys among them), and anything yaml would report, so that the diagnostics of a file
 * never depend on which parser read it.
 */
export function fastData(text: string): { data: object } | undefined {
  if (reportedByYaml(text)) return undefined;
  const plain = readPlainYaml(text);
  if (plain) return { data: plain };
  if (READ_OTHERWISE_BY_JS_YAML.test(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  // Not a mapping or a list (only comments, a lone scalar): rare, and said by the yaml path.
  if (typeof data !== 'object' || data === null) return undefined;
  // The text has none (see REPORTED_BY_YAML): only an escape can have made one.
  if (text.includes('\\') && holdsControlCharacter(data)) return undefined;
  return { data };
}

/** A control character that an escape ("\e", "\x00") put into a key or a value, reported at its string by the yaml path. */
function holdsControlCharacter(data: object): boolean {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (CONTROL_CHARACTER.test(value)) return true;
    } else if (Array.isArray(value)) {
      // Pushed one by one: a list of 100,000 entries is past the limit of a spread call.
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) stack.push(key, item);
    }
  }
  return false;
}
