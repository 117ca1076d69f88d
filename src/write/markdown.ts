import {
  copyToText,
  headingText,
  inlineText,
  paragraphText,
  SIGNER_LABEL,
  type Block,
  type ColophonBlock,
  type Inline,
  type MastheadBlock,
  type ParagraphBlock,
  type ReportDocument,
  type TableBlock,
} from '../document/ast.js';
import { commentFingerprintState, withCommentFingerprint, type FingerprintState } from './fingerprint.js';
import type { Writer } from './index.js';

/*
 * The review copy: Markdown that reads as the report does, for diffs in the notes repo. The last
 * line is an HTML comment (invisible when rendered) with the fingerprint of everything above it
 * (see withCommentFingerprint).
 */

/** Characters that would start Markdown syntax inside a line. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** Characters that would start Markdown syntax at a line start (a heading, a list). */
function escapeLineStart(text: string): string {
  return text.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Characters that would start Markdown syntax at a line start or inside a line. */
function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** What a paragraph prints in bold: a run-in heading, and a point's marker and lead when bold. */
function boldPart(inline: Inline): string | undefined {
  if (inline.type === 'heading') return inlineText(inline);
  if (inline.type === 'item' && inline.bold) return inline.marker + (inline.lead ?? '');
  return undefined;
}

/** The marks that end a lead (endSentence); 95% or “三会” keep theirs inside the bold. */
const TRAILING_PUNCTUATION = /[。，；：！？、]+$/u;

/**
 * Bold in CommonMark: a closing ** right after a mark (。) and before a Chinese character does
 * not close, so the marks that end the bold text are printed just after it: **一是制定计划**。
 */
function strong(text: string): string {
  const core = text.replace(TRAILING_PUNCTUATION, '');
  return core === '' ? escapeInline(text) : `**${escapeInline(core)}**${escapeInline(text.slice(core.length))}`;
}

/** A paragraph with a run-in heading or bold leads; one without prints exactly as before. */
function paragraphMarkdown(block: ParagraphBlock): string {
  if (!block.content.some((inline) => boldPart(inline) !== undefined)) return escapeMarkdown(paragraphText(block));
  const line = block.content
    .map((inline) => {
      const bold = boldPart(inline);
      if (bold === undefined) return escapeInline(inlineText(inline));
      return strong(bold) + escapeInline(inline.type === 'item' ? inline.text : '');
    })
    .join('');
  return escapeLineStart(line);
}

/**
 * A table as a pipe table under its caption. The first two columns (名称, 单位) are text, the rest
 * figures, set right as figures are; `|` in a cell is escaped like any syntax character.
 */
function tableMarkdown(block: TableBlock): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeInline).join(' | ')} |`;
  const rule = `|${block.header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [escapeMarkdown(block.caption), '', row(block.header), rule, ...block.rows.map(row)].join('\n');
}

/** Two ideographic spaces part what the printed page sets at the two ends of one line. */
const ENDS_APART = '\u3000\u3000';

/** A thematic break; a blank line before it, else the line above would become a heading. */
const RULE = '---';

/** 版头: the 发文机关标志 in bold, the 发文字号 (and 签发人) line, the separator line as a rule. */
function mastheadMarkdown(block: MastheadBlock): string {
  const numberLine = [block.number, block.signer === undefined ? undefined : SIGNER_LABEL + block.signer].filter((part) => part !== undefined).map(escapeInline).join(ENDS_APART);
  return [strong(block.issuer), ...(numberLine === '' ? [] : [escapeLineStart(numberLine)]), RULE].join('\n\n');
}

/** 版记: the 抄送 line and the 印发 line between rules. */
function colophonMarkdown(block: ColophonBlock): string {
  const printed = escapeLineStart(escapeInline(block.printer) + ENDS_APART + escapeInline(block.printed));
  return [RULE, ...(block.copyTo.length === 0 ? [] : [escapeMarkdown(copyToText(block))]), printed, RULE].join('\n\n');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'title':
      return `# ${escapeMarkdown(block.text)}`;
    case 'heading':
      // After the #s nothing can open a list: 1.组织开展…… needs no escape there.
      return `${'#'.repeat(block.level + 1)} ${escapeInline(headingText(block))}`;
    case 'paragraph':
      return paragraphMarkdown(block);
    case 'signature':
      // A hard line break keeps org and date on two lines, as the printed report has them.
      return `${escapeMarkdown(block.org)}\\\n${escapeMarkdown(block.date)}`;
    case 'table':
      return tableMarkdown(block);
    case 'masthead':
      return mastheadMarkdown(block);
    case 'colophon':
      return colophonMarkdown(block);
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const body = `${doc.blocks.map(blockMarkdown).join('\n\n')}\n`;
  return withCommentFingerprint(body);
}

export function markdownFingerprintState(bytes: Uint8Array): FingerprintState {
  return commentFingerprintState(bytes);
}

export const markdownWriter: Writer = {
  render: async (doc) => new TextEncoder().encode(renderMarkdown(doc)),
  fingerprintState: markdownFingerprintState,
};
