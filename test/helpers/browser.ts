/**
 * Headless Chromium for the HTML writer's tests: the Debian package's binary driven by playwright-core,
 * never a downloaded browser. Playwright gives each launch a fresh temporary profile (it refuses a
 * --user-data-dir flag), removed on close.
 */
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Nothing but rendering: no network of its own, no updates, no first-run pages. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Chromium is here; a test file that needs it skips (with a message) when it is not. */
export function hasChromium(testFile: string): boolean {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    console.warn(`${testFile} skipped: ${CHROMIUM} is missing; CI installs the Debian package chromium (.ci/run).`);
    return false;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Width and height in pixels, from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
