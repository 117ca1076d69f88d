import type { Scalar } from 'yaml';

/**
 * Where each character of a string scalar's value was typed in the file: its offset in the decoded
 * text, or -1 where the value's character is not one character of the source (a line break folded
 * into a space, an escape of a double-quoted string, '' in a single-quoted one, an indent removed).
 * Read from the scalar's source range as YAML 1.2 folds and unescapes it, and checked against the
 * value yaml read: when the two differ (a form not handled here), there is no map (undefined), and a
 * finding is placed at the scalar, without a fix.
 */
export function valueSourceOffsets(text: string, scalar: Scalar): number[] | undefined {
  if (typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const [start, end] = scalar.range;
  const mapped =
    scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED'
      ? blockScalar(text, start, end, scalar.type === 'BLOCK_FOLDED')
      : scalar.type === 'PLAIN' || scalar.type === 'QUOTE_SINGLE' || scalar.type === 'QUOTE_DOUBLE'
        ? flowScalar(text, start, end, scalar.type)
        : undefined;
  if (!mapped) return undefined;
  const { value, sources } = mapped;
  if (value === scalar.value) return sources;
  // A block scalar's trailing line breaks depend on its chomping: they are never edited, only matched.
  const isBlock = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
  const rest = scalar.value.slice(value.length);
  if (isBlock && scalar.value.startsWith(value) && /^\n*$/.test(rest)) return [...sources, ...rest.split('').map(() => -1)];
  return undefined;
}

/** The value being rebuilt, with the source offset of each of its characters. */
class Mapped {
  value = '';
  sources: number[] = [];

  push(text: string, source: number): void {
    this.value += text;
    for (let i = 0; i < text.length; i++) this.sources.push(source < 0 ? -1 : source + i);
  }
}

interface Line {
  start: number;
  end: number;
}

/** The lines of text[start, end), without their line breaks (\n or \r\n). */
function linesIn(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let at = start;
  for (;;) {
    const newline = text.indexOf('\n', at);
    if (newline < 0 || newline >= end) {
      lines.push({ start: at, end });
      return lines;
    }
    lines.push({ start: at, end: newline > at && text[newline - 1] === '\r' ? newline - 1 : newline });
    at = newline + 1;
  }
}

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** One line's content of a flow scalar onto the value; false when an escape is not understood. */
function addFlowLine(out: Mapped, text: string, start: number, end: number, style: Scalar['type']): boolean {
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    if (style === 'QUOTE_SINGLE' && char === "'" && text[i + 1] === "'") {
      out.push("'", -1);
      i++;
    } else if (style === 'QUOTE_DOUBLE' && char === '\\') {
      const kind = text[i + 1] ?? '';
      const hex = HEX_ESCAPE_LENGTH[kind];
      if (hex !== undefined) {
        const digits = text.slice(i + 2, i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return false;
        out.push(String.fromCodePoint(Number.parseInt(digits, 16)), -1);
        i += 1 + hex;
      } else if (kind in DOUBLE_QUOTE_ESCAPES) {
        out.push(DOUBLE_QUOTE_ESCAPES[kind]!, -1);
        i++;
      } else {
        return false;
      }
    } else {
      out.push(char, i);
    }
  }
  return true;
}

const isBlank = (text: string, line: Line) => /^[ \t]*$/.test(text.slice(line.start, line.end));

/**
 * A plain or quoted scalar: each line trimmed of the spaces around its line breaks; a single line
 * break is a space, a break followed by n empty lines is n line feeds; in double quotes a \ at the
 * end of a line joins it to the next without a space.
 */
function flowScalar(text: string, start: number, end: number, style: Scalar['type']): Mapped | undefined {
  const quoted = style !== 'PLAIN';
  if (quoted && (end - start < 2 || text[start] !== text[end - 1])) return undefined;
  const lines = linesIn(text, quoted ? start + 1 : start, quoted ? end - 1 : end);
  const out = new Mapped();
  const last = lines.length - 1;
  for (let i = 0; i <= last; ) {
    let { start: from, end: to } = lines[i]!;
    if (i > 0) while (from < to && /[ \t]/.test(text[from]!)) from++;
    if (i < last) while (to > from && /[ \t]/.test(text[to - 1]!)) to--;
    const joined = style === 'QUOTE_DOUBLE' && i < last && escapedLineBreak(text, from, to);
    if (!addFlowLine(out, text, from, joined ? to - 1 : to, style)) return undefined;
    if (i === last) break;
    let next = i + 1;
    while (next < last && isBlank(text, lines[next]!)) next++;
    const empties = next - i - 1;
    if (joined) {
      if (empties > 0) return undefined;
    } else {
      out.push(empties > 0 ? '\n'.repeat(empties) : ' ', -1);
    }
    i = next;
  }
  return out;
}

/** A line of a double-quoted string ending in an odd number of backslashes: the break is escaped. */
function escapedLineBreak(text: string, from: number, to: number): boolean {
  let count = 0;
  while (to - 1 - count >= from && text[to - 1 - count] === '\\') count++;
  return count % 2 === 1;
}

/**
 * A literal (|) or folded (>) block scalar, its indentation found from its first line with text.
 * An explicit indentation indicator (|2) depends on the parent's indent: not mapped.
 */
function blockScalar(text: string, start: number, end: number, folded: boolean): Mapped | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return undefined;
  if (/^[|>][+-]?[1-9]/.test(text.slice(start, headerEnd))) return undefined;
  const lines = linesIn(text, headerEnd + 1, end);
  const first = lines.find((line) => !isBlank(text, line));
  if (!first) return new Mapped();
  const indent = /^ */.exec(text.slice(first.start, first.end))![0].length;
  const contentEnd = lines.findLastIndex((line) => !isBlank(text, line));
  const out = new Mapped();
  let previous: Line | undefined;
  let empties = 0;
  for (const line of lines.slice(0, contentEnd + 1)) {
    if (isBlank(text, line)) {
      empties++;
      continue;
    }
    const from = line.start + indent;
    const moreIndented = (l: Line) => /[ \t]/.test(text[l.start + indent] ?? '');
    if (previous === undefined) out.push('\n'.repeat(empties), -1);
    else if (folded && !moreIndented(previous) && !moreIndented(line)) out.push(empties > 0 ? '\n'.repeat(empties) : ' ', -1);
    else out.push('\n'.repeat(empties + 1), -1);
    out.push(text.slice(from, line.end), from);
    previous = line;
    empties = 0;
  }
  return out;
}

/** A text range of the value -> the range of the file it was typed as, when its characters are
 * contiguous there; an insertion (length 0) needs its two neighbours contiguous. */
export function sourceRangeOf(sources: readonly number[], offset: number, length: number): { start: number; end: number } | undefined {
  if (length === 0) {
    const before = sources[offset - 1];
    const after = sources[offset];
    if (before === undefined || after === undefined || before < 0 || after !== before + 1) return undefined;
    return { start: after, end: after };
  }
  const first = sources[offset];
  if (first === undefined || first < 0 || offset + length > sources.length) return undefined;
  for (let i = 1; i < length; i++) if (sources[offset + i] !== first + i) return undefined;
  return { start: first, end: first + length };
}
