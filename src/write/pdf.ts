/**
 * The PDF writer: the docx of the same document, laid out by LibreOffice (see soffice.ts), so that the
 * PDF is what Word or WPS would print, not a second rendering with rules of its own.
 *
 * Same notes, same bytes: LibreOffice's layout is deterministic once its locale is pinned (soffice.ts),
 * but it stamps the Info dictionary's /CreationDate (and /ModDate) with the local time, and the
 * trailer's /ID and /DocChecksum with hashes of that moment. The dates are pinned to the instant the
 * docx uses (SOURCE_DATE_EPOCH, else the report's date), /ID and /DocChecksum to a hash of the docx.
 * LibreOffice writes a date's zone as Z' or as +08'00', so the Info dictionary's length depends on the
 * time zone and a same-length rewrite could not make two zones agree: the Info object is rewritten,
 * and the cross-reference offsets after it are shifted by the difference, which keeps every object
 * where the table says it is. (LibreOffice writes no XMP metadata unless asked for PDF/A; we do not ask.)
 *
 * The hand-edit guard: the Info dictionary carries /PlanReportFingerprint(v1:<sha256>), the hash of
 * the whole file with those 64 digits as zeros. A file with that key and the matching hash is ours as
 * we wrote it; with another hash, ours changed since (a PDF editor's incremental update appends to the
 * file, a full save rewrites it); without the key, not ours.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportDocument } from '../document/ast.js';
import { renderDocx } from './docx/index.js';
import { pinnedInstant } from './docx/determinism.js';
import { sha256Hex, type FingerprintState } from './fingerprint.js';
import { WriterUnavailable, type RenderOptions, type Writer } from './index.js';
import { convertDocxToPdf, findSoffice, type ConversionFailure } from './soffice.js';

const FINGERPRINT_KEY = '/PlanReportFingerprint';
const FINGERPRINT_PREFIX = `${FINGERPRINT_KEY}(v1:`;
const HASH_DIGITS = 64;
const PLACEHOLDER = '0'.repeat(HASH_DIGITS);

const STARTXREF = /startxref\s+(\d+)\s+%%EOF\s*$/;
const XREF_ENTRY = /(\d{10}) (\d{5}) ([nf])/g;
const INFO_REFERENCE = /\/Info\s+(\d+)\s+(\d+)\s+R/;
const INFO_DATES = /\/(CreationDate|ModDate)\s*\([^)]*\)/g;
const TRAILER_ID = /\/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]/;
const DOC_CHECKSUM = /\/DocChecksum\s*\/[0-9A-Fa-f]+/;

/** PDF date of an instant's UTC fields: D:20230705000000Z. */
function pdfDate(instant: Date): string {
  return `D:${instant.toISOString().replace(/\.\d{3}Z$/, '').replace(/[-:T]/g, '')}Z`;
}

/** A PDF file as one character per byte, so that string offsets are byte offsets. */
const asText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const asBytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

interface Layout {
  infoStart: number;
  infoEnd: number;
  xrefStart: number;
  /** Where `startxref` begins: the table and the trailer end here. */
  tailStart: number;
}

/** Object number to byte offset, from the subsections of a classic xref table ("0 37" and 37 entries). */
function xrefOffsets(table: string): Map<number, number> {
  const offsets = new Map<number, number>();
  const lines = table.split(/\r\n|\r|\n/).map((line) => line.trim());
  let next = 0;
  for (const line of lines.slice(1)) {
    const subsection = /^(\d+) \d+$/.exec(line);
    const entry = /^(\d{10}) \d{5} ([nf])$/.exec(line);
    if (subsection) next = Number(subsection[1]);
    else if (entry?.[2] === 'n') offsets.set(next++, Number(entry[1]));
    else if (entry) next++;
  }
  return offsets;
}

/** Where the Info object, the cross-reference table and the trailer are, in a PDF as LibreOffice
 * writes it: one classic xref table, no incremental update. Throws on anything else. */
function layoutOf(pdf: string): Layout {
  const searchedFrom = Math.max(0, pdf.length - 1024);
  const tail = STARTXREF.exec(pdf.slice(searchedFrom));
  if (!tail) throw new Error('no startxref at the end of the PDF');
  const tailStart = searchedFrom + tail.index;
  const xrefStart = Number(tail[1]);
  const trailerStart = pdf.indexOf('trailer', xrefStart);
  if (pdf.slice(xrefStart, xrefStart + 4) !== 'xref' || trailerStart < 0 || trailerStart > tailStart) throw new Error('the PDF has no classic xref table');
  const trailer = pdf.slice(trailerStart, tailStart);
  if (trailer.includes('/Prev')) throw new Error('the PDF has an incremental update');
  const info = INFO_REFERENCE.exec(trailer);
  if (!info) throw new Error('the PDF has no Info dictionary');
  const infoStart = xrefOffsets(pdf.slice(xrefStart, trailerStart)).get(Number(info[1])) ?? -1;
  const infoHeader = `${info[1]} ${info[2]} obj`;
  if (pdf.slice(infoStart, infoStart + infoHeader.length) !== infoHeader) throw new Error('the xref table does not point at the Info object');
  const infoEnd = pdf.indexOf('endobj', infoStart);
  if (infoEnd < 0 || infoEnd > xrefStart) throw new Error('the Info object is not before the xref table');
  return { infoStart, infoEnd, xrefStart, tailStart };
}

