import type { Location } from '../../diagnostics/diagnostic.js';
export type DraftFormat = 'md' | 'txt' | 'docx';
/** One paragraph as a reader sees it: a heading, the title, or body text. */
export interface DraftParagraph {
  text: string;                 // the paragraph's text, markup removed (md: no #, no **), one line
  role: 'title' | 'heading' | 'body';
  /** Where the character at `offset` of `text` is: line/column in md/txt; in docx line = paragraph number (1-based), column = offset + 1, sourceLine = a quoted snippet around it. */
  locate(offset: number): Location;
}
export interface Draft { path: string; format: DraftFormat; paragraphs: DraftParagraph[]; }
