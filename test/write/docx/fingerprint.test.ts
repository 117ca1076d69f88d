import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { packageFingerprint } from '../../../src/write/docx/fingerprint.js';
import { docxFingerprintState, renderDocx } from '../../../src/write/docx/index.js';
import { readDocx } from '../../helpers/docx.js';
import { shortDocument } from './fixtures.js';

const FINGERPRINT = /name="plan-report-fingerprint"><vt:lpwstr>([^<]*)<\/vt:lpwstr>/;

/** Re-zips a docx after changing one part, as an editor saving it would. */
function withPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const part = parts[name];
  if (!part) throw new Error(`no ${name}`);
  parts[name] = strToU8(edit(strFromU8(part)));
  return zipSync(parts);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('docx fingerprint', () => {
  it('stores a v2 fingerprint of every part but its own in a registered custom property', async () => {
    const bytes = await renderDocx(shortDocument());
    const pkg = readDocx(bytes);
    const parts = unzipSync(bytes);
    delete parts['docProps/custom.xml'];
    expect(FINGERPRINT.exec(pkg.part('docProps/custom.xml'))?.[1]).toBe(packageFingerprint(parts));
    expect(packageFingerprint(parts)).toMatch(/^v2:[0-9a-f]{64}$/);
    expect(pkg.part('[Content_Types].xml')).toContain('PartName="/docProps/custom.xml"');
    expect(pkg.part('_rels/.rels')).toContain('Target="docProps/custom.xml"');
  });

  // Word saves a footer or a style change into its own part; the body is untouched.
  it.each(['word/footer1.xml', 'word/styles.xml', 'docProps/core.xml', '[Content_Types].xml'])('calls a file edited when only %s changed', async (part) => {
    const edited = withPart(await renderDocx(shortDocument()), part, (xml) => `${xml} `);
    expect(docxFingerprintState(edited)).toBe('edited');
  });

  it('calls a file edited when a part was added or removed', async () => {
    const parts = unzipSync(await renderDocx(shortDocument()));
    expect(docxFingerprintState(zipSync({ ...parts, 'word/media/image1.png': new Uint8Array([1, 2, 3]) }))).toBe('edited');
    delete parts['word/footer1.xml'];
    expect(docxFingerprintState(zipSync(parts))).toBe('edited');
  });

  it('still reads the fingerprint of files built before v2: the sha256 of word/document.xml', async () => {
    const current = await renderDocx(shortDocument());
    const documentXml = unzipSync(current)['word/document.xml']!;
    const legacy = withPart(current, 'docProps/custom.xml', (xml) => xml.replace(FINGERPRINT, (whole, value: string) => whole.replace(value, sha256(documentXml))));
    expect(docxFingerprintState(legacy)).toBe('unedited');
    expect(docxFingerprintState(withPart(legacy, 'word/document.xml', (xml) => xml.replace('400张', '500张')))).toBe('edited');
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
