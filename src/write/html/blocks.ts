/**
 * AST blocks to HTML elements, each starting a line of its own. The title is h1 and the four
 * heading levels h2 to h5, so the outline is the document's; how each looks is the style sheet's
 * business (./style.ts). Every text goes through escapeHtml.
 */
import {
  copyToText,
  headingText,
  inlineText,
  SIGNER_LABEL,
  type Block,
  type ColophonBlock,
  type Inline,
  type MastheadBlock,
  type SignatureBlock,
  type TableBlock,
  type TitleBlock,
} from '../../document/ast.js';
import { issuerSize } from '../docx/formal-layout.js';
import { typeAreaWidth, type DocxPreset } from '../docx/presets.js';
import { textWidthChars } from '../docx/signature.js';
import { escapeHtml } from './escape.js';

function inlineHtml(inline: Inline): string {
  switch (inline.type) {
    case 'heading':
      // A heading run into its paragraph keeps its level's font, as in the docx.
      return `<span class="level-${inline.level}">${escapeHtml(inlineText(inline))}</span>`;
    case 'item':
      return inline.bold
        ? `<strong>${escapeHtml(inline.marker + (inline.lead ?? ''))}</strong>${escapeHtml(inline.text)}`
        : escapeHtml(inlineText(inline));
    case 'text':
      return escapeHtml(inline.text);
  }
}

function row(cells: readonly string[], tag: 'th' | 'td'): string {
  const scope = tag === 'th' ? ' scope="col"' : '';
  return `<tr>${cells.map((cell) => `<${tag}${scope}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
}

/** The metrics table under its caption; the wrapper scrolls it sideways on a screen too narrow for
 * it, rather than the page. */
function tableHtml(block: TableBlock): string {
  return [
    '<div class="table"><table>',
    `<caption>${escapeHtml(block.caption)}</caption>`,
    `<thead>${row(block.header, 'th')}</thead>`,
    '<tbody>',
    ...block.rows.map((cells) => row(cells, 'td')),
    '</tbody>',
    '</table></div>',
  ].join('\n');
}

function signatureHtml(block: SignatureBlock): string {
  return `<div class="signature"><p>${escapeHtml(block.org)}</p><p class="date">${escapeHtml(block.date)}</p></div>`;
}

/** The 发文机关标志's size, the docx's (the largest that keeps it on one line), and its width in
 * characters, for the style sheet to shrink it on a phone. */
function issuerStyle(issuer: string, preset: DocxPreset): string {
  const size = issuerSize(issuer, typeAreaWidth(preset)) / preset.sizes.body;
  return `--issuer-size: ${Number(size.toFixed(4))}rem; --issuer-chars: ${Math.max(1, textWidthChars(issuer))}`;
}

/** 版头: the red 发文机关标志, then the 发文字号 line (empty without a number, as in the docx: it
 * carries the red line), centred, or set left with 签发人 right. */
function mastheadHtml(block: MastheadBlock, preset: DocxPreset): string {
  const number = escapeHtml(block.number ?? '');
  const numberLine =
    block.signer === undefined
      ? `<p class="number">${number}</p>`
      : `<p class="number signed"><span>${number}</span><span>${escapeHtml(SIGNER_LABEL)}<span class="signer">${escapeHtml(block.signer)}</span></span></p>`;
  return ['<header class="masthead">', `<p class="issuer" style="${issuerStyle(block.issuer, preset)}">${escapeHtml(block.issuer)}</p>`, numberLine, '</header>'].join('\n');
}

/** 版记: the 抄送 line (none without 抄送机关) and the 印发 line, between the rules of its borders. */
function colophonHtml(block: ColophonBlock): string {
  const copyTo = block.copyTo.length === 0 ? [] : [`<p class="copy-to">${escapeHtml(copyToText(block))}</p>`];
  const printed = `<p class="printed"><span>${escapeHtml(block.printer)}</span><span>${escapeHtml(block.printed)}</span></p>`;
  return ['<footer class="colophon">', ...copyTo, printed, '</footer>'].join('\n');
}

/**
 * The title, on the lines the title-lines transform chose (梯形 or 菱形) when it has them. Each line
 * is kept whole: a narrow screen shrinks the title to its longest line (--title-chars) rather than
 * wrap it again, which could break inside a word (委员 / 会).
 */
function titleHtml(block: TitleBlock): string {
  const lines = block.lines ?? [block.text];
  const chars = Math.max(1, ...lines.map((line) => textWidthChars(line)));
  return `<h1 style="--title-chars: ${chars}">${lines.map((line) => `<span class="line">${escapeHtml(line)}</span>`).join('')}</h1>`;
}

export function blockHtml(block: Block, preset: DocxPreset): string {
  switch (block.type) {
    case 'title':
      return titleHtml(block);
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(headingText(block))}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${block.content.map(inlineHtml).join('')}</p>`;
    case 'signature':
      return signatureHtml(block);
    case 'table':
      return tableHtml(block);
    case 'masthead':
      return mastheadHtml(block, preset);
    case 'colophon':
      return colophonHtml(block);
  }
}
