import type { ReportDocument } from '../document/ast.js';
import type { FingerprintState } from './fingerprint.js';

/** The output formats `build --format` accepts, in the order they are written. */
export const OUTPUT_FORMATS = ['docx', 'md'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  /** docx style preset (design §5): gbt9704 by default. */
  preset?: string;
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
