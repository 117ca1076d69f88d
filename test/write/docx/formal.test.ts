/**
 * The 版头 and 版记 in the docx (GB/T 9704 §7.2, §7.4): the example with `formal:` added, read as
 * WordprocessingML, then as LibreOffice prints it: the text in reading order and, from the page
 * rendered to pixels, where the red mark, the red line and the rules of the 版记 stand.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/index.js';
import { renderDocx } from '../../../src/write/docx/index.js';
import { attr, element, elements, paragraphTexts, readDocx, textOf, type DocxPackage } from '../../helpers/docx.js';
import { convertToPdf, hasSoffice, squash, TYPE_AREA, type Word } from '../../helpers/pdf.js';
import { copyExample, editFile, tempDir } from '../../helpers/workspace.js';
import { longDocument } from './fixtures.js';

const FORMAL = [
  '  formal:',
  '    number: 某人大〔2023〕5号',
  '    signer: 张三',
  '    copy-to: [区人大常委会办公室, 区委办公室, 区政府办公室, 区政协办公室, 街道党工委办公室, 街道办事处各科室]',
  '    printer: 青溪街道人大工委办公室',
  '    printed: 2023-07-06',
].join('\n');

/** The example built to docx, with `formal:` (or without, for comparison). */
async function exampleDocx(formal: boolean): Promise<{ file: string; bytes: Uint8Array }> {
  const dir = copyExample();
  const report = path.join(dir, '2023-h1.yaml');
  if (formal) editFile(report, '  date: 2023-07-05\n', `  date: 2023-07-05\n${FORMAL}\n`);
  const out = path.join(dir, 'out');
  const result = await build(report, { formats: ['docx'], outDir: out });
  expect(result.diagnostics).toEqual([]);
  const file = path.join(out, '2023-h1.docx');
  return { file, bytes: readFileSync(file) };
}

const COPY_TO = '抄送：区人大常委会办公室，区委办公室，区政府办公室，区政协办公室，街道党工委办公室，街道办事处各科室。';

