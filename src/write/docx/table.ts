/**
 * The metrics table (主要指标完成情况表) in docx, as design.md §5 sets it: a centred 黑体 caption,
 * 黑体 header, 仿宋 body in 四号 (the preset's table size), explicit column widths (WPS mis-sizes a table without them) and
 * the body's first-line indent reset in every cell, where it would push the text off its column.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { TableBlock } from '../../document/ast.js';
import { TYPE_AREA_WIDTH } from './constants.js';
import { fontName, typeAreaWidth, type DocxPreset } from './presets.js';
import { fontSlots } from './styles.js';
import { ptToTwip } from './units.js';

/** A cell line: exactly 20 pt, so that a row of 四号 is no taller than its text. */
const CELL_SPACING = { line: ptToTwip(20), lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** The name column takes three shares of the width, the unit one, each figure one and a half. */
function columnWeight(index: number): number {
  return index === 0 ? 3 : index === 1 ? 1 : 1.5;
}

/** Widths in twips that add up to the type area exactly (the last column takes the rounding). */
export function columnWidths(columns: number, total = TYPE_AREA_WIDTH): number[] {
  const weights = Array.from({ length: columns }, (_, i) => columnWeight(i));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.floor((total * weight) / sum));
  widths[columns - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellParagraph(text: string, font: string, size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({
    alignment,
    indent: { firstLine: 0 },
    spacing: CELL_SPACING,
    children: [new TextRun({ text, font: fontSlots(font), size })],
  });
}

function row(cells: readonly string[], widths: readonly number[], font: string, size: number, header: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: cells.map(
      (text, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          // Names read from the left; units and figures are centred under their header.
          children: [cellParagraph(text, font, size, header || i > 0 ? AlignmentType.CENTER : AlignmentType.LEFT)],
        }),
    ),
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

export function tableBlocks(block: TableBlock, preset: DocxPreset): (Paragraph | Table)[] {
  const width = typeAreaWidth(preset);
  const widths = columnWidths(block.header.length, width);
  const heiti = fontName(preset, 'heading1');
  const body = fontName(preset, 'body');
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    keepNext: true,
    children: [new TextRun({ text: block.caption, font: fontSlots(heiti) })],
  });
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [row(block.header, widths, heiti, preset.sizes.table, true), ...block.rows.map((cells) => row(cells, widths, body, preset.sizes.table, false))],
  });
  return [caption, table];
}
