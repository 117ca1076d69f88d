import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { docxFingerprintState, renderDocx } from '../../../src/write/docx/index.js';
import { readDocx } from '../../helpers/docx.js';
import { shortDocument } from './fixtures.js';

const FINGERPRINT = /name="plan-report-fingerprint"><vt:lpwstr>([0-9a-f]{64})<\/vt:lpwstr>/;

/** Re-zips a docx after changing one part, as an editor saving it would. */
function withPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const part = parts[name];
  if (!part) throw new Error(`no ${name}`);
  parts[name] = strToU8(edit(strFromU8(part)));
  return zipSync(parts);
}

describe('docx fingerprint', () => {
  it('stores the sha256 of word/document.xml in a registered custom property', async () => {
    const pkg = readDocx(await renderDocx(shortDocument()));
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(strToU8(pkg.part('word/document.xml'))).digest('hex');
    expect(FINGERPRINT.exec(pkg.part('docProps/custom.xml'))?.[1]).toBe(sha);
    expect(pkg.part('[Content_Types].xml')).toContain('PartName="/docProps/custom.xml"');
    expect(pkg.part('_rels/.rels')).toContain('Target="docProps/custom.xml"');
  });

  it('calls a fresh file unedited', async () => {
    expect(docxFingerprintState(await renderDocx(shortDocument()))).toBe('unedited');
  });

  it('calls a file edited when one byte of its text changed', async () => {
    const edited = withPart(await renderDocx(shortDocument()), 'word/document.xml', (xml) =>
      xml.replace('400张', '500张'),
    );
    expect(docxFingerprintState(edited)).toBe('edited');
  });

  it('calls a re-zipped but unchanged file unedited', async () => {
    const rezipped = withPart(await renderDocx(shortDocument()), 'word/styles.xml', (xml) => xml);
    expect(docxFingerprintState(rezipped)).toBe('unedited');
  });

  it('calls anything else foreign, without throwing', async () => {
    const noProperty = withPart(await renderDocx(shortDocument()), 'docProps/custom.xml', (xml) =>
      xml.replace(FINGERPRINT, ''),
    );
    expect(docxFingerprintState(noProperty)).toBe('foreign');
    expect(docxFingerprintState(zipSync({ 'notes.txt': strToU8('not a docx') }))).toBe('foreign');
    expect(docxFingerprintState(strToU8('garbage, not a zip at all'))).toBe('foreign');
    expect(docxFingerprintState(new Uint8Array(0))).toBe('foreign');
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(docxFingerprintState(random)).toBe('foreign');
  });
});
