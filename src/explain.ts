import { prepareReport, type PrepareOptions } from './build.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import type { ComputedFigure } from './model/provenance.js';

export interface ExplainResult {
  ok: boolean;
  /** Every figure the report prints that the program computed, in the order printed. */
  figures: ComputedFigure[];
  diagnostics: Diagnostic[];
}

/**
 * The provenance of a report's figures: each with its expression, its value and the notes entries
 * it read, as compose recorded them while it rendered the report. A report with errors has no
 * figures to vouch for: its diagnostics only.
 */
export async function explain(reportPath: string, options: PrepareOptions = {}): Promise<ExplainResult> {
  const { model, document, diagnostics } = await prepareReport(reportPath, options);
  if (!model || !document || hasErrors(diagnostics)) return { ok: false, figures: [], diagnostics };
  // A figure's place without the source line: the caret display is for diagnostics.
  const figures = model.figures.map(({ expression, value, at: { file, line, column }, sources }) => ({ expression, value, at: { file, line, column }, sources }));
  return { ok: true, figures, diagnostics };
}
