import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Notes are hand-typed text, but years of them add up: 100,000 activities in one file are 11 MB.
 * Past 16 MiB a file is a wrong file or an attack, not notes; and a file the yaml package must read
 * (see fastData) costs it about 40 bytes of memory a byte, so the limit bounds that too.
 */
export const MAX_NOTES_FILE_BYTES = 16 * 1024 * 1024;

/** Templates and drafts are read whole by slower passes (Handlebars, the draft rules): 4 MiB is far past any real one. */
export const MAX_TEXT_FILE_BYTES = 4 * 1024 * 1024;

export interface Decoded {
  text?: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  diagnostics: Diagnostic[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const SAMPLE_BYTES = 8192;

/**
 * NUL bytes make a file binary, unless they are few (fewer than 1 in 100 of the first 8 KB): a text
 * file with a stray NUL is reported at the character instead (see controlCharacters).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // Text has none (a native search): only a file that has one is counted byte by byte.
  if (sample.indexOf(0) < 0) return false;
  let nuls = 0;
  for (const byte of sample) if (byte === 0) nuls++;
  return nuls > 0 && nuls * 100 >= sample.length;
}

/**
 * UTF-16 saved without a byte-order mark (some Windows tools do): YAML's ASCII keys, spaces and line
 * ends put a NUL in every other byte, on one side only, and the sample decodes to text without
 * control characters. A binary file has NULs on both sides, or decodes to control characters.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.indexOf(0) < 0) return undefined;
  const nuls = [0, 0];
  sample.forEach((byte, i) => {
    if (byte === 0) nuls[i % 2]!++;
  });
  const [even, odd] = nuls as [number, number];
  // Characters such as 一 (U+4E00) put a NUL on the other side too; ASCII must outnumber them.
  const encoding = odd > 4 * even ? 'utf-16le' : even > 4 * odd ? 'utf-16be' : undefined;
  // A stray NUL in UTF-8 text is not UTF-16: at least one character in 16 must be ASCII.
  if (!encoding || Math.max(even, odd) * 32 < sample.length) return undefined;
  const text = new TextDecoder(encoding).decode(sample);
  return /[\x00-\x08\x0e-\x1f\ufffd]/.test(text.slice(0, -1)) ? undefined : encoding;
}

/**
 * Bytes as Windows and Unix editors save them -> text. UTF-8 (with or without BOM) and UTF-16 with
 * BOM are read silently; GB18030/GBK, which Notepad and WPS still write, and UTF-16 without a BOM
 * are read correctly and warned about, so that the output never shows mojibake.
 */
export function decodeNotes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_NOTES_FILE_BYTES) {
    return { encoding: 'utf-8', diagnostics: [error('file-too-large', { size: bytes.length, limit: MAX_NOTES_FILE_BYTES })] };
  }
  if (startsWith(bytes, UTF8_BOM)) {
    return decodeStrictUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', diagnostics: [] };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', diagnostics: [] };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      return { text, encoding: utf16, diagnostics: [warning('encoding-utf16-no-bom', { encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' })] };
    } catch {
      return { encoding: utf16, diagnostics: [error('encoding-invalid')] };
    }
  }
  if (looksBinary(bytes)) {
    return { encoding: 'utf-8', diagnostics: [error('binary-file')] };
  }
  const utf8 = decodeStrictUtf8(bytes, 'utf-8');
  if (utf8.text !== undefined) return utf8;
  try {
    // GB18030 is a superset of GBK and GB2312: what Notepad and WPS save as "ANSI" on Chinese Windows.
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return { text, encoding: 'gb18030', diagnostics: [warning('encoding-gb18030')] };
  } catch {
    return { encoding: 'gb18030', diagnostics: [error('encoding-invalid')] };
  }
}

function decodeStrictUtf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding, diagnostics: [] };
  } catch {
    return { encoding, diagnostics: [error('encoding-invalid')] };
  }
}
