import { describe, expect, it } from 'vitest';
import { decodeNotes } from '../../src/load/decode.js';

const NOTES = 'activities:\n  - date: 2023-03-28\n    title: 视察青奥场馆和新城建设，一行人\n';

describe('decodeNotes: UTF-16 without a byte-order mark', () => {
  it('reads UTF-16LE and UTF-16BE and warns, naming the encoding', () => {
    const le = Buffer.from(NOTES, 'utf16le');
    expect(decodeNotes(le)).toMatchObject({ text: NOTES, encoding: 'utf-16le', diagnostics: [{ code: 'encoding-utf16-no-bom', severity: 'warning', params: { encoding: 'UTF-16LE' } }] });
    expect(decodeNotes(Buffer.from(le).swap16())).toMatchObject({ text: NOTES, encoding: 'utf-16be', diagnostics: [{ params: { encoding: 'UTF-16BE' } }] });
  });

  it('still calls a zip (a Word document) binary', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml'), Buffer.alloc(64), Buffer.from([0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x03])]);
    expect(decodeNotes(zip).diagnostics.map((d) => d.code)).toEqual(['binary-file']);
  });
});
