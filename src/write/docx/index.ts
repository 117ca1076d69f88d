/**
 * The docx writer: a pure function from the document AST to the bytes of a .docx that looks like an
 * official document (GB/T 9704-2012, design §5). The only module of the project that imports docx;
 * the caller loads it lazily.
 */
import { Document, Packer } from 'docx';
import type { ReportDocument } from '../../document/ast.js';
import { blockParagraphs } from './blocks.js';
import {
  CORE_PART,
  CUSTOM_PART,
  DOCUMENT_PART,
  FINGERPRINT_PLACEHOLDER,
  FINGERPRINT_PROPERTY,
  STYLES_PART,
} from './constants.js';
import { deterministicZip, pinCoreDates, pinnedInstant } from './determinism.js';
import { stampFingerprint } from './fingerprint.js';
import { evenAndOddFooters, pageNumberFooters, sectionProperties } from './page.js';
import { DEFAULT_DOCX_PRESET, getPreset, type DocxPreset } from './presets.js';
import type { FontChoice } from '../../schema/kinds.js';
import { buildStyles, unsnapTitle } from './styles.js';
import { unsnapIssuer } from './formal.js';
import { applyReference, presetOnReference } from './reference.js';
import type { ReferenceDoc } from '../../load/reference-doc.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

export { docxFingerprintState } from './fingerprint.js';
export { DEFAULT_DOCX_PRESET, gbt9704, getPreset, plain, presetNames, type DocxPreset } from './presets.js';

export interface RenderDocxOptions {
  /** A preset name (default `gbt9704`); an unknown name throws. */
  preset?: string;
  /** A font set (`default`, `gb2312`), or font names that replace the preset's for some roles. */
  fonts?: FontChoice;
  /** SOURCE_DATE_EPOCH in seconds; pins every time stamp. Default: the report's date, 00:00:00Z. */
  sourceDateEpoch?: number;
  /** The organisation's Word file (--reference-doc), read and checked: its styles, page setup, headers and footers. */
  reference?: ReferenceDoc;
}

function buildDocument(doc: ReportDocument, preset: DocxPreset): Document {
  return new Document({
    title: doc.meta.title,
    creator: doc.meta.org,
    lastModifiedBy: doc.meta.org,
    // docx writes the part and its registrations; the real value is stamped after packing.
    customProperties: [{ name: FINGERPRINT_PROPERTY, value: FINGERPRINT_PLACEHOLDER }],
    evenAndOddHeaderAndFooters: evenAndOddFooters(preset),
    styles: buildStyles(preset),
    sections: [
      {
        properties: sectionProperties(preset),
        footers: pageNumberFooters(preset),
        children: doc.blocks.flatMap((block) => blockParagraphs(block, preset)),
      },
    ],
  });
}

/** The parts of the package by path, as docx's compiler writes them before Packer zips them. */
type CompiledParts = Map<string, string | Uint8Array>;

interface PackageCompiler {
  compile(file: Document): CompiledParts;
}

/**
 * The package's parts, uncompressed. Packer.pack would deflate every part only for us to inflate it
 * again, edit three and deflate them all once more; Packer offers no output without compression, so
 * we take the parts from the compiler it zips (a private static of docx 9.15.2, the exact version
 * package.json pins): the same parts, the same XML.
 */
function compileParts(document: Document): CompiledParts {
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx: Packer has no compiler; plan-report needs docx 9.15.2');
  return compiler.compile(document);
}

/** Rewrites one XML part of the package with `edit`; the part must exist. */
function editPart(parts: CompiledParts, name: string, edit: (xml: string) => string): void {
  const data = parts.get(name);
  if (data === undefined) throw new Error(`docx package lacks ${name}`);
  parts.set(name, edit(typeof data === 'string' ? data : decodeUtf8(data)));
}

/** Every part as the bytes the zip holds: XML as UTF-8. */
function encodedParts(parts: CompiledParts): Record<string, Uint8Array> {
  const encoded: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) encoded[name] = typeof data === 'string' ? encodeUtf8(data) : data;
  return encoded;
}

/** Patches what docx cannot write, pins the time stamps, applies the reference doc, stamps the fingerprint and
 * zips deterministically. */
function finishPackage(compiled: CompiledParts, instant: Date, reference: ReferenceDoc | undefined): Uint8Array {
  editPart(compiled, STYLES_PART, unsnapTitle);
  editPart(compiled, DOCUMENT_PART, unsnapIssuer);
  editPart(compiled, CORE_PART, (xml) => pinCoreDates(xml, instant));
  const parts = encodedParts(compiled);
  if (reference) applyReference(parts, reference);
  if (!parts[DOCUMENT_PART]) throw new Error(`docx package lacks ${DOCUMENT_PART}`);
  const custom = parts[CUSTOM_PART];
  if (!custom) throw new Error(`docx package lacks ${CUSTOM_PART}`);
  // Last: the fingerprint covers every other part as it will be written.
  parts[CUSTOM_PART] = encodeUtf8(stampFingerprint(decodeUtf8(custom), parts));
  return deterministicZip(parts, instant);
}

export async function renderDocx(doc: ReportDocument, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const chosen = getPreset(options.preset ?? DEFAULT_DOCX_PRESET, options.fonts);
  // Laid out on the reference's page and body size: the signature, tables and page numbers fit it.
  const preset = options.reference ? presetOnReference(chosen, options.reference) : chosen;
  const instant = pinnedInstant(doc.meta.date, options.sourceDateEpoch);
  return finishPackage(compileParts(buildDocument(doc, preset)), instant, options.reference);
}
