/**
 * Byte-identical output: docx stamps the current time into docProps/core.xml. We pin core.xml to
 * one instant and zip the parts ourselves, in a fixed entry order, with fixed DOS time stamps
 * written straight into the headers. Writing the words ourselves (rather than handing a zip library
 * a Date whose local fields equal the UTC fields) also holds in a time zone where that local time
 * does not exist (a DST gap at midnight, e.g. Africa/Cairo on 2023-04-28). Node's zlib compresses:
 * native deflate costs a few milliseconds where a JavaScript one, run once before the JIT is warm,
 * took a hundred.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import {
  CONTENT_TYPES_PART,
  DOS_YEAR_MAX,
  DOS_YEAR_MIN,
  PACKAGE_RELS_PART,
  ZIP_LEVEL,
} from './constants.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** The instant every time stamp is pinned to: SOURCE_DATE_EPOCH (seconds) when given, else the
 * report's date at 00:00:00Z. */
export function pinnedInstant(isoDate: string, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) {
    if (!Number.isFinite(sourceDateEpoch) || sourceDateEpoch < 0) {
      throw new Error(`sourceDateEpoch must be a non-negative number of seconds, got ${sourceDateEpoch}`);
    }
    return new Date(Math.floor(sourceDateEpoch) * 1000);
  }
  const instant = new Date(`${isoDate}T00:00:00Z`);
  if (!ISO_DATE.test(isoDate) || Number.isNaN(instant.getTime())) {
    throw new Error(`document date must be YYYY-MM-DD, got "${isoDate}"`);
  }
  return instant;
}

/** W3CDTF without milliseconds, as Word writes it: 2023-07-05T00:00:00Z. */
export function w3cdtf(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function pinCoreDates(coreXml: string, instant: Date): string {
  const stamp = w3cdtf(instant);
  return coreXml.replace(CORE_DATES, (_match, open: string, _name: string, close: string) => open + stamp + close);
}

/** MS-DOS date and time words of an instant's UTC fields, clamped to the range they can hold
 * (SOURCE_DATE_EPOCH=0 is 1970). The time has 2-second resolution. */
export function dosTimestamp(instant: Date): { date: number; time: number } {
  const year = instant.getUTCFullYear();
  if (year < DOS_YEAR_MIN) return { date: (1 << 5) | 1, time: 0 };
  if (year > DOS_YEAR_MAX) {
    return { date: ((DOS_YEAR_MAX - DOS_YEAR_MIN) << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  }
  return {
    date: ((year - DOS_YEAR_MIN) << 9) | ((instant.getUTCMonth() + 1) << 5) | instant.getUTCDate(),
    time: (instant.getUTCHours() << 11) | (instant.getUTCMinutes() << 5) | (instant.getUTCSeconds() >> 1),
  };
}

/** [Content_Types].xml first (as Office writes it), then the package relationships, then the other
 * parts by name, so the order does not depend on the order docx happens to emit them in. */
export function orderedPartNames(parts: Readonly<Record<string, Uint8Array>>): string[] {
  const first = [CONTENT_TYPES_PART, PACKAGE_RELS_PART].filter((name) => name in parts);
  const rest = Object.keys(parts)
    .filter((name) => !first.includes(name))
    .sort();
  return [...first, ...rest];
}

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
/** Version 2.0: deflate; what every zip reader handles. */
const ZIP_VERSION = 20;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME_FLAG = 0x800;
const ASCII = /^[\x20-\x7e]*$/;

/** One entry's header fields, shared by its local and its central header. */
interface ZipEntry {
  name: Uint8Array;
  flags: number;
  crc: number;
  size: number;
  data: Uint8Array;
  offset: number;
}

/** Writes the fields the local (at 4) and the central header (at 6) have in common, from version needed on. */
function writeCommonFields(view: DataView, at: number, entry: ZipEntry, stamp: { date: number; time: number }): void {
  view.setUint16(at, ZIP_VERSION, true);
  view.setUint16(at + 2, entry.flags, true);
  view.setUint16(at + 4, DEFLATED, true);
  view.setUint16(at + 6, stamp.time, true);
  view.setUint16(at + 8, stamp.date, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.data.byteLength, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.byteLength, true);
}

/** Zips the parts deterministically: every entry deflated, in orderedPartNames' order, stamped with
 * `instant`; no extra fields, no comment, no data descriptors. */
export function deterministicZip(parts: Readonly<Record<string, Uint8Array>>, instant: Date): Uint8Array {
  const encoder = new TextEncoder();
  let offset = 0;
  const entries = orderedPartNames(parts).map((name): ZipEntry => {
    const content = parts[name]!;
    const entry = {
      name: encoder.encode(name),
      flags: ASCII.test(name) ? 0 : UTF8_NAME_FLAG,
      crc: crc32(content),
      size: content.byteLength,
      data: deflateRawSync(content, { level: ZIP_LEVEL }),
      offset,
    };
    offset += LOCAL_HEADER_SIZE + entry.name.byteLength + entry.data.byteLength;
    return entry;
  });
  const directorySize = entries.reduce((sum, entry) => sum + CENTRAL_HEADER_SIZE + entry.name.byteLength, 0);
  const zip = new Uint8Array(offset + directorySize + END_OF_CENTRAL_DIRECTORY_SIZE);
  const view = new DataView(zip.buffer);
  const stamp = dosTimestamp(instant);
  let at = offset;
  for (const entry of entries) {
    view.setUint32(entry.offset, LOCAL_HEADER, true);
    writeCommonFields(view, entry.offset + 4, entry, stamp);
    zip.set(entry.name, entry.offset + LOCAL_HEADER_SIZE);
    zip.set(entry.data, entry.offset + LOCAL_HEADER_SIZE + entry.name.byteLength);
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, ZIP_VERSION, true);
    writeCommonFields(view, at + 6, entry, stamp);
    view.setUint32(at + 42, entry.offset, true);
    zip.set(entry.name, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + entry.name.byteLength;
  }
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, offset, true);
  return zip;
}
