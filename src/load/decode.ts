import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Notes are hand-typed text; anything this large is a wrong file, not notes. */
export const MAX_NOTES_FILE_BYTES = 4 * 1024 * 1024;

export interface Decoded {
  text?: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  diagnostics: Diagnostic[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

/**
 * Bytes as Windows and Unix editors save them -> text. UTF-8 (with or without BOM) and UTF-16 with
 * BOM are read silently; GB18030/GBK, which Notepad and WPS still write, is read correctly and
 * warned about, so that the output never shows mojibake.
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
