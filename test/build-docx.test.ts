import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { runCli } from './helpers/cli.js';
import { attr, element, footerXml, readDocx, rezip, textOf, type DocxPackage } from './helpers/docx.js';
import { convertToPdf, hasSoffice, PAGE_NUMBER_LINE, pageSizePoints, squash, type RenderedPdf } from './helpers/pdf.js';
import { copyExample, EXAMPLE_DIR, tempDir } from './helpers/workspace.js';
import { markdownParagraphs } from './helpers/markdown.js';

const REPORT = path.join(EXAMPLE_DIR, '2023-h1.yaml');


describe('build: the example as docx', () => {
  let docx: DocxPackage;
  let bytes: Uint8Array;
  let markdown = '';

  // Built once for the read-only assertions below.
  beforeAll(async () => {
    const out = tempDir();
    const result = await build(REPORT, { outDir: out });
    expect(result.diagnostics).toEqual([]);
    bytes = readFileSync(path.join(out, '2023-h1.docx'));
    docx = readDocx(bytes);
    markdown = readFileSync(path.join(out, '2023-h1.md'), 'utf8');
  });

  it('has the same paragraphs as the Markdown, in the same order', () => {
    const paragraphs = docx.paragraphs().filter((p) => p !== '');
    expect(paragraphs).toEqual(markdownParagraphs(markdown));
    expect(paragraphs[0]).toBe('青溪街道人大工委2023年上半年工作总结');
    expect(paragraphs.at(-1)).toBe('2023年7月5日');
  });

  it('is laid out in the gbt9704 preset: A4, margins, 仿宋 三号 body at exact 28 pt, 黑体 level-1 headings', () => {
    const documentXml = docx.part('word/document.xml');
    const sectPr = element(documentXml, 'w:sectPr') ?? '';
    expect([attr(sectPr, 'w:pgSz', 'w:w'), attr(sectPr, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => attr(sectPr, 'w:pgMar', side))).toEqual(['2098', '1984', '1587', '1474']);
    expect(attr(sectPr, 'w:docGrid', 'w:linePitch')).toBe('560');
    const styles = docx.part('word/styles.xml');
    const defaults = element(styles, 'w:docDefaults') ?? '';
    expect(['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'].map((slot) => attr(defaults, 'w:rFonts', slot))).toEqual(['仿宋', '仿宋', '仿宋', '仿宋']);
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    const heading1 = styles.match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(attr(heading1, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    const bodyParagraph = (documentXml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).find((p) => textOf(p).startsWith('半年来'));
    expect(attr(bodyParagraph ?? '', 'w:spacing', 'w:line') ?? attr(defaults, 'w:spacing', 'w:line')).toBe('560');
    expect(attr(bodyParagraph ?? '', 'w:ind', 'w:firstLine') ?? attr(defaults, 'w:ind', 'w:firstLine')).toBe('640');
  });

  it('numbers odd pages right and even pages left, as — N —', () => {
    expect(docx.part('word/settings.xml')).toContain('<w:evenAndOddHeaders');
    const odd = footerXml(docx, 'default');
    const even = footerXml(docx, 'even');
    expect(attr(odd, 'w:jc', 'w:val')).toBe('right');
    expect(attr(even, 'w:jc', 'w:val')).toBe('left');
    for (const footer of [odd, even]) {
      expect(footer).toContain('PAGE');
      expect(textOf(footer).replace(/\s/g, '')).toBe('——');
    }
  });

  it('is byte-identical from build to build, in any time zone', () => {
    const outputs = ['UTC', 'Asia/Shanghai'].map((tz) => {
      const dir = copyExample();
      const run = runCli(['build', '2023-h1.yaml'], { cwd: dir, env: { TZ: tz } });
      expect(run.status).toBe(0);
      return ['2023-h1.docx', '2023-h1.md'].map((name) => readFileSync(path.join(dir, name)));
    });
    expect(Buffer.compare(outputs[0]![0]!, outputs[1]![0]!)).toBe(0);
    expect(Buffer.compare(outputs[0]![1]!, outputs[1]![1]!)).toBe(0);
    expect(Buffer.compare(outputs[0]![0]!, Buffer.from(bytes))).toBe(0);
  });

  it('refuses to overwrite a docx that was edited, and says so', () => {
    const out = copyExample();
    const target = path.join(out, '2023-h1.docx');
    const edited = readDocx(bytes);
    const documentXml = edited.part('word/document.xml').replace('半年来', '半年以来');
    // Re-zip with the edited document part, as Word would save it (the fingerprint now mismatches).
    writeFileSync(target, rezip(bytes, 'word/document.xml', documentXml));
    const before = readFileSync(target);
    const run = runCli(['build', '2023-h1.yaml'], { cwd: out });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2023-h1.docx 已被手工修改过，没有覆盖');
    expect(Buffer.compare(readFileSync(target), before)).toBe(0);
  });
});

describe.skipIf(!hasSoffice('build-docx.test.ts'))('build: the example docx rendered by LibreOffice', () => {
  let pdf: RenderedPdf;
  let paragraphs: string[] = [];

  beforeAll(async () => {
    const out = tempDir();
    await build(REPORT, { outDir: out });
    paragraphs = readDocx(readFileSync(path.join(out, '2023-h1.docx'))).paragraphs().filter(Boolean);
    pdf = convertToPdf(path.join(out, '2023-h1.docx'), out);
  });

  it('is A4, with — 1 — on page 1', () => {
    const [width, height] = pageSizePoints(pdf.pageSize);
    expect(Math.abs(width - 595)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - 842)).toBeLessThanOrEqual(1);
    const footer = pdf.pagesText[0]!.split('\n').filter((line) => PAGE_NUMBER_LINE.test(line));
    expect(footer.map(squash)).toEqual(['—1—']);
  });

  it('holds every paragraph of the report', () => {
    const body = squash(pdf.pagesText.map((page) => page.split('\n').filter((line) => !PAGE_NUMBER_LINE.test(line)).join('')).join(''));
    expect(paragraphs.length).toBeGreaterThan(8);
    for (const paragraph of paragraphs) expect(body).toContain(squash(paragraph));
  });
});
