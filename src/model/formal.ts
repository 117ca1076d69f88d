import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedReport } from '../load/project.js';
import { locate, locateText, type YamlPath } from '../load/source-file.js';
import type { Formal } from '../schema/formal.js';
import { chineseDate } from './period.js';
import type { WrittenAt } from './report-model.js';

/** A value of `formal:` and where it was written: the report, or plan-report.yaml. */
export interface FormalText {
  text: string;
  at: WrittenAt;
}

/**
 * The 版头 and 版记 of a report sent as a formal document (GB/T 9704 §7.2, §7.4), each field the
 * report's own, else the office's default. Fields that default to the org stay absent here:
 * compose prints the org as it prints it everywhere else.
 */
export interface FormalModel {
  /** 发文机关标志; absent: the org followed by 文件. */
  issuer?: FormalText;
  /** 发文字号. */
  number?: FormalText;
  /** 签发人: present, the number goes left and the signer right (上行文). */
  signer?: FormalText;
  /** 抄送机关, in order; none: no 抄送 line. */
  copyTo: FormalText[];
  /** 印发机关; absent: the org. */
  printer?: FormalText;
  /** 印发日期 as printed, 2023年7月6日: the report's `printed`, else its date. */
  printedText: string;
}

/**
 * The report's `formal:` completed by the config's, with the warnings about it; undefined when the
 * report has no `formal:` (the office's defaults alone send nothing as a formal document).
 */
export function formalOf(loaded: LoadedReport, date: string): { formal?: FormalModel; diagnostics: Diagnostic[] } {
  const own = loaded.report.report.formal;
  if (!own) return { diagnostics: [] };
  const office = loaded.config?.value.formal;
  const ownAt = (path: YamlPath): WrittenAt => ({ file: loaded.file, path: ['report', 'formal', ...path] });
  const officeAt = (path: YamlPath): WrittenAt => ({ file: loaded.config!.file, path: ['formal', ...path] });
  const pick = (key: 'issuer' | 'signer' | 'printer'): FormalText | undefined =>
    own[key] !== undefined ? { text: own[key], at: ownAt([key]) } : office?.[key] !== undefined ? { text: office[key], at: officeAt([key]) } : undefined;
  const copyTo = own['copy-to'] !== undefined ? listed(own['copy-to'], ownAt(['copy-to'])) : office?.['copy-to'] !== undefined ? listed(office['copy-to'], officeAt(['copy-to'])) : [];
  const formal: FormalModel = {
    ...optional('issuer', pick('issuer')),
    ...optional('number', own.number === undefined ? undefined : { text: own.number, at: ownAt(['number']) }),
    ...optional('signer', pick('signer')),
    copyTo,
    ...optional('printer', pick('printer')),
    printedText: chineseDate(own.printed ?? date),
  };
  return { formal, diagnostics: [...numberBracketWarnings(loaded, own), ...printedBeforeDate(loaded, own, date)] };
}

/** `copy-to` as one name or a list, each name with its own place (a list item's path). */
function listed(value: string | string[], at: WrittenAt): FormalText[] {
  return typeof value === 'string' ? [{ text: value, at }] : value.map((text, i) => ({ text, at: { ...at, path: [...at.path, i] } }));
}

/**
 * The year of a 发文字号 in anything but 六角括号 (GB/T 9704 §7.2.5): [2023], （2023）, 【2023】 or
 * the small ﹝2023﹞ that input methods offer beside 〔〕. Caught by the brackets around four digits.
 */
const YEAR_IN_WRONG_BRACKETS = /[[［(（【〖﹝〈<]\s*(\d{4})\s*[\]］)）】〗﹞〉>]/u;

function numberBracketWarnings(loaded: LoadedReport, own: Formal): Diagnostic[] {
  const found = own.number === undefined ? null : YEAR_IN_WRONG_BRACKETS.exec(own.number);
  if (!found) return [];
  const suggestion = own.number!.replace(found[0], `〔${found[1]}〕`);
  const at = locateText(loaded.file, ['report', 'formal', 'number'], found[0]);
  return [warning('formal-number-brackets', { value: own.number!, suggestion }, at)];
}

/** A document is printed on or after the day it is dated, never before. */
function printedBeforeDate(loaded: LoadedReport, own: Formal, date: string): Diagnostic[] {
  if (own.printed === undefined || own.printed >= date) return [];
  return [warning('formal-printed-before-date', { printed: own.printed, date }, locate(loaded.file, ['report', 'formal', 'printed']))];
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
