import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { warning } from '../diagnostics/diagnostic.js';
import { lintDraft } from '../lint/draft/index.js';
import { decodeNotes, MAX_TEXT_FILE_BYTES } from '../load/decode.js';
import type { DraftParagraph } from '../load/drafts/index.js';
import { readMarkdownDraft, readTextDraft } from '../load/drafts/text.js';
import { readBoundedFile } from '../load/source-file.js';
import { changeOf, NOTHING, problemKey, type FileOutcome } from './change.js';
import { applyEdits, type TextEdit } from '../lint/edits.js';
import { encodeLike } from './encoding.js';
import { replaceIfUnchanged } from './write.js';

type DraftEdit = TextEdit & { diagnostic: Diagnostic };

function before(a: Location, b: Location): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

/** The paragraph a finding is in: the one whose first and last characters enclose its place. */
function paragraphAt(paragraphs: readonly DraftParagraph[], at: Location): DraftParagraph | undefined {
  return paragraphs.find((p) => before(p.locate(0), at) && before(at, p.locate(p.text.length)));
}

/** A reported fix as an edit of the file's text, when its characters are typed there as one piece. */
function editOf(paragraphs: readonly DraftParagraph[], d: Diagnostic): DraftEdit | undefined {
  const range = paragraphAt(paragraphs, d.location!)?.sourceRange?.(d.fix!.offset, d.fix!.length);
  return range && { ...range, text: d.fix!.text, diagnostic: d };
}

/**
 * Applies the reported fixes to a .md or .txt draft in place: only at the characters they change,
 * so everything else (markup, spacing, line endings, the byte-order mark) stays as typed.
 */
export async function fixTextDraft(file: string, format: 'md' | 'txt', reported: ReadonlySet<string>): Promise<FileOutcome> {
  const read = await readBoundedFile(file, MAX_TEXT_FILE_BYTES);
  if (!read.bytes) return NOTHING;
  const decoded = decodeNotes(read.bytes);
  if (decoded.text === undefined) return NOTHING;
  const paragraphs = format === 'md' ? readMarkdownDraft(file, decoded.text) : readTextDraft(file, decoded.text);
  const fixable = lintDraft({ path: file, format, paragraphs }, {}).filter((d) => d.fix && reported.has(problemKey(d)));
  const edits = fixable.flatMap((d) => editOf(paragraphs, d) ?? []);
  if (edits.length === 0) return NOTHING;
  const { text, applied } = applyEdits(decoded.text, edits);
  const bytes = encodeLike(text, read.bytes, decoded.encoding);
  if (!bytes) return { ...NOTHING, diagnostics: [warning('fix-encoding-unsupported', { path: file, count: applied.length }, { file, line: 1, column: 1 })] };
  const failure = await replaceIfUnchanged(file, read.bytes, bytes);
  if (failure) return { ...NOTHING, diagnostics: [failure] };
  return { fixed: applied.map(({ diagnostic }) => changeOf(diagnostic, diagnostic.fix!.text)), proposed: [], written: { source: file, path: file, fixes: applied.length }, diagnostics: [] };
}
