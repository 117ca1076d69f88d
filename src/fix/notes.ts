import { isDeepStrictEqual } from 'node:util';
import { isScalar, parseDocument, visit } from 'yaml';
import { error, warning } from '../diagnostics/diagnostic.js';
import { proseFindings, type ProseFinding } from '../lint/notes-prose.js';
import { MAX_NOTES_FILE_BYTES } from '../load/decode.js';
import { parseSourceText, readBoundedFile } from '../load/source-file.js';
import { changeOf, NOTHING, problemKey, type FileOutcome } from './change.js';
import { applyEdits, type TextEdit } from '../lint/edits.js';
import { encodeLike } from './encoding.js';
import { replaceIfUnchanged } from './write.js';

type NotesEdit = TextEdit & { finding: ProseFinding };

/** The data of a YAML text, as the notes are read (duplicate keys were refused by check already). */
function dataOf(text: string, change?: (start: number, value: string) => string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  if (change) {
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && typeof node.value === 'string' && node.range) node.value = change(node.range[0], node.value);
      },
    });
  }
  return doc.toJS();
}

/**
 * The safety net: the fixed file read again holds the same data as the original with the fixed
 * strings changed, and nothing else (no key, no number, no other string, no structure).
 */
function changesOnlyTheFixedStrings(original: string, fixed: string, applied: readonly NotesEdit[]): boolean {
  const byScalar = new Map<number, NotesEdit[]>();
  for (const edit of applied) byScalar.set(edit.finding.scalar.start, [...(byScalar.get(edit.finding.scalar.start) ?? []), edit]);
  const expected = dataOf(original, (start, value) => {
    const edits = byScalar.get(start);
    if (!edits) return value;
    return applyEdits(value, edits.map(({ finding }) => ({ start: finding.valueFix!.offset, end: finding.valueFix!.offset + finding.valueFix!.length, text: finding.valueFix!.text }))).text;
  });
  const actual = dataOf(fixed);
  return expected !== undefined && isDeepStrictEqual(actual, expected);
}

/**
 * Applies the reported, exactly placed prose fixes to one notes file. The edits are made at the
 * characters in the file, so comments, quoting, folding, indentation and blank lines stay as they
 * were, byte for byte; the file keeps its encoding, byte-order mark and line endings.
 */
export async function fixNotesFile(file: string, reported: ReadonlySet<string>): Promise<FileOutcome> {
  const read = await readBoundedFile(file, MAX_NOTES_FILE_BYTES);
  if (!read.bytes) return NOTHING;
  const source = parseSourceText(file, read.bytes).file;
  if (!source || source.data === undefined) return NOTHING;
  const fixable = proseFindings(source).filter((finding) => finding.edit && reported.has(problemKey(finding.diagnostic)));
  if (fixable.length === 0) return NOTHING;
  const location = { file, line: 1, column: 1 };
  const { text, applied } = applyEdits<NotesEdit>(source.text, fixable.map((finding) => ({ ...finding.edit!, finding })));
  const bytes = encodeLike(text, read.bytes, source.encoding);
  if (!bytes) return { ...NOTHING, diagnostics: [warning('fix-encoding-unsupported', { path: file, count: applied.length }, location)] };
  if (!changesOnlyTheFixedStrings(source.text, text, applied)) return { ...NOTHING, diagnostics: [error('fix-unsafe', { path: file }, location)] };
  const failure = await replaceIfUnchanged(file, read.bytes, bytes);
  if (failure) return { ...NOTHING, diagnostics: [failure] };
  return {
    fixed: applied.map(({ finding }) => changeOf(finding.diagnostic, finding.valueFix!.text)),
    proposed: [],
    written: { source: file, path: file, fixes: applied.length },
    diagnostics: [],
  };
}