describe('formal: the docx XML', () => {
  let docx: DocxPackage;
  let body = '';
  beforeAll(async () => {
    docx = readDocx((await exampleDocx(true)).bytes);
    body = docx.part('word/document.xml');
  });

  it('opens with the 发文机关标志 in red 方正小标宋简体 初号, off the line grid, 35 mm down', () => {
    const issuer = elements(body, 'w:p')[0]!;
    expect(textOf(issuer)).toBe('青溪街道人大工委文件');
    expect(attr(issuer, 'w:color', 'w:val')).toBe('FF0000');
    expect(attr(issuer, 'w:sz', 'w:val')).toBe('84');
    expect(attr(issuer, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(issuer, 'w:jc', 'w:val')).toBe('center');
    expect(attr(issuer, 'w:snapToGrid', 'w:val')).toBe('0');
    // 35 mm (1984 twips) less the room above the glyphs on their 50.4 pt line.
    expect(attr(issuer, 'w:spacing', 'w:before')).toBe(String(1984 - Math.round(1008 - 840 * 0.83)));
  });

  it('sets the 发文字号 left and 签发人 right (the name in 楷体) two lines below, over a red line', () => {
    const paragraphs = elements(body, 'w:p');
    expect(paragraphTexts(body).slice(0, 7)).toEqual(['青溪街道人大工委文件', '', '', '某人大〔2023〕5号签发人：张三', '', '', '青溪街道人大工委2023年上半年工作总结']);
    const number = paragraphs[3]!;
    expect(elements(number, 'w:tab').length).toBeGreaterThanOrEqual(2);
    const stops = elements(element(number, 'w:tabs')!, 'w:tab').map((tab) => [attr(tab, 'w:tab', 'w:val'), attr(tab, 'w:tab', 'w:pos')]);
    // 1 character (16 pt) in from either side of the 8845-twip type area.
    expect(stops).toEqual([['left', '320'], ['right', String(8845 - 320)]]);
    const name = elements(number, 'w:r').find((run) => textOf(run) === '张三')!;
    expect(attr(name, 'w:rFonts', 'w:eastAsia')).toBe('楷体');
    const line = element(element(number, 'w:pBdr')!, 'w:bottom')!;
    expect([attr(line, 'w:bottom', 'w:val'), attr(line, 'w:bottom', 'w:color'), attr(line, 'w:bottom', 'w:sz')]).toEqual(['single', 'FF0000', '18']);
    expect(attr(number, 'w:ind', 'w:left') ?? '0').toBe('0');
  });

  it('ends with the 版记: a one-column table floated to the bottom of the type area, thick rules outside and a thin one between', () => {
    const tables = elements(body, 'w:tbl');
    const colophon = tables.at(-1)!;
    expect(elements(colophon, 'w:tr').map(textOf)).toEqual([COPY_TO, '青溪街道人大工委办公室2023年7月6日印发']);
    expect(attr(colophon, 'w:tblpPr', 'w:tblpYSpec')).toBe('bottom');
    expect(attr(colophon, 'w:tblpPr', 'w:vertAnchor')).toBe('margin');
    const borders = element(colophon, 'w:tblBorders')!;
    const rule = (side: string) => [attr(borders, `w:${side}`, 'w:val'), attr(borders, `w:${side}`, 'w:sz')];
    // 0.35 mm and 0.25 mm in eighths of a point.
    expect([rule('top'), rule('insideH'), rule('bottom'), rule('left'), rule('insideV')]).toEqual([['single', '8'], ['single', '6'], ['single', '8'], ['none', '0'], ['none', '0']]);
    // 抄送 in 四号, 1 character in, wrapped lines under the first name (1 + 3 characters in).
    const copyTo = elements(colophon, 'w:p')[0]!;
    expect([attr(copyTo, 'w:ind', 'w:left'), attr(copyTo, 'w:ind', 'w:hanging'), attr(copyTo, 'w:ind', 'w:right')]).toEqual(['1120', '840', '280']);
    expect(attr(copyTo, 'w:sz', 'w:val')).toBe('28');
    // The body comes after the table in document order, its signature before.
    expect(body.indexOf('2023年7月5日')).toBeLessThan(body.lastIndexOf('<w:tbl>'));
  });

  it('leaves a report without formal: as it was: nothing red, no floating table', async () => {
    const plain = readDocx((await exampleDocx(false)).bytes).part('word/document.xml');
    expect(plain).not.toContain('FF0000');
    expect(plain).not.toContain('w:tblpPr');
    expect(paragraphTexts(plain)[0]).toBe('青溪街道人大工委2023年上半年工作总结');
  });
});

/** Rows of pixels of one colour on a page rendered at RESOLUTION dpi, grouped into bands, in points. */
interface Band {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const RESOLUTION = 144;

type Ink = 'red' | 'dark';

function isInk(ink: Ink, r: number, g: number, b: number): boolean {
  return ink === 'red' ? r > 200 && g < 80 && b < 80 : r < 90 && g < 90 && b < 90;
}

/** Renders one page of a PDF to a binary PPM and finds the bands of `ink` in it. */
function inkBands(pdf: string, page: number, ink: Ink): Band[] {
  const ppm = execFileSync('pdftoppm', ['-r', String(RESOLUTION), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 * 1024 * 1024 });
  // P6\n<width> <height>\n255\n then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = ppm.subarray(header[0].length);
  const point = 72 / RESOLUTION;
  const bands: Band[] = [];
  for (let y = 0; y < height; y++) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (!isInk(ink, pixels[i]!, pixels[i + 1]!, pixels[i + 2]!)) continue;
      if (left < 0) left = x;
      right = x + 1;
    }
    if (left < 0) continue;
    const last = bands.at(-1);
    if (last && Math.abs(last.bottom - y * point) < 0.01) {
      Object.assign(last, { bottom: (y + 1) * point, left: Math.min(last.left, left * point), right: Math.max(last.right, right * point) });
    } else {
      bands.push({ top: y * point, bottom: (y + 1) * point, left: left * point, right: right * point });
    }
  }
  return bands;
}

const MM = 72 / 25.4;
/** A band spans the type area's width, within a pixel either side. */
const spansTypeArea = (band: Band) => Math.abs(band.left - TYPE_AREA.left) <= 1 && Math.abs(band.right - TYPE_AREA.right) <= 1;