/** The Info object with its dates pinned and the fingerprint's placeholder added. */
function pinnedInfo(info: string, date: string): string {
  const dictionaryEnd = info.lastIndexOf('>>');
  if (dictionaryEnd < 0) throw new Error('the Info object is not a dictionary');
  const pinned = info.slice(0, dictionaryEnd).replace(INFO_DATES, (_whole, key: string) => `/${key}(${date})`);
  return `${pinned}\n${FINGERPRINT_PREFIX}${PLACEHOLDER})${info.slice(dictionaryEnd)}`;
}

/** The xref table with the offsets after `from` moved by `delta`, and the trailer's hashes pinned. */
function shiftedTable(table: string, from: number, delta: number, id: string): string {
  const trailerAt = table.indexOf('trailer');
  const entries = table.slice(0, trailerAt).replace(XREF_ENTRY, (whole, offset: string, generation: string, kind: string) =>
    kind === 'n' && Number(offset) > from ? `${String(Number(offset) + delta).padStart(10, '0')} ${generation} ${kind}` : whole,
  );
  const trailer = table
    .slice(trailerAt)
    .replace(TRAILER_ID, `/ID [ <${id}>\n<${id}> ]`)
    .replace(DOC_CHECKSUM, `/DocChecksum /${id}`);
  return entries + trailer;
}

/** The file's fingerprint stamped over the placeholder: the sha256 of the file as it is with zeros. */
function stampFingerprint(pdf: string): string {
  const at = pdf.indexOf(FINGERPRINT_PREFIX + PLACEHOLDER) + FINGERPRINT_PREFIX.length;
  return pdf.slice(0, at) + sha256Hex(asBytes(pdf)) + pdf.slice(at + HASH_DIGITS);
}

/**
 * LibreOffice's PDF made the same for the same docx: dates pinned to `instant`, /ID and /DocChecksum
 * derived from `docxHash`, the fingerprint added; the xref table still points at every object.
 */
export function pinPdf(bytes: Uint8Array, instant: Date, docxHash: string): Uint8Array {
  const pdf = asText(bytes);
  const { infoStart, infoEnd, xrefStart, tailStart } = layoutOf(pdf);
  const info = pinnedInfo(pdf.slice(infoStart, infoEnd), pdfDate(instant));
  const delta = info.length - (infoEnd - infoStart);
  const id = docxHash.slice(0, 32).toUpperCase();
  const table = shiftedTable(pdf.slice(xrefStart, tailStart), infoStart, delta, id);
  const rewritten = `${pdf.slice(0, infoStart)}${info}${pdf.slice(infoEnd, xrefStart)}${table}startxref\n${xrefStart + delta}\n%%EOF\n`;
  return asBytes(stampFingerprint(rewritten));
}

/** 'unedited': a PDF we wrote, as we wrote it; 'edited': ours, changed since; 'foreign': anything else. */
export function pdfFingerprintState(bytes: Uint8Array): FingerprintState {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = file.indexOf(FINGERPRINT_PREFIX, 0, 'latin1');
  if (at < 0) return 'foreign';
  const start = at + FINGERPRINT_PREFIX.length;
  const stored = file.toString('latin1', start, start + HASH_DIGITS);
  if (!/^[0-9a-f]{64}$/.test(stored) || file[start + HASH_DIGITS] !== ')'.charCodeAt(0)) return 'foreign';
  const zeroed = Buffer.from(file);
  zeroed.write(PLACEHOLDER, start, 'latin1');
  return sha256Hex(zeroed) === stored ? 'unedited' : 'edited';
}

function conversionDiagnostic(failure: ConversionFailure, output: string): Diagnostic {
  return failure.kind === 'timeout'
    ? error('pdf-convert-timeout', { path: output, seconds: failure.seconds })
    : error('pdf-convert-failed', { path: output, detail: failure.detail });
}

async function renderPdf(doc: ReportDocument, options: RenderOptions): Promise<Uint8Array> {
  const soffice = findSoffice();
  // The same for every report of a run: printed once, not once per report.
  if (!('program' in soffice)) throw new WriterUnavailable(() => error('pdf-no-soffice', { searched: soffice.searched.join(', ') }));
  const instant = pinnedInstant(doc.meta.date, options.sourceDateEpoch);
  const docx = await renderDocx(doc, options);
  const converted = await convertDocxToPdf(soffice.program, docx);
  if ('failure' in converted) throw new WriterUnavailable((output) => conversionDiagnostic(converted.failure, output));
  try {
    return pinPdf(converted.pdf, instant, sha256Hex(docx));
  } catch (cause) {
    // A LibreOffice that writes its PDF in a way we do not know: say so rather than write unpinned bytes.
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new WriterUnavailable((output) => error('pdf-convert-failed', { path: output, detail }));
  }
}

export const pdfWriter: Writer = {
  render: renderPdf,
  fingerprintState: pdfFingerprintState,
};
