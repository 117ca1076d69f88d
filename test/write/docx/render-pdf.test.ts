/**
 * The docx as LibreOffice lays it out: convert to PDF headless, read it back with poppler
 * (pdfinfo, pdftotext -layout for text, pdftotext -bbox for word positions in points, origin top
 * left) and check what a reader of the printed report would see.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyToText, headingText, paragraphText, type Block } from '../../../src/document/ast.js';
import { docxFingerprintState, renderDocx } from '../../../src/write/docx/index.js';
import {
  BODY_CHAR,
  convertToPdf,
  hasSoffice,
  LINE_PITCH,
  PAGE,
  PAGE_NUMBER_LINE,
  pageSizePoints,
  soffice,
  squash,
  TYPE_AREA,
  typeAreaLines,
  type Word,
} from '../../helpers/pdf.js';
import { DATE, ORG, longDocument } from './fixtures.js';

const withSoffice = hasSoffice('render-pdf.test.ts');

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'title':
      return [block.text];
    case 'heading':
      return [headingText(block)];
    case 'paragraph':
      return [paragraphText(block)];
    case 'signature':
      return [block.org, block.date];
    case 'table':
      return [block.caption, ...[block.header, ...block.rows].map((row) => row.join(''))];
    case 'masthead':
      return [block.issuer, block.number ?? '', block.signer ?? ''];
    case 'colophon':
      return [copyToText(block), block.printer, block.printed];
  }
}

/** Positions agree within 1.5 pt (half a millimetre): rounding in the layout, not a layout error. */
function expectNear(actual: number | undefined, expected: number, what: string): void {
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs ${expected.toFixed(1)}`).toBeLessThanOrEqual(1.5);
}

describe.skipIf(!withSoffice)('docx rendered by LibreOffice', () => {
  const doc = longDocument();
  let dir = '';
  let pageSize = '';
  let pagesText: string[] = [];
  let pagesWords: Word[][] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-report-docx-'));
    const docx = join(dir, 'report.docx');
    writeFileSync(docx, await renderDocx(doc));
    ({ pageSize, pagesText, pagesWords } = convertToPdf(docx, dir));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints on A4 over three pages', () => {
    const [width, height] = pageSizePoints(pageSize);
    expect(Math.abs(width - 595)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - 842)).toBeLessThanOrEqual(1);
    expect(pagesText).toHaveLength(3);
    expect(pagesWords).toHaveLength(3);
  });

  it('numbers the pages — 1 —, — 2 —, — 3 —', () => {
    // pdftotext drops the narrow spaces around the number, so compare without whitespace.
    pagesText.forEach((text, i) => {
      const footer = text.split('\n').filter((line) => PAGE_NUMBER_LINE.test(line));
      expect(footer.map(squash)).toEqual([`—${i + 1}—`]);
    });
  });

  it('puts odd page numbers right and even ones left, 1 character in, below the type area', () => {
    const dashes = (page: number): Word[] => (pagesWords[page] ?? []).filter((w) => w.text === '—');
    const [, oddEnd] = dashes(0);
    const [evenStart] = dashes(1);
    expectNear(oddEnd?.xMax, TYPE_AREA.right - BODY_CHAR, 'odd page number end');
    expectNear(evenStart?.xMin, TYPE_AREA.left + BODY_CHAR, 'even page number start');
    expect(oddEnd?.yMin).toBeGreaterThan(TYPE_AREA.bottom);
    expect(oddEnd?.yMax).toBeLessThan(PAGE.height - 20);
  });

  it('prints every paragraph in full', () => {
    const body = squash(
      pagesText
        .map((page) => page.split('\n').filter((line) => !PAGE_NUMBER_LINE.test(line)).join('\n'))
        .join('\n'),
    );
    for (const text of doc.blocks.flatMap(blockTexts)) expect(body).toContain(squash(text));
  });

  it('sets 22 lines on a full page, 28 pt apart', () => {
    // Lines are the distinct tops of the words inside the type area (the footer lies below it).
    // Page 2 is all body text; page 1 holds the title and its blank line, and may end a line early
    // where widow control moves two lines of a paragraph to the next page.
    const [first, second] = pagesWords.map(typeAreaLines);
    expect(second).toHaveLength(22);
    const tops = (second ?? []).map((line) => line[0]?.yMin ?? 0);
    tops.slice(1).forEach((top, i) => expectNear(top - (tops[i] ?? 0), LINE_PITCH, `line ${i + 2} − line ${i + 1}`));
    // Page 1: the title on grid line 1, the blank line on 2, body text from 3 on the same grid as page 2.
    const firstTops = (first ?? []).map((line) => line[0]?.yMin ?? 0);
    expectNear(firstTops[1], (tops[0] ?? 0) + 2 * LINE_PITCH, 'first body line of page 1');
    const gridLinesUsed = Math.round(((firstTops.at(-1) ?? 0) - (tops[0] ?? 0)) / LINE_PITCH) + 1;
    expect(gridLinesUsed).toBeGreaterThanOrEqual(21);
    expect(gridLinesUsed).toBeLessThanOrEqual(22);
  });

  it('centres the title in the type area', () => {
    const [titleLine] = typeAreaLines(pagesWords[0] ?? []);
    const start = titleLine?.[0]?.xMin ?? 0;
    const end = titleLine?.at(-1)?.xMax ?? 0;
    expectNear((start + end) / 2, (TYPE_AREA.left + TYPE_AREA.right) / 2, 'title centre');
  });

  it('signs 2 characters from the right, the date starting 2 characters right of the org', () => {
    const lines = typeAreaLines(pagesWords.at(-1) ?? []);
    const org = lines.find((line) => line.map((w) => w.text).join('') === ORG);
    const date = lines.find((line) => squash(line.map((w) => w.text).join('')) === DATE);
    expectNear(org?.at(-1)?.xMax, TYPE_AREA.right - 2 * BODY_CHAR, 'org end');
    expectNear((date?.[0]?.xMin ?? 0) - (org?.[0]?.xMin ?? 0), 2 * BODY_CHAR, 'date start − org start');
    expectNear((date?.[0]?.yMin ?? 0) - (org?.[0]?.yMin ?? 0), LINE_PITCH, 'date line − org line');
  });

  it('keeps the fingerprint property when LibreOffice saves the file, which then reads as edited', () => {
    const saved = join(dir, 'saved');
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', saved, join(dir, 'report.docx')], dir);
    expect(docxFingerprintState(readFileSync(join(dir, 'report.docx')))).toBe('unedited');
    expect(docxFingerprintState(readFileSync(join(saved, 'report.docx')))).toBe('edited');
  });
});
