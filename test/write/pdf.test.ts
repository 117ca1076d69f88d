import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { sha256Hex } from '../../src/write/fingerprint.js';
import { pdfFingerprintState, pinPdf } from '../../src/write/pdf.js';
import { convertDocxToPdf, findSoffice } from '../../src/write/soffice.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { hasSoffice, pageSizePoints, squash } from '../helpers/pdf.js';
import { copyExample, EXAMPLE_DIR, listFiles, tempDir } from '../helpers/workspace.js';

const REPORT = path.join(EXAMPLE_DIR, '2023-h1.yaml');
const REPORT_DATE = new Date('2023-07-05T00:00:00Z');
const DOCX_HASH = sha256Hex('a docx');

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/**
 * A PDF laid out as LibreOffice writes one (classic xref table, the Info dictionary's dates as
 * literals, /ID and /DocChecksum in the trailer), but with the Info object first, so that every
 * other object moves when it grows.
 */
function handMadePdf(creationDate: string): Uint8Array {
  const objects = [`<</Producer<FEFF0041>\n/CreationDate(${creationDate})>>`, '<</Type/Catalog/Pages 3 0 R>>', '<</Type/Pages/Kids[]/Count 0>>'];
  let pdf = '%PDF-1.6\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<</Size ${objects.length + 1}/Root 2 0 R\n/Info 1 0 R\n/ID [ <${'A'.repeat(32)}>\n<${'A'.repeat(32)}> ]\n/DocChecksum /${'B'.repeat(32)}\n>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The objects whose xref entry does not point at "N G obj", and "startxref" if it does not point at the table. */
function misplacedObjects(bytes: Uint8Array): string[] {
  const pdf = latin1(bytes);
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf)?.[1]);
  if (!pdf.startsWith('xref', start)) return ['startxref'];
  const table = pdf.slice(start, pdf.indexOf('trailer', start));
  const first = Number(/^xref\s+(\d+) \d+/.exec(table)?.[1]);
  return [...table.matchAll(/(\d{10}) (\d{5}) ([nf])/g)].flatMap(([, offset, generation, kind], i) =>
    kind === 'n' && !pdf.startsWith(`${first + i} ${Number(generation)} obj`, Number(offset)) ? [String(first + i)] : [],
  );
}

describe('pinPdf', () => {
  const pinned = pinPdf(handMadePdf("D:20261129155410+08'00'"), REPORT_DATE, DOCX_HASH);

  it('gives the same bytes whatever time and zone LibreOffice stamped, the objects still where the xref table says', () => {
    expect(Buffer.compare(pinPdf(handMadePdf("D:20261129075405Z'"), REPORT_DATE, DOCX_HASH), pinned)).toBe(0);
    expect(misplacedObjects(pinned)).toEqual([]);
  });

  it('dates the PDF at the pinned instant and derives /ID and /DocChecksum from the docx', () => {
    const text = latin1(pinned);
    const id = DOCX_HASH.slice(0, 32).toUpperCase();
    expect(text).toContain('/CreationDate(D:20230705000000Z)');
    expect(text).toContain(`/ID [ <${id}>\n<${id}> ]`);
    expect(text).toContain(`/DocChecksum /${id}`);
    expect(latin1(pinPdf(handMadePdf("D:20261129075405Z'"), new Date(1_700_000_000_000), DOCX_HASH))).toContain('/CreationDate(D:20231114221320Z)');
  });

  it('refuses a PDF laid out otherwise rather than write it unpinned', () => {
    const withPrev = latin1(handMadePdf("D:20261129075405Z'")).replace('/Size 4', '/Size 4/Prev 9');
    expect(() => pinPdf(Buffer.from(withPrev, 'latin1'), REPORT_DATE, DOCX_HASH)).toThrow('the PDF has an incremental update');
    expect(() => pinPdf(Buffer.from('%PDF-1.6\nstartxref\n9\n%%EOF\n', 'latin1'), REPORT_DATE, DOCX_HASH)).toThrow('the PDF has no classic xref table');
  });
});

