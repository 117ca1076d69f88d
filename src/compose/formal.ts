import { escapeMarkupLine } from '../document/markup.js';
import type { SourceFile, YamlPath } from '../load/source-file.js';
import type { FormalModel, FormalText } from '../model/formal.js';

/** What the partials masthead and colophon see: every string already markup, as the rest of the view. */
export interface FormalView {
  /** 发文机关标志. */
  issuer: string;
  number?: string;
  signer?: string;
  copyTo: string[];
  printer: string;
  /** 印发日期: 2023年7月6日 (the partial adds 印发). */
  printed: string;
}

/** The default 发文机关标志 is the org's name followed by this (GB/T 9704 §7.2.4). */
const ISSUER_SUFFIX = '文件';

type OneLine = (text: string, path: YamlPath, file: SourceFile) => string;

/** The 版头 and 版记 fields as markup; `org` is the org's markup, the default of issuer and printer. */
export function formalView(formal: FormalModel, org: string, oneLine: OneLine): FormalView {
  const line = (value: FormalText) => oneLine(value.text, value.at.path, value.at.file);
  return {
    issuer: formal.issuer ? line(formal.issuer) : org + escapeMarkupLine(ISSUER_SUFFIX),
    ...(formal.number ? { number: line(formal.number) } : {}),
    ...(formal.signer ? { signer: line(formal.signer) } : {}),
    copyTo: formal.copyTo.map(line),
    printer: formal.printer ? line(formal.printer) : org,
    printed: escapeMarkupLine(formal.printedText),
  };
}
