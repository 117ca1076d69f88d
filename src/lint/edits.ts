/** A fix is an edit of text: rules propose them (lint), `check --fix` applies them to files (fix). */
/** `text` in place of the characters from `start` to `end` (an insertion when they are equal). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Applied<E extends TextEdit> {
  text: string;
  /** The edits made, in the order of the text. */
  applied: E[];
  /** Edits that overlap one applied before them: left for the next run, or for a person. */
  overlapping: E[];
}

/** Two insertions at one place, or an edit reaching into another's characters, overlap. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * The edits applied to `text`, each at the offsets it was computed for. Of overlapping edits the
 * first given wins; the others are returned unapplied. Pure: it neither reads nor writes a file.
 */
export function applyEdits<E extends TextEdit>(text: string, edits: readonly E[]): Applied<E> {
  const applied: E[] = [];
  const overlapping: E[] = [];
  for (const edit of edits) (applied.some((other) => overlaps(edit, other)) ? overlapping : applied).push(edit);
  applied.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of applied) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { text: out + text.slice(at), applied, overlapping };
}
