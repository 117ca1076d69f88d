import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { crc32, inflateRawSync } from 'node:zlib';
import { renderDocx } from '../../../src/write/docx/index.js';
import { deterministicZip, dosTimestamp, pinnedInstant } from '../../../src/write/docx/determinism.js';
import { readDocx } from '../../helpers/docx.js';
import { longDocument, shortDocument } from './fixtures.js';

/** The MS-DOS date and time words of every entry, from the central directory. */
function zipTimestamps(zip: Uint8Array): Array<{ name: string; date: number; time: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  const entries: Array<{ name: string; date: number; time: number }> = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Every entry as a strict reader checks it: local and central headers agree, the data inflates to
 * the size they give, and its CRC-32 is the one they give. */
function verifiedEntries(zip: Uint8Array): Array<{ name: string; flags: number; data: Uint8Array }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const entries: Array<{ name: string; flags: number; data: Uint8Array }> = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    // Version needed, flags, method, time, date, CRC, sizes, name length: the same in both headers.
    expect(zip.subarray(local + 4, local + 28)).toEqual(zip.subarray(at + 6, at + 30));
    const start = local + 30 + nameLength + view.getUint16(local + 28, true);
    const data = inflateRawSync(zip.subarray(start, start + view.getUint32(at + 20, true)));
    expect(data.byteLength).toBe(view.getUint32(at + 24, true));
    expect(crc32(data)).toBe(view.getUint32(at + 16, true));
    entries.push({ name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)), flags: view.getUint16(at + 8, true), data });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  expect(at).toBe(end);
  return entries;
}

/** Renders with process.env.TZ set; Node re-reads the zone when TZ is assigned. */
async function renderIn(zone: string, date = '2023-07-05'): Promise<{ bytes: Uint8Array; localHour: number }> {
  process.env.TZ = zone;
  const doc = { ...longDocument(), meta: { ...longDocument().meta, date } };
  return { bytes: await renderDocx(doc), localHour: new Date(Date.UTC(2023, 6, 5)).getHours() };
}

describe('renderDocx: determinism', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('writes byte-identical files for the same input', async () => {
    const first = await renderDocx(longDocument());
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a different wall-clock second
    expect(Buffer.from(await renderDocx(longDocument())).equals(Buffer.from(first))).toBe(true);
  });

  it('writes byte-identical files in any time zone', async () => {
    const utc = await renderIn('UTC');
    const shanghai = await renderIn('Asia/Shanghai');
    const losAngeles = await renderIn('America/Los_Angeles');
    // The zone really changed (else this test would prove nothing).
    expect([utc.localHour, shanghai.localHour, losAngeles.localHour]).toEqual([0, 8, 17]);
    expect(Buffer.from(shanghai.bytes).equals(Buffer.from(utc.bytes))).toBe(true);
    expect(Buffer.from(losAngeles.bytes).equals(Buffer.from(utc.bytes))).toBe(true);
  });

  it('holds where local midnight does not exist (DST gap: Cairo, 2023-04-28)', async () => {
    const utc = await renderIn('UTC', '2023-04-28');
    const cairo = await renderIn('Africa/Cairo', '2023-04-28');
    expect(Buffer.from(cairo.bytes).equals(Buffer.from(utc.bytes))).toBe(true);
  });

  it('pins core.xml and every zip entry to the report date at 00:00:00Z', async () => {
    const bytes = await renderDocx(shortDocument());
    const core = readDocx(bytes).part('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-07-05T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-07-05T00:00:00Z</dcterms:modified>');
    const stamps = zipTimestamps(bytes);
    // 2023-07-05 00:00:00 as MS-DOS words: ((2023 − 1980) << 9) | (7 << 5) | 5, time 0.
    expect(new Set(stamps.map((s) => `${s.date}/${s.time}`))).toEqual(new Set([`${(43 << 9) | (7 << 5) | 5}/0`]));
  });

  it('pins to SOURCE_DATE_EPOCH when given', async () => {
    const epoch = 1_700_000_000; // 2023-11-14T22:13:20Z
    const bytes = await renderDocx(shortDocument(), { sourceDateEpoch: epoch });
    expect(readDocx(bytes).part('docProps/core.xml')).toContain('>2023-11-14T22:13:20Z<');
    const { date, time } = dosTimestamp(new Date(epoch * 1000));
    expect(time).toBe((22 << 11) | (13 << 5) | 10);
    expect(zipTimestamps(bytes).every((s) => s.date === date && s.time === time)).toBe(true);
  });

  it('clamps an epoch before 1980 in the zip (the format cannot hold it) but not in core.xml', async () => {
    const bytes = await renderDocx(shortDocument(), { sourceDateEpoch: 0 });
    expect(readDocx(bytes).part('docProps/core.xml')).toContain('>1970-01-01T00:00:00Z<');
    expect(zipTimestamps(bytes)[0]).toMatchObject({ date: (1 << 5) | 1, time: 0 });
  });

  it('writes [Content_Types].xml first and the other parts in a fixed order', async () => {
    const names = zipTimestamps(await renderDocx(shortDocument())).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(names.slice(2)).toEqual([...names.slice(2)].sort());
    expect(Object.keys(unzipSync(await renderDocx(shortDocument())))).toEqual(names);
  });

  it('writes a zip a strict reader accepts: every entry deflated, its sizes and CRC-32 right', async () => {
    const bytes = await renderDocx(longDocument());
    const entries = verifiedEntries(bytes);
    const parts = unzipSync(bytes);
    expect(entries.map((entry) => entry.name)).toEqual(Object.keys(parts));
    for (const entry of entries) expect(entry.data).toEqual(Buffer.from(parts[entry.name]!));
  });

  it('marks a part name that is not ASCII as UTF-8, as zip readers expect', () => {
    const text = new TextEncoder().encode('<x/>');
    const [ascii, chinese] = verifiedEntries(deterministicZip({ 'word/a.xml': text, 'word/media/图1.png': text }, new Date(0)));
    expect([ascii?.name, ascii?.flags]).toEqual(['word/a.xml', 0]);
    expect([chinese?.name, chinese?.flags]).toEqual(['word/media/图1.png', 0x800]);
  });

  it('rejects a date or epoch it cannot pin to', () => {
    expect(() => pinnedInstant('2023-13-45')).toThrow(/YYYY-MM-DD/);
    expect(() => pinnedInstant('2023-07-05', Number.NaN)).toThrow(/sourceDateEpoch/);
  });
});
