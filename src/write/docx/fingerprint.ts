/**
 * The hand-edit guard: a docx we write carries a fingerprint of its package in the custom property
 * `plan-report-fingerprint`. Word, WPS and LibreOffice keep custom properties but rewrite the parts
 * they save, so a mismatch means someone edited the file and a rebuild must not overwrite it. This
 * module needs no docx: the caller can check a file without loading the writer.
 *
 * The value is "v2:<sha256>" over every part but docProps/custom.xml, the part that stores it (it
 * cannot contain its own hash): an edit to the footer, the styles or the properties counts, not
 * only one to the body. Files built before v2 hold a bare sha256 of word/document.xml, which is
 * still read as it was, so that their state is still recognised.
 */
import { error } from '../../diagnostics/diagnostic.js';
import { openWordPackage, Refusal, type WordRefusalCode } from '../../load/reference-doc.js';
import { sha256Hex, type FingerprintState } from '../fingerprint.js';
import { CUSTOM_PART, DOCUMENT_PART, FINGERPRINT_PLACEHOLDER, FINGERPRINT_PROPERTY } from './constants.js';
import { decodeUtf8 } from './utf8.js';

const FINGERPRINT_VALUE = new RegExp(
  `<property\\b[^>]*\\bname="${FINGERPRINT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`,
);
const PACKAGE_VERSION = 'v2:';

/** Every part of the package, read as a reference doc is read (with Node's zlib): a zip beyond what a
 * Word file can be (too many parts, too large unpacked, packed too tightly), damaged or no zip at all
 * throws before anything is inflated. */
function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const zip = openWordPackage(bytes, (code: WordRefusalCode) => new Refusal(error(code)));
  const parts: Record<string, Uint8Array> = {};
  for (const { name } of zip.entries.values()) parts[name] = zip.read(name)!;
  return parts;
}

/**
 * The sha256 of the parts other than the fingerprint's own, by name in a fixed order, each name and
 * length given, so that a re-zip in another order or a part moved from one name to another shows.
 */
export function packageFingerprint(parts: Readonly<Record<string, Uint8Array>>): string {
  const names = Object.keys(parts).filter((name) => name !== CUSTOM_PART && !name.endsWith('/')).sort();
  const manifest = names.map((name) => `${name}\0${parts[name]!.length}\0${sha256Hex(parts[name]!)}`).join('\n');
  return `${PACKAGE_VERSION}${sha256Hex(manifest)}`;
}

/** docProps/custom.xml with the placeholder docx wrote replaced by the package's fingerprint. */
export function stampFingerprint(customXml: string, parts: Readonly<Record<string, Uint8Array>>): string {
  const placeholder = `<vt:lpwstr>${FINGERPRINT_PLACEHOLDER}</vt:lpwstr>`;
  if (!customXml.includes(placeholder)) throw new Error(`fingerprint placeholder missing from ${CUSTOM_PART}`);
  return customXml.replace(placeholder, `<vt:lpwstr>${packageFingerprint(parts)}</vt:lpwstr>`);
}

/** The fingerprint the package should carry, in the form of the one it stores. */
function expectedFingerprint(stored: string, parts: Readonly<Record<string, Uint8Array>>): string | undefined {
  if (stored.startsWith(PACKAGE_VERSION)) return packageFingerprint(parts);
  const documentXml = parts[DOCUMENT_PART];
  return documentXml ? sha256Hex(documentXml) : undefined;
}

/** 'unedited': a docx we wrote, as we wrote it; 'edited': ours, saved since by an editor;
 * 'foreign': anything else (no fingerprint, not a docx, not a zip). Never throws. */
export function docxFingerprintState(bytes: Uint8Array): FingerprintState {
  try {
    const parts = unzipParts(bytes);
    const customXml = parts[CUSTOM_PART];
    const stored = customXml ? FINGERPRINT_VALUE.exec(decodeUtf8(customXml))?.[1]?.trim() : undefined;
    const expected = stored ? expectedFingerprint(stored, parts) : undefined;
    if (!stored || !expected) return 'foreign';
    return stored === expected ? 'unedited' : 'edited';
  } catch {
    return 'foreign';
  }
}
