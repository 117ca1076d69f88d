/**
 * A draft saved from Word or WPS -> paragraphs. The package is opened as the reference doc is (the
 * same refusals of a .doc, a password, a damaged zip or a zip bomb, said of a draft), and the
 * paragraphs of word/document.xml are read in order, tables' included. A Word file has no lines: a
 * finding is located by the paragraph's number and a snippet of its text to search for.
 */
import { error, type Diagnostic, type Location } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/messages.js';
import {
  attribute,
  checkWordNamespace,
  childElement,
  childElements,
  decodeXmlText,
  openWordPackage,
  parsePart,
  Refusal,
  styleOf,
  type WordRefusalCode,
  type XmlElement,
} from '../reference-doc.js';
import { roleByText } from './text.js';
import type { DraftParagraph } from './types.js';

const DOCUMENT_PART = 'word/document.xml';
const STYLES_PART = 'word/styles.xml';

/** The reference doc's refusals, said of a draft. */
const DRAFT_REFUSALS: Record<WordRefusalCode, DiagnosticCode> = {
  'reference-doc-encrypted': 'draft-encrypted',
  'reference-doc-legacy-doc': 'draft-legacy-doc',
  'reference-doc-not-docx': 'draft-not-docx',
  'reference-doc-damaged': 'draft-damaged',
  'reference-doc-zip-bomb': 'draft-zip-bomb',
  'reference-doc-no-styles': 'draft-not-docx',
  'reference-doc-bad-xml': 'draft-damaged',
  'reference-doc-strict': 'draft-strict',
};

/** Characters of the paragraph quoted on each side of the spot. */
const SNIPPET_CONTEXT = 12;

/** The text around `offset`, cut with … where the paragraph goes on. */
export function snippetAround(text: string, offset: number): string {
  const start = Math.max(0, offset - SNIPPET_CONTEXT);
  const end = Math.min(text.length, offset + SNIPPET_CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function paragraphLocation(file: string, number: number, text: string, offset: number): Location {
  const at = Math.max(0, Math.min(offset, text.length));
  return { file, line: number, column: at + 1, sourceLine: snippetAround(text, at), unit: 'paragraph' };
}

/** Paragraph style ids -> the role their name gives: Title, or heading 1–9 (Word's names, in any
 * interface language; Chinese Word gives them ids such as 1, 2). */
function rolesOfStyles(styles: XmlElement | undefined): Map<string, DraftParagraph['role']> {
  const roles = new Map<string, DraftParagraph['role']>();
  for (const style of styles ? childElements(styles, 'w:style') : []) {
    const { id, name, type } = styleOf(style);
    if (type !== 'paragraph') continue;
    if (/^title$/i.test(name)) roles.set(id, 'title');
    else if (/^heading [1-9]$/i.test(name)) roles.set(id, 'heading');
  }
  return roles;
}

/** What the reader sees of a paragraph's runs: w:t text, a tab (w:tab or a tab character) as a
 * space; a manual line break joins like a soft break of Markdown (Chinese without a space), the
 * text of a paragraph being one line. Deleted text, field codes and the fallback copy of a drawing are not seen. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:pPr', 'w:rPr', 'w:txbxContent']);

/** A piece of a paragraph's visible text, with the w:t element it was typed in (none for a tab or a
 * break), so that --fix-copy can edit that element. */
export interface TextPiece {
  text: string;
  element?: XmlElement;
}

export function paragraphPieces(xml: string, element: XmlElement): TextPiece[] {
  const pieces: TextPiece[] = [];
  let text = '';
  const add = (piece: TextPiece) => {
    pieces.push(piece);
    text += piece.text;
  };
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (SKIPPED.has(child.name)) continue;
      if (child.name === 'w:t') add({ text: decodeXmlText(xml.slice(child.contentStart, child.contentEnd)).replace(/\t/g, ' '), element: child });
      else if (child.name === 'w:tab') add({ text: ' ' });
      else if ((child.name === 'w:br' || child.name === 'w:cr') && /[\x21-\x7e]$/.test(text)) add({ text: ' ' });
      else walk(child);
    }
  };
  walk(element);
  return pieces;
}

/** The paragraph's text as the rules read it: its pieces, the spaces at its ends trimmed. */
export function paragraphText(xml: string, element: XmlElement): string {
  return paragraphPieces(xml, element)
    .map((piece) => piece.text)
    .join('')
    .trim();
}

/** The w:p elements below the body, in document order (tables' cells included). */
export function paragraphElements(body: XmlElement): XmlElement[] {
  return body.children.flatMap((child) => (child.name === 'w:p' ? [child] : SKIPPED.has(child.name) ? [] : paragraphElements(child)));
}

function styleIdOf(paragraph: XmlElement): string | undefined {
  const properties = childElement(paragraph, 'w:pPr');
  const style = properties && childElement(properties, 'w:pStyle');
  return style && attribute(style, 'w:val');
}

export interface ReadDocx {
  paragraphs?: DraftParagraph[];
  diagnostics: Diagnostic[];
}

/** The bytes of a .docx draft -> its non-empty paragraphs, numbered as a reader counts them. */
export function readDocxDraft(file: string, bytes: Uint8Array): ReadDocx {
  const location: Location = { file, line: 1, column: 1 };
  const refuse = (code: WordRefusalCode, params: Record<string, string | number> = {}) => new Refusal(error(DRAFT_REFUSALS[code], { path: file, ...params }, location));
  try {
    const zip = openWordPackage(bytes, refuse);
    const document = parsePart(zip, DOCUMENT_PART, refuse);
    if (!document) throw refuse('reference-doc-not-docx');
    checkWordNamespace(document.root, 'w:document', DOCUMENT_PART, refuse);
    const roles = rolesOfStyles(parsePart(zip, STYLES_PART, refuse)?.root);
    const body = childElement(document.root, 'w:body');
    const paragraphs: DraftParagraph[] = [];
    for (const element of body ? paragraphElements(body) : []) {
      const text = paragraphText(document.text, element);
      if (text === '') continue;
      const number = paragraphs.length + 1;
      const styleId = styleIdOf(element);
      const role = (styleId !== undefined ? roles.get(styleId) : undefined) ?? roleByText(text, paragraphs.length === 0);
      paragraphs.push({ text, role, locate: (offset) => paragraphLocation(file, number, text, offset) });
    }
    return { paragraphs, diagnostics: [] };
  } catch (cause) {
    if (cause instanceof Refusal) return { diagnostics: [cause.diagnostic] };
    throw cause;
  }
}