function expectNear(actual: number | undefined, expected: number, tolerance: number, what: string): void {
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual?.toFixed(1)} vs ${expected.toFixed(1)}`).toBeLessThanOrEqual(tolerance);
}

/** Words' text, in the order given, without spaces. */
function pageText(words: Word[]): string {
  return squash(words.map((w) => w.text).join(''));
}

describe.skipIf(!hasSoffice('formal.test.ts'))('formal: the docx as LibreOffice prints it', () => {
  let pdf = '';
  let pagesWords: Word[][] = [];
  let pagesText: string[] = [];
  beforeAll(async () => {
    const { file } = await exampleDocx(true);
    const dir = path.dirname(file);
    ({ pagesWords, pagesText } = convertToPdf(file, dir));
    pdf = path.join(dir, '2023-h1.pdf');
  });

  it('reads 发文机关标志, 发文字号 and 签发人, then the title on page 1; the signature, 抄送 and 印发 last', () => {
    const first = pageText(pagesWords[0]!);
    const order = ['青溪街道人大工委文件', '某人大〔2023〕5号', '签发人：张三', '青溪街道人大工委2023年上半年工作总结'].map((text) => first.indexOf(text));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `page 1: ${first.slice(0, 80)}`).toBe(true);
    const last = squash(pagesText.at(-1)!);
    const end = ['青溪街道人大工委2023年7月5日', COPY_TO.slice(0, 20), '青溪街道人大工委办公室2023年7月6日印发'].map((text) => last.indexOf(text));
    expect(end.every((at, i) => at >= 0 && (i === 0 || at > end[i - 1]!)), `last page: ${last.slice(-160)}`).toBe(true);
  });

  it('puts the red mark\'s top 35 mm below the type area\'s, and the red line, as wide as the type area, 4 mm below the 发文字号', () => {
    const [mark, line, ...others] = inkBands(pdf, 1, 'red');
    expect(others).toEqual([]);
    expectNear(mark?.top, TYPE_AREA.top + 35 * MM, 1.5, 'mark top');
    expect(spansTypeArea(line!), JSON.stringify(line)).toBe(true);
    // The 发文字号 is the dark ink just above the red line.
    const number = inkBands(pdf, 1, 'dark').filter((band) => band.bottom <= line!.top).at(-1);
    expectNear(line!.top - number!.bottom, 4 * MM, 1, 'number to red line');
  });

  it('sets the 版记 at the foot of the last page: its last rule on the type area\'s bottom edge, 抄送 and the date 1 character in', () => {
    const page = pagesWords.length;
    const rules = inkBands(pdf, page, 'dark').filter(spansTypeArea);
    expect(rules).toHaveLength(3);
    expectNear(rules[2]!.bottom, TYPE_AREA.bottom, 1, 'last rule');
    const words = pagesWords.at(-1)!;
    const copyTo = words.find((w) => w.text.startsWith('抄送'))!;
    expectNear(copyTo.xMin, TYPE_AREA.left + 14, 1, '抄送 start');
    // The wrapped line starts under the first name, after 抄送：.
    const wrapped = words.filter((w) => w.yMin > copyTo.yMax && w.yMax < rules[1]!.top);
    expectNear(Math.min(...wrapped.map((w) => w.xMin)), TYPE_AREA.left + 14 * 4, 1, 'wrapped 抄送 line');
    expectNear(words.find((w) => w.text.endsWith('印发'))?.xMax, TYPE_AREA.right - 14, 1.5, '印发 end');
  });

  it('moves the 版记 to a page of its own rather than over a signature at the foot of a full page', async () => {
    // The long fixture with a 版头 ends its third page with the signature.
    const doc = longDocument();
    const signature = doc.blocks.pop()!;
    doc.blocks.unshift({ type: 'masthead', issuer: '青溪街道人大工委文件', number: '某人大〔2023〕5号' });
    doc.blocks.push(signature, { type: 'colophon', copyTo: ['区人大常委会办公室'], printer: '青溪街道人大工委办公室', printed: '2023年7月6日印发' });
    const dir = tempDir();
    const file = path.join(dir, 'full.docx');
    writeFileSync(file, await renderDocx(doc));
    const { pagesText: pages, pagesWords: words } = convertToPdf(file, dir);
    const signed = pages.findIndex((text) => squash(text).includes('2023年7月5日'));
    const colophon = pages.findIndex((text) => squash(text).includes('抄送：区人大常委会办公室。'));
    expect([signed, colophon]).toEqual([2, 3]);
    const rules = inkBands(path.join(dir, 'full.pdf'), colophon + 1, 'dark').filter(spansTypeArea);
    expect(rules).toHaveLength(3);
    // From its first rule to the type area's bottom, the page holds the 版记 and nothing else.
    const inColophon = words[colophon]!.filter((w) => w.yMax > rules[0]!.top && w.yMin < TYPE_AREA.bottom);
    expect(pageText(inColophon)).toBe('抄送：区人大常委会办公室。青溪街道人大工委办公室2023年7月6日印发');
  });
});
