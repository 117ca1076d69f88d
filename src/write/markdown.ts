import { headingText, paragraphText, type Block, type ReportDocument } from '../document/ast.js';
import { sha256Hex, type FingerprintState } from './fingerprint.js';
import type { Writer } from './index.js';

/**
 * The review copy: Markdown that reads as the report does, for diffs in the notes repo. The last
 * line is an HTML comment (invisible when rendered) with the fingerprint of everything above it.
 * Editors change line endings and whitespace at line ends on save without the user meaning an edit,
 * so the fingerprint is of the text with those normalised, and the trailer may be followed by any
 * whitespace (a final newline stripped or added).
 */
const TRAILER = /\n<!-- plan-report sha256:([0-9a-f]{64}) -->\s*$/;

/** LF line ends, no spaces or tabs before them: what an editor's save may change, undone. */
function normalisedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '');
}

/** Characters that would start Markdown syntax at a line start or inside a line. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'title':
      return `# ${escapeMarkdown(block.text)}`;
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${escapeMarkdown(headingText(block))}`;
    case 'paragraph':
      return escapeMarkdown(paragraphText(block));
    case 'signature':
      // A hard line break keeps org and date on two lines, as the printed report has them.
      return `${escapeMarkdown(block.org)}\\\n${escapeMarkdown(block.date)}`;
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const body = `${doc.blocks.map(blockMarkdown).join('\n\n')}\n`;
  return `${body}\n<!-- plan-report sha256:${sha256Hex(normalisedText(body))} -->\n`;
}

export function markdownFingerprintState(bytes: Uint8Array): FingerprintState {
  const text = normalisedText(new TextDecoder().decode(bytes));
  const match = TRAILER.exec(text);
  if (!match) return 'foreign';
  // The document's lines are trimmed, so files of the previous version (hashed as written) match.
  return sha256Hex(text.slice(0, match.index)) === match[1] ? 'unedited' : 'edited';
}

export const markdownWriter: Writer = {
  render: async (doc) => new TextEncoder().encode(renderMarkdown(doc)),
  fingerprintState: markdownFingerprintState,
};
