import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportDocument } from '../document/ast.js';
import type { FingerprintState } from './fingerprint.js';
import type { FontChoice } from '../schema/kinds.js';
import type { ReferenceDoc } from '../load/reference-doc.js';

export { OUTPUT_FORMATS, type OutputFormat } from '../schema/kinds.js';
import type { OutputFormat } from '../schema/kinds.js';

export interface RenderOptions {
  /** docx style preset (design §5): gbt9704 by default. */
  preset?: string;
  /** A font set (`--fonts default|gb2312`), or font names that replace the preset's for some
   * roles (plan-report.yaml `fonts:`). */
  fonts?: FontChoice;
  /** Seconds since the epoch that pin the docx timestamps (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
  /** The organisation's Word file (--reference-doc), read and checked: the docx takes its styles,
   * page setup, headers and footers. */
  reference?: ReferenceDoc;
}

/** One module per format behind one interface: render the AST, and recognise its own files. */
export interface Writer {
  render(doc: ReportDocument, options: RenderOptions): Promise<Uint8Array>;
  fingerprintState(bytes: Uint8Array): FingerprintState;
}

/**
 * What a writer throws when it cannot make its format here: a program it needs is missing, or failed
 * on this document. Build leaves that output out, writes the report's other formats and reports the
 * diagnostic. The diagnostic is made from the output's path, so that a failure that concerns one file
 * can name it; one that concerns the machine (no LibreOffice) does not, and is printed once in a batch.
 */
export class WriterUnavailable extends Error {
  constructor(readonly diagnosticFor: (output: string) => Diagnostic) {
    super(`writer unavailable: ${diagnosticFor('').code}`);
    this.name = 'WriterUnavailable';
  }
}

/** Writers load lazily: the docx package is imported only when docx is asked for. */
const WRITERS: Record<OutputFormat, () => Promise<Writer>> = {
  md: async () => (await import('./markdown.js')).markdownWriter,
  docx: async () => {
    const docx = await import('./docx/index.js');
    return {
      render: (doc, options) => docx.renderDocx(doc, options),
      fingerprintState: docx.docxFingerprintState,
    };
  },
  html: async () => (await import('./html.js')).htmlWriter,
  pdf: async () => (await import('./pdf.js')).pdfWriter,
};

export function loadWriter(format: OutputFormat): Promise<Writer> {
  return WRITERS[format]();
}
