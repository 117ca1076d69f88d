import type { Block, ColophonBlock, TableBlock, TitleBlock, HeadingLevel, Inline, ItemInline, MastheadBlock, Origin, ParagraphBlock, RunInHeadingInline, SequenceStyle } from './ast.js';

/**
 * The composed report text: what templates produce and this module parses into the AST. It is a
 * small Markdown subset, so that a template reads like the report it makes:
 *
 *   # title                      the report's title
 *   ## … to #####                headings of levels 1–4 (numbered by the numbering transform)
 *   ##: … to #####: text         a heading of that level run into the paragraph that follows it
 *   ##: alone                    the level's number alone, opening the paragraph that follows
 *   lines                        a paragraph; consecutive lines join (no space between CJK)
 *   + text  /  +(第一) text      a point of a run-in sequence, inside the current paragraph
 *                                (families 一是, 第一, 首先, and none for leads without numbers)
 *   ::: signature / org / date / :::   the signature block
 *   ::: masthead / key: value lines / :::   版头: issuer, number, signer
 *   ::: colophon / key: value lines / :::   版记: copy-to (one line each), printer, printed
 *
 * A full Markdown parser would reinterpret the secretary's prose ("1. …" at a line start becomes a
 * list), so user text is escaped into this grammar and nothing else is recognised.
 * Private-use characters are marks that user text never holds (escaping strips them first):
 * U+E000 n U+E001 links the text that follows to origins[n]; U+E002 opens every line of user text,
 * so that no such line starts with syntax. The parser drops the marks wherever they stand, so any
 * text round-trips exactly, whatever it starts with (#, +, :::, \, 1.).
 * Three more marks come from compose inside a point (see pointMarkup): U+E003 says the point
 * continues the run of the paragraph before; U+E004 / U+E005 end its lead, plain / bold.
 * U+E006 parts the lines of a title whose breaks the notes gave (see titleLinesMarkup).
 */

const ORIGIN_OPEN = '\uE000';
const ORIGIN_CLOSE = '\uE001';
const ORIGIN_PATTERN = /\uE000(\d+)\uE001/g;
const LITERAL = '\uE002';
const RUN_CONTINUES = '\uE003';
const LEAD_END = '\uE004';
const BOLD_LEAD_END = '\uE005';
const TITLE_LINE_BREAK = '\uE006';
const PRIVATE_MARKS = /[\uE000-\uE006]/g;
/** Every line break a YAML string can hold: each one would start a markup line. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

export function originMarker(index: number): string {
  return `${ORIGIN_OPEN}${index}${ORIGIN_CLOSE}`;
}

/** One point's markup (after `+(…) ` in a template): its lead kept apart from its text, so that
 * writers can set the lead in bold, and whether it continues the run of the paragraph before. */
export function pointMarkup(point: { lead?: string; bold?: boolean; text: string; continues?: boolean }): string {
  const lead = point.lead === undefined ? '' : point.lead + (point.bold ? BOLD_LEAD_END : LEAD_END);
  return (point.continues ? RUN_CONTINUES : '') + lead + point.text;
}

/** A title given as its lines (each already markup): one markup line that keeps the breaks. */
export function titleLinesMarkup(lines: readonly string[]): string {
  return lines.join(TITLE_LINE_BREAK);
}

/** User text -> markup lines that parse back to the same text: each line trimmed and marked literal. */
export function escapeMarkupText(text: string): string {
  return text
    .replace(PRIVATE_MARKS, '')
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .map((line) => (line === '' ? '' : LITERAL + line))
    .join('\n');
}

/**
 * User text for a place that is one markup line (a title, a heading, a signature line): it never
 * opens a new line, whatever it holds. (The schema refuses line breaks in such fields anyway.)
 */
export function escapeMarkupLine(text: string): string {
  return escapeMarkupText(text).replace(/\n+/g, ' ');
}

/** The text a reader sees: the private-use marks removed. */
function visible(text: string): string {
  return text.replace(ORIGIN_PATTERN, '').replace(PRIVATE_MARKS, '');
}

