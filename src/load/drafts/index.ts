/**
 * Documents written by hand (a .md, a .txt, a Word .docx) read as drafts: paragraphs with their
 * roles and a way back to where each character is, for the draft rules (src/lint/draft/). Read as
 * hostile input, as notes are: bounded size, any of the encodings offices save, a Word file checked
 * before it is unpacked. Never throws for a bad file.
 */
import path from 'node:path';
import { error, type Diagnostic, type Location } from '../../diagnostics/diagnostic.js';
import { commentFingerprintState } from '../../write/fingerprint.js';
import { docxFingerprintState } from '../../write/docx/fingerprint.js';
import { decodeNotes, MAX_TEXT_FILE_BYTES } from '../decode.js';
import { readBoundedFile } from '../source-file.js';
import { readDocxDraft } from './docx.js';
import { readMarkdownDraft, readTextDraft } from './text.js';
import type { Draft, DraftFormat } from './types.js';

export type { Draft, DraftFormat, DraftParagraph } from './types.js';

/** Far above a report with pictures; a larger Word file is refused before it is read. */
export const MAX_DOCX_DRAFT_BYTES = 64 * 1024 * 1024;
const MEGABYTE = 1024 * 1024;

/** The format a file is read as, by its extension; .doc is read as Word to be refused clearly. */
export function draftFormatOf(file: string): DraftFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'md';
  if (extension === '.txt') return 'txt';
  if (extension === '.docx' || extension === '.doc') return 'docx';
  return undefined;
}

export interface ReadDraft {
  draft?: Draft;
  diagnostics: Diagnostic[];
  /** The file carries plan-report's fingerprint: a report it built (edited since or not), not a draft
   * typed by a person. */
  builtByPlanReport?: true;
}

function megabytes(bytes: number): string {
  return (bytes / MEGABYTE).toFixed(1).replace(/\.0$/, '');
}

/** The generic problems of bytes and encodings, said of a draft where the notes' words do not fit. */
function asDraftProblem(d: Diagnostic, file: string, limit: number): Diagnostic {
  const at: Location = d.location ?? { file, line: 1, column: 1 };
  if (d.code === 'file-too-large') return error('draft-too-large', { path: file, size: megabytes(Number(d.params.size)), limit: megabytes(limit) }, at);
  if (d.code === 'binary-file') return error('draft-binary', { path: file }, at);
  return d.location || d.params.path !== undefined ? d : { ...d, location: at };
}

function builtByPlanReport(format: DraftFormat, bytes: Uint8Array): boolean {
  if (format === 'txt') return false;
  return (format === 'md' ? commentFingerprintState(bytes) : docxFingerprintState(bytes)) !== 'foreign';
}

/** Reads one draft, or says why it cannot be read. */
export async function readDraft(file: string): Promise<ReadDraft> {
  const format = draftFormatOf(file) ?? 'txt';
  const limit = format === 'docx' ? MAX_DOCX_DRAFT_BYTES : MAX_TEXT_FILE_BYTES;
  const read = await readBoundedFile(file, limit);
  if (read.diagnostic) return { diagnostics: [asDraftProblem(read.diagnostic, file, limit)] };
  const ours = builtByPlanReport(format, read.bytes) ? { builtByPlanReport: true as const } : {};
  if (format === 'docx') {
    const { paragraphs, diagnostics } = readDocxDraft(file, read.bytes);
    return { ...(paragraphs ? { draft: { path: file, format, paragraphs } } : {}), diagnostics, ...ours };
  }
  const decoded = decodeNotes(read.bytes);
  const diagnostics = decoded.diagnostics.map((d) => asDraftProblem(d, file, limit));
  if (decoded.text === undefined) return { diagnostics, ...ours };
  if (decoded.text.trim() === '') return { diagnostics: [...diagnostics, error('empty-file', {}, { file, line: 1, column: 1 })], ...ours };
  const paragraphs = format === 'md' ? readMarkdownDraft(file, decoded.text) : readTextDraft(file, decoded.text);
  return { draft: { path: file, format, paragraphs }, diagnostics, ...ours };
}
