import type { ReportDocument } from '../document/ast.js';
import type { FingerprintState } from './fingerprint.js';
import type { FontRole } from '../schema/kinds.js';

export { OUTPUT_FORMATS, type OutputFormat } from '../schema/kinds.js';
import type { OutputFormat } from '../schema/kinds.js';

export interface RenderOptions {
  /** docx style preset (design §5): gbt9704 by default. */
  preset?: string;
  /** Font names that replace the preset's for some roles (plan-report.yaml `fonts:`). */
  fonts?: Readonly<Partial<Record<FontRole, string>>>;
  /** Seconds since the epoch that pin the docx timestamps (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
}

/** One module per format behind one interface: render the AST, and recognise its own files. */
export interface Writer {
  render(doc: ReportDocument, options: RenderOptions): Promise<Uint8Array>;
  fingerprintState(bytes: Uint8Array): FingerprintState;
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
};

export function loadWriter(format: OutputFormat): Promise<Writer> {
  return WRITERS[format]();
}
