import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lintDraft } from '../lint/draft/index.js';
import { paragraphElements, paragraphPieces, readDocxDraft, type TextPiece } from '../load/drafts/docx.js';
import { MAX_DOCX_DRAFT_BYTES } from '../load/drafts/index.js';
import { childElement, decodeXmlText, parseXml, type XmlElement } from '../load/reference-doc.js';
import { readBoundedFile } from '../load/source-file.js';
import { changeOf, NOTHING, problemKey, type FileOutcome } from './change.js';
import { applyEdits, type TextEdit } from '../lint/edits.js';
import { writeNewFile } from './write.js';

const DOCUMENT_PART = 'word/document.xml';

/** draft.docx -> draft.fixed.docx, beside it. */
export function fixedCopyName(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.fixed.docx`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type PieceEdit = TextEdit & { diagnostic: Diagnostic };

/** The non-empty paragraphs' pieces, numbered as the reader numbers them (empty ones not counted). */
function numberedParagraphs(xml: string, root: XmlElement): TextPiece[][] {
  const body = childElement(root, 'w:body');
  return (body ? paragraphElements(body) : []).map((element) => paragraphPieces(xml, element)).filter((pieces) => pieces.map((p) => p.text).join('').trim() !== '');
}

/**
 * A fix as an edit of one w:t element's text, when it falls inside one (an insertion may sit at
 * either end of it). A fix across two runs (a bold word and the plain text after it) has no such place.
 */
function placeInPieces(pieces: readonly TextPiece[], d: Diagnostic): { element: XmlElement; edit: PieceEdit } | undefined {
  const raw = pieces.map((p) => p.text).join('');
  const start = d.fix!.offset + (raw.length - raw.trimStart().length);
  const end = start + d.fix!.length;
  let at = 0;
  for (const piece of pieces) {
    const from = at;
    at += piece.text.length;
    const inside = d.fix!.length === 0 ? from <= start && start <= at : from <= start && end <= at;
    if (piece.element && inside) return { element: piece.element, edit: { start: start - from, end: end - from, text: d.fix!.text, diagnostic: d } };
  }
  return undefined;
}

/** document.xml with the edits made in the text of their w:t elements, each re-escaped. */
function editedXml(xml: string, placed: readonly { element: XmlElement; edit: PieceEdit }[]): { xml: string; applied: PieceEdit[] } {
  const byElement = new Map<XmlElement, PieceEdit[]>();
  for (const { element, edit } of placed) byElement.set(element, [...(byElement.get(element) ?? []), edit]);
  const elements = [...byElement.keys()].sort((a, b) => b.contentStart - a.contentStart);
  const applied: PieceEdit[] = [];
  let out = xml;
  for (const element of elements) {
    const result = applyEdits(decodeXmlText(xml.slice(element.contentStart, element.contentEnd)), byElement.get(element)!);
    applied.push(...result.applied);
    out = out.slice(0, element.contentStart) + escapeXml(result.text) + out.slice(element.contentEnd);
  }
  return { xml: out, applied };
}

/** The package with document.xml replaced and every other part copied as it was. */
function repackaged(bytes: Uint8Array, xml: string): Uint8Array {
  const entries = unzipSync(bytes);
  const name = Object.keys(entries).find((entry) => entry.toLowerCase() === DOCUMENT_PART)!;
  entries[name] = strToU8(xml);
  return zipSync(entries);
}

/**
 * A Word file is never rewritten: its reported fixes are proposals. With `copy`, those that fall
 * inside one run are written into NAME.fixed.docx beside it (refused when that exists); those that
 * cannot be placed are said so, at their paragraph.
 */
export async function fixDocx(file: string, reported: ReadonlySet<string>, copy: boolean): Promise<FileOutcome> {
  const read = await readBoundedFile(file, MAX_DOCX_DRAFT_BYTES);
  if (!read.bytes) return NOTHING;
  const { paragraphs } = readDocxDraft(file, read.bytes);
  if (!paragraphs) return NOTHING;
  const fixable = lintDraft({ path: file, format: 'docx', paragraphs }, {}).filter((d) => d.fix && reported.has(problemKey(d)));
  const proposed = fixable.map((d) => changeOf(d, d.fix!.text));
  if (!copy || fixable.length === 0) return { ...NOTHING, proposed };
  // The reader opened and checked the package (size, zip bomb, XML) just above.
  // Decoded as the reader decodes it (a byte-order mark dropped), so that the offsets agree.
  const xml = new TextDecoder('utf-8').decode(Object.values(unzipSync(read.bytes, { filter: (entry) => entry.name.toLowerCase() === DOCUMENT_PART }))[0]);
  const numbered = numberedParagraphs(xml, parseXml(xml));
  const placed = fixable.map((d) => ({ d, place: placeInPieces(numbered[d.location!.line - 1] ?? [], d) }));
  const notPlaced = placed.filter(({ place }) => !place).map(({ d }) => warning('fix-not-placed', { text: String(d.params.text ?? ''), replacement: proposed[fixable.indexOf(d)]!.after }, d.location));
  const edited = editedXml(xml, placed.flatMap(({ place }) => (place ? [place] : [])));
  if (edited.applied.length === 0) return { ...NOTHING, proposed, diagnostics: notPlaced };
  const target = fixedCopyName(file);
  const failure = await writeNewFile(target, repackaged(read.bytes, edited.xml));
  if (failure) return { ...NOTHING, proposed, diagnostics: [failure, ...notPlaced] };
  return { fixed: edited.applied.map(({ diagnostic }) => changeOf(diagnostic, diagnostic.fix!.text)), proposed, written: { source: file, path: target, fixes: edited.applied.length }, diagnostics: notPlaced };
}
