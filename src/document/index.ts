import type { Origin, ReportDocument } from './ast.js';
import { parseMarkup } from './markup.js';
import { numberBlocks } from './transforms/numbering.js';
import { punctuateBlocks } from './transforms/punctuation.js';

export interface DocumentInput {
  markup: string;
  origins: readonly Origin[];
  org: string;
  /** ISO date of 成文日期. */
  date: string;
}

/** Composed markup -> the one document AST, with numbering and punctuation applied once. */
export function toDocument(input: DocumentInput): ReportDocument {
  const blocks = punctuateBlocks(numberBlocks(parseMarkup(input.markup, input.origins)));
  const title = blocks.find((block) => block.type === 'title');
  // The org as signed (its {{ }} rendered) names the document's author too.
  const signature = blocks.find((block) => block.type === 'signature');
  return { meta: { title: title?.text ?? '', org: signature?.org || input.org, date: input.date }, blocks };
}
