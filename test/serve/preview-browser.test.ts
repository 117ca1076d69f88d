import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/serve/preview.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { copyExample, editFile } from '../helpers/workspace.js';

describe.skipIf(!hasChromium('preview-browser.test.ts'))('preview in a browser', () => {
  let browser: Browser;
  let preview: Preview;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = copyExample();
    preview = await startPreview(path.join(dir, '2023-h1.yaml'), { describe: (diagnostics) => diagnostics.map((d) => d.code).join('\n') });
  });
  afterAll(async () => {
    await preview?.close();
    await browser?.close();
  });

  it('shows the report and reloads by itself after a notes file changes on disk, with no script of the notes running', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // The reload stream is open before the change is made.
    const streaming = page.waitForResponse((response) => response.url().endsWith('/events'));
    await page.goto(preview.url);
    await streaming;
    expect(await page.locator('body').innerText()).toContain('青溪街道人大工委2023年上半年工作总结');
    const reloaded = page.waitForEvent('load');
    editFile(path.join(dir, '2023-h1.yaml'), '半年来，', '半年来（预览中修改），');
    await reloaded;
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('半年来（预览中修改），');
    // The policy lets the reload script run and nothing else: no violation was reported.
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(dir, 'preview.png'), fullPage: false });
    await page.close();
  });

  it('prints the preview page as A4, like the HTML output', async () => {
    const page = await browser.newPage();
    await page.goto(preview.url);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(path.join(dir, 'preview.pdf'), pdf);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(Buffer.from(pdf).toString('latin1'));
    expect(Number(mediaBox?.[1])).toBeCloseTo(595.3, 0);
    expect(Number(mediaBox?.[2])).toBeCloseTo(841.9, 0);
    await page.close();
  });
});
