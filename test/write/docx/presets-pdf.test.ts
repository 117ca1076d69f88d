/**
 * The long title and the plain preset as LibreOffice lays them out: the example with a long title
 * (examples/long-title) and the jiedao example in the plain preset, converted to PDF and read back
 * with poppler, as a reader of the printout would see them.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/index.js';
import { convertToPdf, hasSoffice, PAGE, pageSizePoints, squash, TYPE_AREA, type RenderedPdf, type Word } from '../../helpers/pdf.js';
import { EXAMPLE_DIR, REPO_ROOT, tempDir } from '../../helpers/workspace.js';

const withSoffice = hasSoffice('presets-pdf.test.ts');

/** Builds a report's docx into a fresh folder and renders it. */
async function renderedExample(report: string, preset?: string): Promise<RenderedPdf> {
  const out = tempDir();
  const result = await build(report, { formats: ['docx'], outDir: out, ...(preset ? { preset } : {}) });
  expect(result.diagnostics).toEqual([]);
  return convertToPdf(path.join(out, path.basename(report).replace(/\.yaml$/, '.docx')), out);
}

/** Words grouped into lines by their top, in reading order. */
function linesOf(words: readonly Word[]): Word[][] {
  const lines: Word[][] = [];
  for (const word of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.yMin - word.yMin) < 4) line.push(word);
    else lines.push([word]);
  }
  return lines;
}

const centre = (line: readonly Word[]) => (line[0]!.xMin + line.at(-1)!.xMax) / 2;

/** Positions agree within 1.5 pt (half a millimetre): rounding in the layout, not a layout error. */
function expectNear(actual: number | undefined, expected: number, what: string): void {
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs ${expected.toFixed(1)}`).toBeLessThanOrEqual(1.5);
}

describe.skipIf(!withSoffice)('a long title, as LibreOffice prints it', () => {
  let pdf: RenderedPdf;

  beforeAll(async () => {
    pdf = await renderedExample(path.join(REPO_ROOT, 'examples', 'long-title', '2023-h1.yaml'));
  });

  it('breaks only between words, into the 菱形 the transform chose', () => {
    // pdftotext -layout gives each printed line; LibreOffice sets a space around 2023, squashed here.
    const printed = pdf.pagesText[0]!.split('\n').map(squash).filter(Boolean);
    expect(printed.slice(0, 4)).toEqual([
      '青溪街道人大工委',
      '关于2023年上半年开展“双联双述双接待”',
      '活动和代表之家建设情况的报告',
      '半年来，街道人大工委紧紧围绕街道中心工作，积极开展',
    ]);
  });

  it('centres each line of the title in the type area, 28 pt apart', () => {
    const title = linesOf(pdf.pagesWords[0]!).slice(0, 3);
    for (const line of title) expectNear(centre(line), (TYPE_AREA.left + TYPE_AREA.right) / 2, `centre of ${line.map((w) => w.text).join('')}`);
    expectNear(title[1]![0]!.yMin - title[0]![0]!.yMin, 28, 'line 2 − line 1');
    expectNear(title[2]![0]!.yMin - title[1]![0]!.yMin, 28, 'line 3 − line 2');
  });
});

describe.skipIf(!withSoffice)('the plain preset, as LibreOffice prints it', () => {
  /** Ordinary margins: 3.17 cm left and right, 2.54 cm top and bottom, in points. */
  const MARGIN = { side: (1797 / 20), topBottom: 72 };
  let pdf: RenderedPdf;

  beforeAll(async () => {
    pdf = await renderedExample(path.join(EXAMPLE_DIR, '2023-h1.yaml'), 'plain');
  });

  it('is A4, the text between the ordinary margins', () => {
    const [width, height] = pageSizePoints(pdf.pageSize);
    expect(Math.abs(width - PAGE.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - PAGE.height)).toBeLessThanOrEqual(1);
    const body = pdf.pagesWords[0]!.filter((w) => w.yMax < PAGE.height - MARGIN.topBottom);
    expectNear(Math.min(...body.map((w) => w.xMin)), MARGIN.side, 'left edge of the text');
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(PAGE.width - MARGIN.side + 1.5);
    expect(Math.min(...body.map((w) => w.yMin))).toBeGreaterThanOrEqual(MARGIN.topBottom - 1.5);
  });

  it('sets the body at 1.5 lines of 小四: lines more than 18 pt apart, evenly', () => {
    const lines = linesOf(pdf.pagesWords[1]!.filter((w) => w.yMax < PAGE.height - MARGIN.topBottom));
    const gaps = lines.slice(1).map((line, i) => line[0]!.yMin - lines[i]![0]!.yMin);
    expect(lines.length).toBeGreaterThan(20);
    expect(Math.min(...gaps)).toBeGreaterThan(18);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('numbers every page with the number alone, centred below the text', () => {
    pdf.pagesWords.forEach((words, i) => {
      const footer = words.filter((w) => w.yMin > PAGE.height - MARGIN.topBottom);
      expect(footer.map((w) => w.text)).toEqual([String(i + 1)]);
      expectNear(centre(footer), PAGE.width / 2, `page ${i + 1} number centre`);
    });
    expect(pdf.pagesWords.length).toBeGreaterThanOrEqual(2);
  });
});
