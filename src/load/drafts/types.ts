import type { Location } from '../../diagnostics/diagnostic.js';
export type DraftFormat = 'md' | 'txt' | 'docx';
/** One paragraph as a reader sees it: a heading, the title, or body text. */
export interface DraftParagraph {
  text: string;                 // the paragraph's text, markup removed (md: no #, no **), one line
  role: 'title' | 'heading' | 'body';
  /** Where the character at `offset` of `text` is: line/column in md/txt; in docx line = paragraph number (1-based), column = offset + 1, sourceLine = a quoted snippet around it. */
  locate(offset: number): Location;
  /**
   * The range of the file's decoded text that `length` characters at `offset` of `text` were typed
   * as, for --fix: only when they are contiguous there and plain text (not inside `code`, not an
   * escaped character); an insertion needs its neighbours contiguous. Absent for a Word file.
   */
  sourceRange?(offset: number, length: number): { start: number; end: number } | undefined;
}
export interface Draft { path: string; format: DraftFormat; paragraphs: DraftParagraph[]; }
