/**
 * A docx as LibreOffice lays it out: converted to PDF headless and read back with poppler (pdfinfo,
 * pdftotext -layout for text, pdftotext -bbox for word positions in points, origin top left).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { findSoffice } from '../../src/write/soffice.js';

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The soffice the PDF writer would run (PLAN_REPORT_SOFFICE, PATH, the install folders). */
function sofficeProgram(): string | undefined {
  const lookup = findSoffice();
  return 'program' in lookup ? lookup.program : undefined;
}

/** Whether LibreOffice is here; a test file that needs it skips (with a message) when it is not. */
export function hasSoffice(testFile: string): boolean {
  const found = sofficeProgram() !== undefined;
  if (!found) console.warn(`${testFile} skipped: soffice (LibreOffice) was not found; CI installs libreoffice-writer-nogui.`);
  return found;
}

// Page geometry in points (twips / 20), from design §5.
export const PAGE = { width: 595.3, height: 841.9 };
export const TYPE_AREA = { top: 2098 / 20, bottom: 841.89 - 1984 / 20, left: 1587 / 20, right: 595.3 - 1474 / 20 };
export const BODY_CHAR = 16;
export const LINE_PITCH = 28;

export interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words per page from `pdftotext -bbox` (an XHTML file of <page> and <word> elements). */
export function parseBbox(html: string): Word[][] {
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' }),
      ),
    );
}

/** The text lines of a page's type area: words grouped by their top, in reading order. A line is
 * counted once however many words pdftotext splits it into (CJK runs, digits, punctuation). */
export function typeAreaLines(words: Word[]): Word[][] {
  const lines: Word[][] = [];
  const inTypeArea = words.filter((w) => w.yMax <= TYPE_AREA.bottom + 2).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  for (const word of inTypeArea) {
    const line = lines.at(-1);
    if (line && Math.abs((line[0]?.yMin ?? 0) - word.yMin) < LINE_PITCH / 2) line.push(word);
    else lines.push([word]);
  }
  return lines;
}

export const squash = (text: string): string => text.replace(/\s+/g, '');

/** A footer line "— N —" (pdftotext may drop the spaces around the number). */
export const PAGE_NUMBER_LINE = /^\s*—\s*\d+\s*—\s*$/;

/** Runs LibreOffice with a profile of its own under `workDir`, so parallel runs do not clash. */
export function soffice(args: string[], workDir: string): void {
  const profile = `-env:UserInstallation=file://${join(workDir, 'lo-profile')}`;
  execFileSync(sofficeProgram() ?? 'soffice', [profile, '--headless', ...args], { stdio: 'pipe', timeout: 150_000 });
}

export interface RenderedPdf {
  /** pdfinfo's output. */
  pageSize: string;
  /** pdftotext -layout, one string per page. */
  pagesText: string[];
  pagesWords: Word[][];
}

/** Converts a .docx to PDF in `workDir` and reads the PDF back. */
export function convertToPdf(docx: string, workDir: string): RenderedPdf {
  soffice(['--convert-to', 'pdf', '--outdir', workDir, docx], workDir);
  const pdf = join(workDir, basename(docx).replace(/\.docx$/, '.pdf'));
  return {
    pageSize: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
    pagesText: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1),
    pagesWords: parseBbox(execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })),
  };
}

/** Width and height in points, from pdfinfo's "Page size:" line. */
export function pageSizePoints(pdfinfo: string): [number, number] {
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfinfo) ?? [];
  return [Number(width), Number(height)];
}
