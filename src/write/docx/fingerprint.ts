/**
 * The hand-edit guard: a docx we write carries the sha256 of its word/document.xml in the custom
 * property `plan-report-fingerprint`. Word, WPS and LibreOffice keep custom properties but rewrite
 * document.xml on save, so a mismatch means someone edited the file and a rebuild must not
 * overwrite it. This module needs no docx: the caller can check a file without loading the writer.
 */
import { strFromU8, unzipSync } from 'fflate';
import { sha256Hex, type FingerprintState } from '../fingerprint.js';
import { CUSTOM_PART, DOCUMENT_PART, FINGERPRINT_PLACEHOLDER, FINGERPRINT_PROPERTY } from './constants.js';

const FINGERPRINT_VALUE = new RegExp(
  `<property\\b[^>]*\\bname="${FINGERPRINT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`,
);

export function documentFingerprint(documentXml: Uint8Array): string {
  return sha256Hex(documentXml);
}

/** docProps/custom.xml with the placeholder docx wrote replaced by the document's fingerprint. */
export function stampFingerprint(customXml: string, documentXml: Uint8Array): string {
  const placeholder = `<vt:lpwstr>${FINGERPRINT_PLACEHOLDER}</vt:lpwstr>`;
  if (!customXml.includes(placeholder)) throw new Error(`fingerprint placeholder missing from ${CUSTOM_PART}`);
  return customXml.replace(placeholder, `<vt:lpwstr>${documentFingerprint(documentXml)}</vt:lpwstr>`);
}

/** The fingerprint stored in a docx, or undefined; throws on bytes that are not a zip. */
function readFingerprint(bytes: Uint8Array): { stored?: string; actual?: string } {
  const parts = unzipSync(bytes, { filter: (file) => file.name === DOCUMENT_PART || file.name === CUSTOM_PART });
  const documentXml = parts[DOCUMENT_PART];
  const customXml = parts[CUSTOM_PART];
  return {
    stored: customXml ? FINGERPRINT_VALUE.exec(strFromU8(customXml))?.[1]?.trim() : undefined,
    actual: documentXml ? documentFingerprint(documentXml) : undefined,
  };
}

/** 'unedited': a docx we wrote, as we wrote it; 'edited': ours, saved since by an editor;
 * 'foreign': anything else (no fingerprint, not a docx, not a zip). Never throws. */
export function docxFingerprintState(bytes: Uint8Array): FingerprintState {
  try {
    const { stored, actual } = readFingerprint(bytes);
    if (!stored || !actual) return 'foreign';
    return stored === actual ? 'unedited' : 'edited';
  } catch {
    return 'foreign';
  }
}
