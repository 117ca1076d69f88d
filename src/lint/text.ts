import { warning, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { inlineText, type Origin, type ReportDocument } from '../document/ast.js';
import { locationAt, type SourceFile } from '../load/source-file.js';
import { countsWithoutNumber } from './draft/counts.js';
import { placeholdersIn } from './draft/placeholders.js';

/**
 * Rules over the composed report text, the seeds' defects: placeholders left in (××, __), counts
 * without their number (发放宣传资料多份), copied paragraphs. Each finding points at the YAML line
 * the text came from (the AST keeps it), so the secretary edits the notes, not the output.
 */
interface TextPiece {
  text: string;
  origin?: Origin;
}

function pieces(doc: ReportDocument): TextPiece[] {
  return doc.blocks.flatMap((block): TextPiece[] => {
    switch (block.type) {
      case 'title':
      case 'heading':
        return [{ text: block.text, ...(block.origin ? { origin: block.origin } : {}) }];
      case 'paragraph':
        return block.content.map((inline) => {
          const origin = (inline.type === 'item' ? inline.origin : undefined) ?? block.origin;
          return { text: inlineText(inline), ...(origin ? { origin } : {}) };
        });
      default:
        return [];
    }
  });
}

/** Where a piece of text was written: found again near its origin, else the origin itself. */
function locateInNotes(files: ReadonlyMap<string, SourceFile>, origin: Origin | undefined, needle: string): Location | undefined {
  if (!origin) return undefined;
  const file = files.get(origin.file);
  if (!file) return { file: origin.file, line: origin.line, column: origin.column };
  const start = file.lines.lineStarts[origin.line - 1] ?? 0;
  const offset = file.text.indexOf(needle, start);
  return locationAt(file, offset >= 0 ? offset : start + origin.column - 1);
}

function matchesRule(code: 'placeholder' | 'missing-number', find: (text: string) => readonly { text: string }[]) {
  return (doc: ReportDocument, files: ReadonlyMap<string, SourceFile>): Diagnostic[] =>
    pieces(doc).flatMap((piece) => find(piece.text).map((match) => warning(code, { text: match.text }, locateInNotes(files, piece.origin, match.text))));
}

/** Long identical passages: the seeds copied whole sections from one report into another. */
function duplicateText(doc: ReportDocument, files: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const MIN_LENGTH = 30;
  const seen = new Map<string, TextPiece>();
  const found: Diagnostic[] = [];
  for (const piece of pieces(doc)) {
    const key = piece.text.replace(/^[一二三四五六七八九十]+是|^第[一二三四五六七八九十]+，/, '');
    if (key.length < MIN_LENGTH) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, piece);
      continue;
    }
    const at = locateInNotes(files, first.origin, key.slice(0, 10));
    found.push(warning('duplicate-text', { first: at ? `${at.file}:${at.line}` : '—' }, locateInNotes(files, piece.origin, key.slice(0, 10))));
  }
  return found;
}

// The placeholder and count rules are the drafts' own, so notes and drafts agree on what they are.
const RULES = [matchesRule('placeholder', placeholdersIn), matchesRule('missing-number', countsWithoutNumber), duplicateText];

export function lintText(doc: ReportDocument, files: readonly SourceFile[]): Diagnostic[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return RULES.flatMap((rule) => rule(doc, byPath));
}