describe('pdfFingerprintState', () => {
  const pinned = pinPdf(handMadePdf("D:20261129075405Z'"), REPORT_DATE, DOCX_HASH);

  it('knows a PDF it wrote, as it wrote it', () => {
    expect(pdfFingerprintState(pinned)).toBe('unedited');
  });

  it('sees an edit: an incremental update appended, or a byte changed anywhere', () => {
    expect(pdfFingerprintState(Buffer.concat([pinned, Buffer.from('1 0 obj\n<</Title(edited)>>\nendobj\n')]))).toBe('edited');
    const changed = Buffer.from(pinned);
    changed[changed.indexOf('/Count 0') + 7] = '1'.charCodeAt(0);
    expect(pdfFingerprintState(changed)).toBe('edited');
  });

  it('calls any other file foreign', () => {
    expect(pdfFingerprintState(handMadePdf("D:20261129075405Z'"))).toBe('foreign');
    expect(pdfFingerprintState(new TextEncoder().encode('not a pdf'))).toBe('foreign');
    expect(pdfFingerprintState(Buffer.from(latin1(pinned).replace(/PlanReportFingerprint\(v1:[0-9a-f]{8}/, 'PlanReportFingerprint(v1:zzzzzzzz'), 'latin1'))).toBe('foreign');
  });
});

describe.skipIf(!hasSoffice('pdf.test.ts'))('build --format pdf through LibreOffice', () => {
  let out = '';
  let pdf: Buffer;
  let docx: Buffer;

  beforeAll(async () => {
    out = tempDir();
    const result = await build(REPORT, { formats: ['docx', 'pdf'], outDir: out });
    expect(result.diagnostics).toEqual([]);
    expect(result.outputs.map((output) => [path.basename(output.path), output.status])).toEqual([
      ['2023-h1.docx', 'written'],
      ['2023-h1.pdf', 'written'],
    ]);
    pdf = readFileSync(path.join(out, '2023-h1.pdf'));
    docx = readFileSync(path.join(out, '2023-h1.docx'));
  });

  it('is the docx as LibreOffice lays it out: A4 pages with the text of the report', async () => {
    const pagesOf = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const file = path.join(out, '2023-h1.pdf');
    const [width, height] = pageSizePoints(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const soffice = findSoffice();
    const converted = 'program' in soffice ? await convertDocxToPdf(soffice.program, docx) : undefined;
    if (!converted || !('pdf' in converted)) throw new Error('LibreOffice did not convert the docx');
    const plain = path.join(tempDir(), 'plain.pdf');
    writeFileSync(plain, converted.pdf);
    const pages = pagesOf(file);
    expect(pages).toEqual(pagesOf(plain));
    // pdftotext puts spaces between Chinese and digits.
    expect(squash(pages[0]!)).toContain('青溪街道人大工委2023年上半年工作总结');
    expect(squash(pages.at(-1)!)).toContain('2023年7月5日');
    // LibreOffice's own PDF of the same docx is not one plan-report wrote.
    expect(pdfFingerprintState(converted.pdf)).toBe('foreign');
  });

  it('is dated at the report date, with an /ID from the docx, and pdfinfo reads it', () => {
    const info = execFileSync('pdfinfo', ['-isodates', path.join(out, '2023-h1.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^CreationDate:\s+2023-07-05T00:00:00Z$/m);
    expect(info).not.toMatch(/^ModDate:(?!\s+2023-07-05T00:00:00Z$)/m);
    const id = sha256Hex(docx).slice(0, 32).toUpperCase();
    expect(latin1(pdf)).toContain(`/ID [ <${id}>\n<${id}> ]`);
    // The report's language, whatever the locale of the machine that built it.
    expect(latin1(pdf)).toContain('/Lang(zh-CN)');
    expect(misplacedObjects(pdf)).toEqual([]);
    expect(pdfFingerprintState(pdf)).toBe('unedited');
  });

  it('has the same bytes in any time zone and locale; a rebuild leaves it unchanged; an edited PDF is not overwritten', () => {
    const notes = copyExample();
    const args = ['build', '2023-h1.yaml', '--format', 'docx,pdf', '--out', 'dist'];
    const target = path.join('dist', '2023-h1.pdf');
    const shanghai = runCli(args, { cwd: notes, env: { TZ: 'Asia/Shanghai' } });
    expect(shanghai.status).toBe(0);
    expect(Buffer.compare(readFileSync(path.join(notes, target)), pdf)).toBe(0);

    const newYork = runCli(args, { cwd: notes, env: { TZ: 'America/New_York', LC_ALL: 'en_US.UTF-8' } });
    expect(newYork.status).toBe(0);
    expect(newYork.stdout).toContain(`unchanged ${target}`);

    appendFileSync(path.join(notes, target), '% annotated in a PDF editor\n');
    const edited = readFileSync(path.join(notes, target));
    const refused = runCli(args, { cwd: notes });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${target} 已被手工修改过，没有覆盖`);
    expect(Buffer.compare(readFileSync(path.join(notes, target)), edited)).toBe(0);
  });
});

describe('build --format pdf without LibreOffice', () => {
  /** A copy of the example and a PATH and PLAN_REPORT_SOFFICE under which no soffice can be found. */
  function machineWithoutSoffice() {
    const dir = copyExample();
    const missing = path.join(tempDir(), 'soffice');
    return { dir, missing, env: { PATH: tempDir(), PLAN_REPORT_SOFFICE: missing } };
  }

  it('says how to install LibreOffice, exits 1, and still writes the docx and the Markdown', () => {
    const { dir, missing, env } = machineWithoutSoffice();
    const run = runCli(['build', '2023-h1.yaml', '--format', 'docx,md,pdf', '--out', 'dist'], { cwd: dir, env });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`没有找到 LibreOffice（soffice），无法生成 PDF；查找过：PLAN_REPORT_SOFFICE=${missing} [pdf-no-soffice]`);
    expect(run.stderr).toContain('Windows 和 macOS 从 https://www.libreoffice.org/download/ 下载安装，Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stdout).toContain(`已写入 ${path.join('dist', '2023-h1.docx')}`);
    expect(listFiles(path.join(dir, 'dist'))).toEqual(['2023-h1.docx', '2023-h1.md']);
  });

  it('says it in English, once for a batch, and writes nothing when pdf is the only format', () => {
    const { dir, missing, env } = machineWithoutSoffice();
    copyFileSync(path.join(dir, '2023-h1.yaml'), path.join(dir, '2023-h1-copy.yaml'));
    const run = runCli(['build', '2023-h1.yaml', '2023-h1-copy.yaml', '--format', 'pdf', '--out', 'dist', '--lang', 'en'], { cwd: dir, env });
    expect(run.status).toBe(1);
    expect(run.stderr.split('[pdf-no-soffice]')).toHaveLength(2);
    expect(run.stderr).toContain(`LibreOffice (soffice) was not found, so no PDF was made; looked in: PLAN_REPORT_SOFFICE=${missing}`);
    expect(run.stderr).toContain('set PLAN_REPORT_SOFFICE to its soffice program');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('build --format pdf when LibreOffice fails', () => {
  it('names the PDF and gives soffice\'s error, exits 1, and still writes the docx', () => {
    const dir = copyExample();
    const bin = tempDir();
    const fake = path.join(bin, 'soffice');
    writeFileSync(fake, "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n");
    chmodSync(fake, 0o755);
    const run = runCli(['build', '2023-h1.yaml', '--format', 'docx,pdf', '--out', 'dist'], { cwd: dir, env: { PLAN_REPORT_SOFFICE: fake } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`LibreOffice 未能生成 ${path.join('dist', '2023-h1.pdf')}：Error: source file could not be loaded (exit code 1) [pdf-convert-failed]`);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(listFiles(path.join(dir, 'dist'))).toEqual(['2023-h1.docx']);
  });
});
