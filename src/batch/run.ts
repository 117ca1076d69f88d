import { build, type BuildOptions } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { WrittenOutput } from '../write/output.js';

/** What a batch asks of one build: plain data, so that it crosses to a worker thread. */
export interface BuildRequest {
  index: number;
  report: string;
  options: BuildOptions;
}

/** What became of one report of a batch. */
export interface ReportOutcome {
  report: string;
  /** built: some output written; unchanged: every output already up to date; failed: not built;
   * skipped: not started, the batch was interrupted. */
  status: 'built' | 'unchanged' | 'failed' | 'skipped';
  outputs: WrittenOutput[];
  diagnostics: Diagnostic[];
  /** Every file the build read (the report, its notes, config, templates): what --watch follows. */
  files: string[];
  /** A fault of plan-report itself (a stack trace), never a mistake in the notes. */
  crash?: string;
}

export function outcomeOf(report: string, result: { ok: boolean; outputs: WrittenOutput[]; diagnostics: Diagnostic[]; files: string[] }): ReportOutcome {
  const status = !result.ok ? 'failed' : result.outputs.some((output) => output.status === 'written') ? 'built' : 'unchanged';
  return { report, status, outputs: result.outputs, diagnostics: result.diagnostics, files: result.files };
}

/** Builds one report of a batch; a fault of the program is caught here, so the batch goes on. */
export async function buildOne(request: BuildRequest): Promise<ReportOutcome & { index: number }> {
  try {
    return { index: request.index, ...outcomeOf(request.report, await build(request.report, request.options)) };
  } catch (cause) {
    const crash = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    return { index: request.index, report: request.report, status: 'failed', outputs: [], diagnostics: [], files: [request.report], crash };
  }
}
