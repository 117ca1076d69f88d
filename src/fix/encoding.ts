import type { Decoded } from '../load/decode.js';

/**
 * Fixed text back to bytes in the file's own encoding, with the byte-order mark it had. GB18030
 * has no encoder in Node (TextEncoder writes UTF-8 only): undefined, and the caller says so rather
 * than change the file's encoding.
 */
export function encodeLike(text: string, original: Uint8Array, encoding: Decoded['encoding']): Uint8Array | undefined {
  const bom = (bytes: number[]) => (bytes.every((b, i) => original[i] === b) ? Buffer.from(bytes) : Buffer.alloc(0));
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([bom([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return undefined;
  }
}
