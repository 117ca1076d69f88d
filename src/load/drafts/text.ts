/**
 * Drafts typed as plain text or Markdown -> paragraphs. The text a rule sees has the markup removed,
 * but every character keeps the offset it came from in the file, so that a finding is reported at
 * the line and column the person sees in their editor.
 */
import type { Location } from '../../diagnostics/diagnostic.js';
import type { DraftParagraph } from './types.js';

/** Where each line of a file starts, to turn an offset of the file into a line and column. */
interface Lines {
  text: string;
  starts: number[];
}

function linesOf(text: string): Lines {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return { text, starts };
}

/** The 1-based line and column of an offset of the file, with the line's text for the caret. */
function locationIn(file: string, lines: Lines, offset: number): Location {
  let low = 0;
  let high = lines.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines.starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  const start = lines.starts[low]!;
  const end = lines.starts[low + 1] ?? lines.text.length;
  return { file, line: low + 1, column: offset - start + 1, sourceLine: lines.text.slice(start, end).replace(/\r?\n$|\r$/, '') };
}

/** A paragraph's text being built, with the file offset of each of its characters. */
class Builder {
  text = '';
  sources: number[] = [];
  /** Offsets of the text that are typed verbatim (code, an escaped mark): shown, never edited by a fix. */
  verbatim = new Set<number>();

  add(text: string, source: number, contiguous = true, verbatim = false): void {
    for (let i = 0; i < text.length; i++) {
      if (verbatim) this.verbatim.add(this.text.length + i);
      this.sources.push(contiguous ? source + i : source);
    }
    this.text += text;
  }
}

/** The file range of text[offset, offset + length) when it is typed there as is, in one piece. */
function editableRange(built: Builder, offset: number, length: number): { start: number; end: number } | undefined {
  const { sources, verbatim } = built;
  const plain = (i: number) => i >= 0 && i < sources.length && !verbatim.has(i);
  if (length === 0) {
    // Between two characters that are neighbours in the file, or at either end of the paragraph.
    const before = offset - 1;
    if (before >= 0 && !plain(before)) return undefined;
    if (offset < sources.length && !plain(offset)) return undefined;
    if (before >= 0 && offset < sources.length && sources[offset] !== sources[before]! + 1) return undefined;
    const at = offset < sources.length ? sources[offset]! : sources[before]! + 1;
    return { start: at, end: at };
  }
  for (let i = offset; i < offset + length; i++) {
    if (!plain(i) || (i > offset && sources[i] !== sources[i - 1]! + 1)) return undefined;
  }
  return { start: sources[offset]!, end: sources[offset + length - 1]! + 1 };
}

function paragraphFrom(file: string, lines: Lines, built: Builder, role: DraftParagraph['role']): DraftParagraph {
  const { text, sources } = built;
  // An offset at the end of the text (a missing full stop) is just after its last character.
  const sourceOf = (offset: number) => (offset < sources.length ? sources[Math.max(0, offset)]! : sources.at(-1)! + 1);
  return { text, role, locate: (offset) => locationIn(file, lines, sourceOf(offset)), sourceRange: (offset, length) => editableRange(built, offset, length) };
}

/** A range of the file without the layout at its ends: spaces, tabs and the full-width spaces of a
 * Chinese indent. */
function trimmedRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /[ \t\u3000]/.test(text[start]!)) start++;
  while (end > start && /[ \t\u3000]/.test(text[end - 1]!)) end--;
  return [start, end];
}

// --- Plain text: one paragraph a line ---------------------------------------------------------------

/** 一、 and （一） start the first two levels of headings of GB/T 9704 (the half-width bracket too:
 * it is a heading written wrongly, which a rule reports). */
const HEADING_START = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)])/;
const ENDING_PUNCTUATION = /[。，、；：！？,.;:!?…]$/;
const TITLE_MAX_LENGTH = 40;

/**
 * The role of a paragraph told by its text alone, in a file without styles: a heading starts with
 * 一、 or （一）; the first paragraph is the title when it is short and ends without punctuation,
 * as a centred title line does.
 */
export function roleByText(text: string, isFirst: boolean): DraftParagraph['role'] {
  if (HEADING_START.test(text)) return 'heading';
  if (isFirst && text.length <= TITLE_MAX_LENGTH && !ENDING_PUNCTUATION.test(text)) return 'title';
  return 'body';
}

