/**
 * A document's paragraphs -> the report's structure: the opening, sections nested by their numbers
 * (一、 （一） 1. （1）, numbers stripped), each section's text, points and paragraphs, the closing
 * paragraph and the signature's date. Everything the build prints again is kept word for word; what
 * cannot be placed in the structure stays as text and is said.
 */
import type { DraftParagraph } from '../load/drafts/types.js';
import type { Numbering } from '../schema/kinds.js';
import { leadingMarker, pointOf, splitRunIn, type ImportedPoint, type ImportedRun, type ImportedSequence } from './points.js';

export interface ImportedSection {
  title?: string;
  lead?: string;
  text?: string;
  sequence?: ImportedSequence;
  layout?: 'paragraphs';
  points?: ImportedPoint[];
  runs?: ImportedRun[];
  paragraphs?: string[];
  sections?: ImportedSection[];
}

export type StructureFindingCode = 'import-no-structure' | 'import-numbers-kept';

export interface StructureFinding {
  code: StructureFindingCode;
  paragraph: DraftParagraph;
}

export interface ImportedBody {
  intro?: string;
  sections: ImportedSection[];
  /** The closing paragraph (下半年，我们将……). */
  next?: string;
  /** The level the top sections are numbered at, when it is not 一、. */
  numbering?: Numbering;
  /** 成文日期 of the signature, ISO. */
  date?: string;
  /** The signature line above the date, as written. */
  signature?: string;
  findings: StructureFinding[];
}

/** The heading families of GB/T 9704 by level; 1、 and 1． are the informal spellings of 1. */
const HEADING_PATTERNS: readonly { level: number; pattern: RegExp }[] = [
  { level: 1, pattern: /^[一二三四五六七八九十百]+、\s*/ },
  { level: 2, pattern: /^[（(][一二三四五六七八九十百]+[）)]\s*/ },
  { level: 3, pattern: /^\d{1,2}[.、．](?!\d)\s*/ },
  { level: 4, pattern: /^[（(]\d{1,2}[）)]\s*/ },
];
const NUMBERING_OF_LEVEL: Record<number, Numbering> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' };

/** A run-in heading ends at its first 。 within this many characters; a longer first sentence is a numbered paragraph. */
const RUN_IN_LEAD_MAX_LENGTH = 40;

/** The placeholder title of the one section of a document without headings: to be written by the user. */
export const UNTITLED_SECTION = '（请填写标题）';

/** A closing paragraph: what comes next (下半年，我们将……; 下一步，……). */
const CLOSING = /^(下半年|下一步|今后|明年|新的一年|\d{4}年)[，,]?.{0,20}将/;
/** 2023年7月5日 on a line of its own: the date of the signature. */
const SIGNATURE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SIGNATURE_MAX_LENGTH = 30;

interface Heading {
  level: number;
  text: string;
  paragraph: DraftParagraph;
}

/** The level and text of a numbered heading (number stripped), or undefined for body text. */
export function headingOf(paragraph: DraftParagraph): { level: number; text: string } | undefined {
  for (const { level, pattern } of HEADING_PATTERNS) {
    const match = pattern.exec(paragraph.text);
    if (match) return { level, text: paragraph.text.slice(match[0].length) };
  }
  // A paragraph styled as a heading in Word but typed without a number is a top heading.
  return paragraph.role === 'heading' ? { level: 1, text: paragraph.text } : undefined;
}

/** A heading on its own line (title, its final mark dropped as GB/T 9704 wants) or run into its text (lead). */
export function sectionHead(text: string): Pick<ImportedSection, 'title' | 'lead' | 'text'> {
  const end = text.indexOf('。');
  const rest = end >= 0 ? text.slice(end + 1).trim() : '';
  if (end > 0 && rest !== '' && end <= RUN_IN_LEAD_MAX_LENGTH) return { lead: text.slice(0, end), text: rest };
  if (rest !== '') return { text };
  const title = text.replace(/[。，；：！？.,;:!?]+$/, '');
  return title ? { title } : { text };
}

/** Places a section's body paragraphs in the order the build prints them: opening, runs, paragraphs. */
class SectionBody {
  opening?: { text?: string; run?: ImportedRun };
  runs: ImportedRun[] = [];
  paragraphs: string[] = [];

  constructor(private readonly findings: StructureFinding[]) {}

  add(text: string, paragraph: DraftParagraph): void {
    const run = splitRunIn(text);
    if (!this.opening && this.runs.length === 0 && this.paragraphs.length === 0) this.opening = run ? { run } : { text };
    else if (run && this.paragraphs.length === 0) this.runs.push(run);
    else {
      // Runs print before paragraphs: points after a plain paragraph keep their numbers as text.
      if (run) this.findings.push({ code: 'import-numbers-kept', paragraph });
      this.paragraphs.push(text);
    }
  }

  /** Runs print before paragraphs: once a plain paragraph is placed, no run can follow it. */
  acceptsRuns(): boolean {
    return this.paragraphs.length === 0;
  }

  addRun(run: ImportedRun): void {
    this.runs.push(run);
  }

  into(section: ImportedSection): ImportedSection {
    const opening = this.opening?.run ?? (this.opening?.text !== undefined ? { text: this.opening.text } : undefined);
    const text = [section.text, opening?.text].filter(Boolean).join('');
    const points = this.opening?.run;
    return {
      ...section,
      ...(text ? { text } : {}),
      ...(points ? { sequence: points.sequence, points: points.points } : {}),
      ...(this.runs.length > 0 ? { runs: this.runs } : {}),
      ...(this.paragraphs.length > 0 ? { paragraphs: this.paragraphs } : {}),
    };
  }
}

