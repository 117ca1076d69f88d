import type { Block, Inline, ItemInline, Origin, ParagraphBlock, SequenceStyle } from './ast.js';

/**
 * The composed report text: what templates produce and this module parses into the AST. It is a
 * small Markdown subset, so that a template reads like the report it makes:
 *
 *   # title                      the report's title
 *   ## … to #####                headings of levels 1–4 (numbered by the numbering transform)
 *   lines                        a paragraph; consecutive lines join (no space between CJK)
 *   + text  /  +(第一) text      a point of a run-in sequence, inside the current paragraph
 *   ::: signature / org / date / :::   the signature block
 *   \text                        a line taken literally (escaped user text)
 *
 * A full Markdown parser would reinterpret the secretary's prose ("1. …" at a line start becomes a
 * list), so user text is escaped into this grammar and nothing else is recognised.
 * Private-use characters carry origins: U+E000 n U+E001 links the text that follows to origins[n].
 */

const ORIGIN_OPEN = '\uE000';
const ORIGIN_CLOSE = '\uE001';
const ORIGIN_PATTERN = /\uE000(\d+)\uE001/g;
const PRIVATE_MARKS = /[\uE000\uE001]/g;

export function originMarker(index: number): string {
  return `${ORIGIN_OPEN}${index}${ORIGIN_CLOSE}`;
}

const LINE_SYNTAX = /^(#|\+|:::|\\)/;

/** User text -> markup that parses back to the same text: each line trimmed, syntax escaped. */
export function escapeMarkupText(text: string): string {
  return text
    .replace(PRIVATE_MARKS, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .map((line) => (LINE_SYNTAX.test(line) ? `\\${line}` : line))
    .join('\n');
}

const HEADING = /^(#{1,5})\s+(.*)$/;
const ITEM = /^\+(?:\((一是|第一|首先)\))?\s+(.*)$/;
const SIGNATURE_OPEN = /^:::\s*signature\s*$/;
const FENCE_CLOSE = /^:::\s*$/;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]/;

/** Joins two lines of one paragraph: no space where either side is CJK (Chinese has no spaces). */
function joinLines(left: string, right: string): string {
  if (left === '' || right === '') return left + right;
  const needsSpace = !CJK.test(left.replace(ORIGIN_PATTERN, '').slice(-1)) && !CJK.test(right.replace(ORIGIN_PATTERN, '')[0] ?? '');
  return needsSpace ? `${left} ${right}` : left + right;
}

interface Extracted {
  text: string;
  origin?: Origin;
}

/** Strips origin markers from a piece of text and keeps the first one's origin. */
function extractOrigin(text: string, origins: readonly Origin[]): Extracted {
  const first = new RegExp(ORIGIN_PATTERN.source).exec(text);
  const stripped = text.replace(ORIGIN_PATTERN, '');
  const origin = first ? origins[Number(first[1])] : undefined;
  return origin ? { text: stripped, origin } : { text: stripped };
}

function withOrigin<T extends object>(node: T, origin: Origin | undefined): T {
  return origin ? { ...node, origin } : node;
}

/** Parses composed markup into blocks; the numbering and punctuation transforms run after this. */
export function parseMarkup(markup: string, origins: readonly Origin[] = []): Block[] {
  const blocks: Block[] = [];
  let paragraph: { lead: string; items: { style: SequenceStyle; text: string }[] } | undefined;

  const flush = () => {
    if (!paragraph) return;
    blocks.push(toParagraph(paragraph.lead, paragraph.items, origins));
    paragraph = undefined;
  };
  const append = (text: string) => {
    paragraph ??= { lead: '', items: [] };
    const last = paragraph.items[paragraph.items.length - 1];
    if (last) last.text = joinLines(last.text, text);
    else paragraph.lead = joinLines(paragraph.lead, text);
  };

  const lines = markup.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.replace(ORIGIN_PATTERN, '') === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const item = ITEM.exec(line);
    if (heading) {
      flush();
      const { text, origin } = extractOrigin(heading[2]!, origins);
      const level = heading[1]!.length;
      blocks.push(level === 1 ? withOrigin({ type: 'title', text }, origin) : withOrigin({ type: 'heading', level: (level - 1) as 1 | 2 | 3 | 4, marker: '', text }, origin));
    } else if (item) {
      paragraph ??= { lead: '', items: [] };
      paragraph.items.push({ style: (item[1] as SequenceStyle | undefined) ?? '一是', text: unescapeLine(item[2]!) });
    } else if (SIGNATURE_OPEN.test(line)) {
      flush();
      const body: string[] = [];
      while (i + 1 < lines.length && !FENCE_CLOSE.test(lines[i + 1]!.trim())) body.push(lines[++i]!.trim());
      i++;
      const [org = '', date = ''] = body.filter(Boolean).map((l) => extractOrigin(l, origins).text);
      blocks.push({ type: 'signature', org, date });
    } else {
      append(unescapeLine(line));
    }
  }
  flush();
  return blocks;
}

function unescapeLine(line: string): string {
  return line.startsWith('\\') ? line.slice(1) : line;
}

function toParagraph(lead: string, items: { style: SequenceStyle; text: string }[], origins: readonly Origin[]): ParagraphBlock {
  const head = extractOrigin(lead, origins);
  const content: Inline[] = head.text ? [{ type: 'text', text: head.text }] : [];
  let origin = head.origin;
  for (const raw of items) {
    const { text, origin: itemOrigin } = extractOrigin(raw.text, origins);
    origin ??= itemOrigin;
    content.push(withOrigin<ItemInline>({ type: 'item', style: raw.style, marker: '', text }, itemOrigin));
  }
  return withOrigin<ParagraphBlock>({ type: 'paragraph', content }, origin);
}
