/**
 * The HTML as a reader gets it: opened in headless Chromium on a desktop and on a phone, and
 * printed to PDF, then read back with poppler.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/document/ast.js';
import { build } from '../../src/index.js';
import { renderHtml } from '../../src/write/html.js';
import { hasChromium, launchChromium, pngSize } from '../helpers/browser.js';
import { PAGE_NUMBER_LINE, squash } from '../helpers/pdf.js';
import { REPO_ROOT, tempDir } from '../helpers/workspace.js';

const ANNUAL_SUMMARY = path.join(REPO_ROOT, 'examples', 'annual-summary', '2023.yaml');
const PHONE = { width: 390, height: 844 };
/** A4 in points, as pdfinfo prints it. */
const A4 = { width: 595.28, height: 841.89 };

/** Each chunk of a Markdown body as a reader sees it: headings, paragraphs and the signature as text,
 * a table as its cells. */
type Chunk = { text: string } | { cells: string[] };

const unescapeMarkdown = (text: string) => text.replace(/\\(.)/gs, '$1');

function markdownChunks(markdown: string): Chunk[] {
  const body = markdown.split('\n\n<!-- plan-report')[0]!;
  return body.split('\n\n').map((chunk): Chunk => {
    if (!chunk.startsWith('|')) return { text: squash(unescapeMarkdown(chunk.replace(/^#+\s+/, '').replace(/\*\*/g, ''))) };
    const rows = chunk.split('\n').filter((line) => !/^\|[\s:|-]+\|$/.test(line));
    return { cells: rows.flatMap((row) => row.slice(2, -2).split(' | ').map(unescapeMarkdown)) };
  });
}

const sortedChars = (text: string) => [...squash(text)].sort().join('');

/** The PDF's pages as pdftotext reads them, and the page number line found on each. */
function readPdf(pdf: string): { pages: string[]; pageNumbers: string[] } {
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const lines = pages.map((page) => page.split('\n'));
  return {
    pages: lines.map((page) => page.filter((line) => !PAGE_NUMBER_LINE.test(line)).join('\n')),
    pageNumbers: lines.map((page) => squash(page.find((line) => PAGE_NUMBER_LINE.test(line)) ?? '')),
  };
}

function pageSizes(pdf: string): number[][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe.skipIf(!hasChromium('test/write/html-browser.test.ts'))('the HTML in Chromium', () => {
  let browser: Browser;
  let out = '';
  let url = '';

  beforeAll(async () => {
    out = tempDir();
    const result = await build(ANNUAL_SUMMARY, { formats: ['html', 'md'], outDir: out });
    expect(result.diagnostics).toEqual([]);
    url = pathToFileURL(path.join(out, '2023.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('prints on A4 pages numbered — 1 —, — 2 — …, with every paragraph and table cell of the Markdown, in order', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const pdf = path.join(out, 'printed.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    await page.close();

    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    for (const [width, height] of sizes) {
      expect(width).toBeCloseTo(A4.width, 0);
      expect(height).toBeCloseTo(A4.height, 0);
    }
    const { pages, pageNumbers } = readPdf(pdf);
    expect(pageNumbers).toEqual(pages.map((_, i) => `—${i + 1}—`));

    // The printed text is the Markdown's, chunk after chunk with nothing between; a table's cells
    // are all there, in whatever order pdftotext reads a wrapped cell.
    const printed = squash(pages.join(''));
    const chunks = markdownChunks(readFileSync(path.join(out, '2023.md'), 'utf8'));
    let cursor = 0;
    chunks.forEach((chunk, i) => {
      if ('text' in chunk) {
        expect(printed.slice(cursor, cursor + chunk.text.length)).toBe(chunk.text);
        cursor += chunk.text.length;
        return;
      }
      const next = chunks[i + 1];
      const end = next && 'text' in next ? printed.indexOf(next.text, cursor) : printed.length;
      expect(sortedChars(printed.slice(cursor, end))).toBe(sortedChars(chunk.cells.join('')));
      cursor = end;
    });
    expect(cursor).toBe(printed.length);
  });

  it('fits a phone: no sideways scrolling of the page or the table, body text at least 16 px', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate('[document.querySelector(".table").scrollWidth, document.querySelector(".table").clientWidth]')).toSatisfy(
      (widths: number[]) => widths[0]! <= widths[1]!,
    );
    expect(parseFloat(String(await page.evaluate('getComputedStyle(document.querySelector("main p")).fontSize')))).toBeGreaterThanOrEqual(16);
    // A full-page screenshot is as wide as the content: anything sticking out would widen it.
    expect(pngSize(await page.screenshot({ fullPage: true })).width).toBe(PHONE.width);
    await context.close();
  });

  it('shows a page-like column of A4 width on a desktop', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(url);
    const box = await page.locator('main').boundingBox();
    // 210 mm at 96 px per inch, centred.
    expect(box?.width).toBeCloseTo((210 / 25.4) * 96, 0);
    expect(box!.x * 2 + box!.width).toBeCloseTo(1200, 0);
    await page.close();
  });

  it('runs nothing and shows hostile text as text', async () => {
    const HOSTILE = `<script>window.injected = 1</script></style><img src=x onerror="window.injected = 2">"'&amp;\u2028`;
    const doc: ReportDocument = {
      meta: { title: HOSTILE, org: HOSTILE, date: '2023-07-05' },
      blocks: [
        { type: 'title', text: HOSTILE },
        { type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] },
        { type: 'signature', org: HOSTILE, date: HOSTILE },
      ],
    };
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    await page.setContent(renderHtml(doc));
    expect(await page.evaluate('window.injected')).toBeUndefined();
    expect(await page.title()).toBe(HOSTILE);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    expect(await page.locator('main > p').first().textContent()).toBe(HOSTILE);
    expect(await page.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
