/**
 * Byte-identical output: docx stamps the current time into docProps/core.xml and fflate into every
 * zip entry. We pin core.xml to one instant and re-zip with a fixed entry order and fixed DOS time
 * stamps written straight into the headers. Writing the bytes ourselves (rather than handing fflate
 * a Date whose local fields equal the UTC fields) also holds in a time zone where that local time
 * does not exist (a DST gap at midnight, e.g. Africa/Cairo on 2023-04-28).
 */
import { zipSync, type Zippable } from 'fflate';
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

const LOCAL_HEADER_TIME = 10;
const CENTRAL_HEADER = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const CENTRAL_TIME = 12;
const CENTRAL_LOCAL_OFFSET = 42;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;

/** Overwrites the time stamp of every entry, in its local and its central header. Expects a zip
 * without an archive comment and without zip64, as fflate's zipSync writes it. */
export function stampZipEntries(zip: Uint8Array, instant: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - END_OF_CENTRAL_DIRECTORY_SIZE;
  const entries = view.getUint16(end + 10, true);
  const { date, time } = dosTimestamp(instant);
  const stamp = (at: number): void => {
    view.setUint16(at, time, true);
    view.setUint16(at + 2, date, true);
  };
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error('unexpected zip layout');
    stamp(at + CENTRAL_TIME);
    stamp(view.getUint32(at + CENTRAL_LOCAL_OFFSET, true) + LOCAL_HEADER_TIME);
    at +=
      CENTRAL_HEADER_SIZE +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return zip;
}

/** [Content_Types].xml first (as Office writes it), then the package relationships, then the other
 * parts by name, so the order does not depend on the order docx happens to emit them in. */
export function orderedParts(parts: Record<string, Uint8Array>): Zippable {
  const first = [CONTENT_TYPES_PART, PACKAGE_RELS_PART].filter((name) => name in parts);
  const rest = Object.keys(parts)
    .filter((name) => !first.includes(name))
    .sort();
  const ordered: Zippable = {};
  for (const name of [...first, ...rest]) ordered[name] = parts[name] as Uint8Array;
  return ordered;
}

/** Zips the parts deterministically. */
export function deterministicZip(parts: Record<string, Uint8Array>, instant: Date): Uint8Array {
  return stampZipEntries(zipSync(orderedParts(parts), { level: ZIP_LEVEL }), instant);
}