/**
 * Consecutive paragraphs that each start with the next number of one family (第一，…¶第二，…) are one
 * run of points laid out one paragraph each; returns the run and how many paragraphs it took.
 */
function paragraphRun(texts: readonly string[], from: number): { run: ImportedRun; count: number } | undefined {
  const first = leadingMarker(texts[from]!);
  if (!first || first.n !== 1 || splitRunIn(texts[from]!)) return undefined;
  const points: ImportedPoint[] = [pointOf(first.rest)];
  for (let i = from + 1; i < texts.length; i++) {
    const next = leadingMarker(texts[i]!);
    if (!next || next.sequence !== first.sequence || next.n !== points.length + 1) break;
    points.push(pointOf(next.rest));
  }
  return points.length >= 2 ? { run: { sequence: first.sequence, layout: 'paragraphs', points }, count: points.length } : undefined;
}

/** The signature block at the end (an org line, then 2023年7月5日), taken off the body. */
function takeSignature(body: DraftParagraph[]): Pick<ImportedBody, 'date' | 'signature'> {
  const last = body.at(-1);
  const date = last && SIGNATURE_DATE.exec(last.text);
  if (!date) return {};
  body.pop();
  const iso = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  const above = body.at(-1);
  if (above && above.text.length <= SIGNATURE_MAX_LENGTH && !/[。，；：！？]/.test(above.text) && !headingOf(above)) {
    body.pop();
    return { date: iso, signature: above.text };
  }
  return { date: iso };
}

/** Body paragraphs -> a section's content, 第一，¶第二， paragraphs taken as one run. */
function fillBody(section: ImportedSection, paragraphs: readonly DraftParagraph[], findings: StructureFinding[]): ImportedSection {
  const body = new SectionBody(findings);
  const texts = paragraphs.map((p) => p.text);
  for (let i = 0; i < paragraphs.length; i++) {
    const grouped = body.acceptsRuns() ? paragraphRun(texts, i) : undefined;
    if (grouped) {
      body.addRun(grouped.run);
      i += grouped.count - 1;
    } else body.add(texts[i]!, paragraphs[i]!);
  }
  return body.into(section);
}

interface Node {
  level: number;
  head: Pick<ImportedSection, 'title' | 'lead' | 'text'>;
  body: DraftParagraph[];
  children: Node[];
}

function toSection(node: Node, findings: StructureFinding[]): ImportedSection {
  const section = fillBody(node.head, node.body, findings);
  return node.children.length > 0 ? { ...section, sections: node.children.map((child) => toSection(child, findings)) } : section;
}

/** Headings nested by level: a heading that skips a level is placed one level below its parent. */
function nest(headings: readonly (Heading & { body: DraftParagraph[] })[], top: number): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const heading of headings) {
    while (stack.length > 0 && stack.at(-1)!.level >= heading.level) stack.pop();
    const level = Math.max(heading.level, top);
    const node: Node = { level, head: sectionHead(heading.text), body: heading.body, children: [] };
    (stack.length > 0 ? stack.at(-1)!.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** The paragraphs of a document after its title -> the report's structure. */
export function recogniseStructure(paragraphs: readonly DraftParagraph[]): ImportedBody {
  const findings: StructureFinding[] = [];
  const body = [...paragraphs];
  const signature = takeSignature(body);
  const headings: (Heading & { body: DraftParagraph[] })[] = [];
  const before: DraftParagraph[] = [];
  for (const paragraph of body) {
    const heading = headingOf(paragraph);
    if (heading) headings.push({ ...heading, paragraph, body: [] });
    else (headings.at(-1)?.body ?? before).push(paragraph);
  }
  if (headings.length === 0) {
    const first = body[0];
    if (first) findings.push({ code: 'import-no-structure', paragraph: first });
    return { sections: [fillBody({ title: UNTITLED_SECTION }, body, findings)], ...signature, findings };
  }
  const closing = closingOf(headings.at(-1)!.body);
  const top = Math.min(...headings.map((h) => h.level));
  const intro = introOf(before, findings);
  const sections = nest(headings, top).map((node) => toSection(node, findings));
  return {
    ...(intro ? { intro } : {}),
    sections,
    ...(closing ? { next: closing } : {}),
    ...(top > 1 ? { numbering: NUMBERING_OF_LEVEL[top]! } : {}),
    ...signature,
    findings,
  };
}

/** The last paragraph when it says what comes next, taken off the last section. */
function closingOf(lastBody: DraftParagraph[]): string | undefined {
  const last = lastBody.at(-1);
  if (!last || lastBody.length < 2 || !CLOSING.test(last.text)) return undefined;
  lastBody.pop();
  return last.text;
}

/**
 * The paragraphs before the first heading: the opening. It is one paragraph of text; points in it
 * cannot be numbered by the build, so they keep their numbers as text, and so do further paragraphs
 * (joined by a blank line, which the build prints as a new paragraph).
 */
function introOf(before: readonly DraftParagraph[], findings: StructureFinding[]): string | undefined {
  for (const paragraph of before) if (splitRunIn(paragraph.text)) findings.push({ code: 'import-numbers-kept', paragraph });
  return before.length > 0 ? before.map((p) => p.text).join('\n\n') : undefined;
}