const HEADING = /^(#{1,5})\s+(.*)$/;
const RUN_IN_HEADING = /^(#{2,5}):(?:\s+(.*))?$/;
const ITEM = /^\+(?:\((一是|第一|首先|none)\))?\s+(.*)$/;
const SIGNATURE_OPEN = /^:::\s*signature\s*$/;
const FENCE_CLOSE = /^:::\s*$/;
const TABLE_OPEN = /^:::\s*table\s*$/;
const FORMAL_OPEN = /^:::\s*(masthead|colophon)\s*$/;
/** A line of a masthead or colophon: a key of ours, then the value (user text, escaped). */
const FORMAL_FIELD = /^([a-z-]+):\s?(.*)$/;

/** A table as markup: its cells are JSON on one line, so no text in them can open or close a fence. */
export function tableMarkup(table: Omit<TableBlock, 'type'>): string {
  return `::: table\n${JSON.stringify({ caption: table.caption, header: table.header, rows: table.rows })}\n:::`;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]/;

/** Joins two lines of one paragraph: no space where either side is CJK (Chinese has no spaces). */
function joinLines(left: string, right: string): string {
  if (left === '' || right === '') return left + right;
  const needsSpace = !CJK.test(visible(left).slice(-1)) && !CJK.test(visible(right)[0] ?? '');
  return needsSpace ? `${left} ${right}` : left + right;
}

interface Extracted {
  text: string;
  origin?: Origin;
}

/** Strips the private-use marks from a piece of text and keeps the first origin's. */
function extractOrigin(text: string, origins: readonly Origin[]): Extracted {
  const first = new RegExp(ORIGIN_PATTERN.source).exec(text);
  const stripped = visible(text);
  const origin = first ? origins[Number(first[1])] : undefined;
  return origin ? { text: stripped, origin } : { text: stripped };
}

function withOrigin<T extends object>(node: T, origin: Origin | undefined): T {
  return origin ? { ...node, origin } : node;
}

/** Parses composed markup into blocks; the numbering and punctuation transforms run after this. */
export function parseMarkup(markup: string, origins: readonly Origin[] = []): Block[] {
  const blocks: Block[] = [];
  let paragraph: RawParagraph | undefined;

  const flush = () => {
    if (!paragraph) return;
    blocks.push(toParagraph(paragraph, origins));
    paragraph = undefined;
  };
  const append = (text: string) => {
    paragraph ??= { text: '', items: [] };
    const last = paragraph.items[paragraph.items.length - 1];
    if (last) last.text = joinLines(last.text, text);
    else paragraph.text = joinLines(paragraph.text, text);
  };

  const lines = markup.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (visible(line) === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const runIn = RUN_IN_HEADING.exec(line);
    const item = ITEM.exec(line);
    if (runIn) {
      flush();
      paragraph = { heading: { level: (runIn[1]!.length - 1) as HeadingLevel, text: runIn[2] ?? '' }, text: '', items: [] };
    } else if (heading) {
      flush();
      const { text, origin } = extractOrigin(heading[2]!, origins);
      const level = heading[1]!.length;
      blocks.push(level === 1 ? titleBlock(heading[2]!, origins) : withOrigin({ type: 'heading', level: (level - 1) as 1 | 2 | 3 | 4, marker: '', text }, origin));
    } else if (item) {
      paragraph ??= { text: '', items: [] };
      paragraph.items.push({ style: (item[1] as SequenceStyle | undefined) ?? '一是', text: item[2]! });
    } else if (SIGNATURE_OPEN.test(line)) {
      flush();
      const body: string[] = [];
      while (i + 1 < lines.length && !FENCE_CLOSE.test(lines[i + 1]!.trim())) body.push(lines[++i]!.trim());
      i++;
      const [org = '', date = ''] = body.filter(Boolean).map((l) => extractOrigin(l, origins).text);
      blocks.push({ type: 'signature', org, date });
    } else if (FORMAL_OPEN.test(line)) {
      flush();
      const body: string[] = [];
      while (i + 1 < lines.length && !FENCE_CLOSE.test(lines[i + 1]!.trim())) body.push(lines[++i]!.trim());
      i++;
      const fields = formalFields(body, origins);
      blocks.push(FORMAL_OPEN.exec(line)![1] === 'masthead' ? mastheadBlock(fields) : colophonBlock(fields));
    } else if (TABLE_OPEN.test(line)) {
      flush();
      const body: string[] = [];
      while (i + 1 < lines.length && !FENCE_CLOSE.test(lines[i + 1]!.trim())) body.push(lines[++i]!);
      i++;
      const table = JSON.parse(body.join('')) as Omit<TableBlock, 'type'>;
      blocks.push({ type: 'table', caption: visible(table.caption), header: table.header.map(visible), rows: table.rows.map((row) => row.map(visible)) });
    } else {
      append(line);
    }
  }
  flush();
  return blocks;
}

/** The keys of a masthead or colophon fence, each with its values in order (copy-to repeats). */
type FormalFields = Map<string, string[]>;

const FORMAL_KEYS = ['issuer', 'number', 'signer', 'copy-to', 'printer', 'printed'];

/** A fence's `key: value` lines, values made visible; an empty value (an unset field) is left out.
 * A key of no field is a mistake in a template, said as such rather than dropped. */
function formalFields(body: readonly string[], origins: readonly Origin[]): FormalFields {
  const fields: FormalFields = new Map();
  for (const line of body) {
    if (visible(line) === '') continue;
    const field = FORMAL_FIELD.exec(line);
    if (!field || !FORMAL_KEYS.includes(field[1]!)) throw new Error(`markup: "${visible(line)}" is not one of ${FORMAL_KEYS.join(', ')} followed by ": "`);
    const value = extractOrigin(field[2]!, origins).text.trim();
    if (value !== '') fields.set(field[1]!, [...(fields.get(field[1]!) ?? []), value]);
  }
  return fields;
}

function mastheadBlock(fields: FormalFields): MastheadBlock {
  const [number] = fields.get('number') ?? [];
  const [signer] = fields.get('signer') ?? [];
  return { type: 'masthead', issuer: fields.get('issuer')?.[0] ?? '', ...(number ? { number } : {}), ...(signer ? { signer } : {}) };
}

function colophonBlock(fields: FormalFields): ColophonBlock {
  return { type: 'colophon', copyTo: fields.get('copy-to') ?? [], printer: fields.get('printer')?.[0] ?? '', printed: fields.get('printed')?.[0] ?? '' };
}

/** A title; with the lines the notes gave when its markup holds them (titleLinesMarkup). */
function titleBlock(markup: string, origins: readonly Origin[]): TitleBlock {
  const [first, ...rest] = markup.split(TITLE_LINE_BREAK).map((line) => extractOrigin(line, origins));
  if (rest.length === 0) return withOrigin({ type: 'title', text: first!.text }, first!.origin);
  const lines = [first!.text, ...rest.map((line) => line.text)];
  return withOrigin({ type: 'title', text: lines.reduce(joinLines), lines }, first!.origin);
}

interface RawParagraph {
  heading?: { level: HeadingLevel; text: string };
  /** The text before the first point. */
  text: string;
  items: { style: SequenceStyle; text: string }[];
}

function toParagraph(raw: RawParagraph, origins: readonly Origin[]): ParagraphBlock {
  const content: Inline[] = [];
  let origin: Origin | undefined;
  if (raw.heading) {
    const heading = extractOrigin(raw.heading.text, origins);
    origin = heading.origin;
    content.push(withOrigin<RunInHeadingInline>({ type: 'heading', level: raw.heading.level, marker: '', text: heading.text }, heading.origin));
  }
  const head = extractOrigin(raw.text, origins);
  origin ??= head.origin;
  if (head.text) content.push({ type: 'text', text: head.text });
  for (const item of raw.items) {
    const inline = toItem(item, origins);
    origin ??= inline.origin;
    content.push(inline);
  }
  return withOrigin<ParagraphBlock>({ type: 'paragraph', content }, origin);
}

/** A point's inline: the marks of pointMarkup read back into its lead, boldness and run. */
function toItem(raw: { style: SequenceStyle; text: string }, origins: readonly Origin[]): ItemInline {
  const { origin } = extractOrigin(raw.text, origins);
  const leadEnd = raw.text.search(/[\uE004\uE005]/);
  const item: ItemInline = { type: 'item', style: raw.style, marker: '', text: visible(raw.text.slice(leadEnd + 1)) };
  if (leadEnd >= 0) {
    item.lead = visible(raw.text.slice(0, leadEnd));
    if (raw.text[leadEnd] === BOLD_LEAD_END) item.bold = true;
  }
  if (raw.text.includes(RUN_CONTINUES)) item.continues = true;
  return withOrigin(item, origin);
}