/** A .txt draft: every non-empty line is a paragraph (Notepad and WPS's "save as text" write them so). */
export function readTextDraft(file: string, text: string): DraftParagraph[] {
  const lines = linesOf(text);
  const paragraphs: DraftParagraph[] = [];
  lines.starts.forEach((start, index) => {
    const [from, to] = trimmedRange(text, start, start + lineAt(text, lines, index).length);
    const line = text.slice(from, to);
    if (line === '') return;
    const built = new Builder();
    built.add(line, from);
    paragraphs.push(paragraphFrom(file, lines, built, roleByText(line, paragraphs.length === 0)));
  });
  return paragraphs;
}

// --- Markdown ---------------------------------------------------------------------------------------

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^( {0,3}(#{1,6}))(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_QUOTE = /^ {0,3}>[ \t]?/;
const BULLET = /^[ \t]*[-+*][ \t]+/;
/** An ordered list's marker is kept in the text: it is printed, and 1、 against 1. is a rule's. */
const ORDERED_ITEM = /^[ \t]*\d{1,9}[.)][ \t]+/;
const TABLE_ROW = /^[ \t]*\|/;
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The characters of a line that are markup, by offset in the line: emphasis and strike marks, the
 * brackets and address of a link, backslashes of escapes, backticks, inline HTML tags and comments.
 * What is left is the text a reader of the rendered page sees. Unpaired marks stay, as Markdown
 * prints them: a lone ** or a [待补充] that is no link is a placeholder to report, not markup.
 */
function markupOffsets(line: string): { markup: Set<number>; verbatim: Set<number> } {
  const markup = new Set<number>();
  const verbatim = new Set<number>();
  const protectedRanges: [number, number][] = [];
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) markup.add(i);
  };
  const isFree = (from: number, to: number) => protectedRanges.every(([a, b]) => to <= a || from >= b) && ![...Array(to - from).keys()].some((i) => markup.has(from + i));
  for (const m of line.matchAll(/(`+)(.+?)\1/g)) {
    mark(m.index, m.index + m[1]!.length);
    mark(m.index + m[0].length - m[1]!.length, m.index + m[0].length);
    for (let i = m.index + m[1]!.length; i < m.index + m[0].length - m[1]!.length; i++) verbatim.add(i);
    protectedRanges.push([m.index, m.index + m[0].length]);
  }
  for (const m of line.matchAll(/\\([!-/:-@[-`{-~])/g)) {
    if (!isFree(m.index, m.index + 2)) continue;
    markup.add(m.index);
    verbatim.add(m.index + 1);
    protectedRanges.push([m.index, m.index + 2]);
  }
  for (const m of line.matchAll(/<!--.*?-->|<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g)) {
    if (isFree(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length);
  }
  for (const m of line.matchAll(/<(https?:\/\/[^\s<>]+)>/g)) {
    if (!isFree(m.index, m.index + m[0].length)) continue;
    markup.add(m.index);
    markup.add(m.index + m[0].length - 1);
  }
  for (const m of line.matchAll(/(!?\[)([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g)) {
    if (!isFree(m.index, m.index + m[0].length)) continue;
    const textEnd = m.index + m[1]!.length + m[2]!.length;
    mark(m.index, m.index + m[1]!.length);
    mark(textEnd, m.index + m[0].length);
  }
  // Emphasis: * may open inside a word, _ may not (CommonMark), so 邀请__农业大学 keeps its __.
  const emphasis = [/(\*{1,3}|~~)(?=[^\s*~])(.*?[^\s*~])\1/g, /(?<![\p{L}\p{N}_])(_{1,3})(?=[^\s_])(.*?[^\s_])\1(?![\p{L}\p{N}_])/gu];
  for (const pattern of emphasis) {
    for (const m of line.matchAll(pattern)) {
      const open = m[1]!.length;
      const end = m.index + m[0].length;
      if (!isFree(m.index, m.index + open) || !isFree(end - open, end)) continue;
      mark(m.index, m.index + open);
      mark(end - open, end);
    }
  }
  return { markup, verbatim };
}

/** A line's text from `start` to `end` of the file, markup left out, onto the paragraph. */
function addInline(built: Builder, text: string, start: number, end: number): void {
  const line = text.slice(start, end);
  const { markup, verbatim } = markupOffsets(line);
  for (let i = 0; i < line.length; i++) if (!markup.has(i)) built.add(line[i]!, start + i, true, verbatim.has(i));
}

/** Lines of one paragraph are joined as the rendered page joins them: Chinese without a space. */
function joinsWithSpace(before: string, after: string): boolean {
  return /[\x21-\x7e]$/.test(before) && /^[\x21-\x7e]/.test(after);
}

interface OpenParagraph {
  built: Builder;
  role: DraftParagraph['role'];
}

/**
 * A .md draft: # headings (the first # line is the title), paragraphs as blank-line separated
 * blocks with their lines joined, list items, quotes and table cells, markup removed. Code blocks,
 * front matter, HTML comments on their own lines and thematic breaks are not prose and are left out.
 */
export function readMarkdownDraft(file: string, text: string): DraftParagraph[] {
  const lines = linesOf(text);
  const paragraphs: DraftParagraph[] = [];
  let open: OpenParagraph | undefined;
  let hasTitle = false;
  let fence: string | undefined;
  let inComment = false;
  const close = () => {
    if (open && open.built.text !== '') paragraphs.push(paragraphFrom(file, lines, open.built, open.role));
    open = undefined;
  };
  const headingRole = (level: number): DraftParagraph['role'] => {
    if (level === 1 && !hasTitle) {
      hasTitle = true;
      return 'title';
    }
    return 'heading';
  };
  const lineCount = lines.starts.length;
  let index = 0;
  if (/^---[ \t]*$/.test(lineAt(text, lines, 0))) {
    // YAML front matter: up to the next --- line.
    const end = [...Array(lineCount).keys()].findIndex((i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(lineAt(text, lines, i)));
    if (end > 0) index = end + 1;
  }
  for (; index < lineCount; index++) {
    const start = lines.starts[index]!;
    let line = lineAt(text, lines, index);
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      close();
      fence = fenceMatch[1];
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !/-->[ \t]*$/.test(line)) {
      close();
      inComment = true;
      continue;
    }
    if (/^ {0,3}<!--.*-->[ \t]*$/.test(line) || line.trim() === '') {
      close();
      continue;
    }
    let lineStart = start;
    for (let quote = BLOCK_QUOTE.exec(line); quote; quote = BLOCK_QUOTE.exec(line)) {
      lineStart += quote[0].length;
      line = line.slice(quote[0].length);
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && open && open.role === 'body') {
      open.role = headingRole(underline[1]!.startsWith('=') ? 1 : 2);
      close();
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      close();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      close();
      const content = line.slice(heading[0].length).replace(/(?:[ \t]+#+)?[ \t]*$/, '');
      const built = new Builder();
      const [from, to] = trimmedRange(text, lineStart + heading[0].length, lineStart + heading[0].length + content.length);
      addInline(built, text, from, to);
      open = { built, role: headingRole(heading[2]!.length) };
      close();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      close();
      if (!TABLE_DELIMITER_ROW.test(line)) addTableCells(paragraphs, file, lines, text, lineStart, line);
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED_ITEM.exec(line);
    if (bullet || ordered) close();
    let contentStart = lineStart + (bullet ? bullet[0].length : 0);
    const [from, to] = trimmedRange(text, contentStart, lineStart + line.length);
    // A hard break (a trailing backslash) is a line break on the page, still one paragraph.
    const end = text[to - 1] === '\\' ? to - 1 : to;
    if (!open) open = { built: new Builder(), role: 'body' };
    const built = open.built;
    if (ordered) {
      // The number is kept, without the space Markdown needs after it.
      const marker = ordered[0].trimEnd();
      const [markerFrom] = trimmedRange(text, lineStart, lineStart + marker.length);
      built.add(text.slice(markerFrom, lineStart + marker.length), markerFrom);
      contentStart = lineStart + ordered[0].length;
      addInline(built, text, contentStart, end);
      continue;
    }
    const before = built.text;
    const lineText = text.slice(from, end);
    // The space a reader sees between the lines is not in the file: never edited.
    if (before !== '' && joinsWithSpace(before, lineText)) built.add(' ', from, true, true);
    addInline(built, text, from, end);
  }
  close();
  return paragraphs;
}

function lineAt(text: string, lines: Lines, index: number): string {
  const start = lines.starts[index]!;
  const end = lines.starts[index + 1] ?? text.length;
  return text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** Each cell of a table row is a paragraph of its own: cells are read one by one. */
function addTableCells(paragraphs: DraftParagraph[], file: string, lines: Lines, text: string, lineStart: number, line: string): void {
  const first = line.indexOf('|') + 1;
  let cellStart = first;
  for (const m of line.slice(first).matchAll(/(?<!\\)\|/g)) {
    pushCell(cellStart, first + m.index);
    cellStart = first + m.index + 1;
  }
  pushCell(cellStart, line.length);
  function pushCell(from: number, to: number): void {
    const [start, end] = trimmedRange(text, lineStart + from, lineStart + to);
    if (start === end) return;
    const built = new Builder();
    addInline(built, text, start, end);
    if (built.text !== '') paragraphs.push(paragraphFrom(file, lines, built, 'body'));
  }
}
