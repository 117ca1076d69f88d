import path from 'node:path';
import { compose } from './compose/index.js';
import { dedupeDiagnostics, error, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { ReportDocument } from './document/ast.js';
import { toDocument } from './document/index.js';
import { lintNotes } from './lint/notes.js';
import { lintText } from './lint/text.js';
import { loadReport } from './load/project.js';
import type { ReadSource } from './load/source-file.js';
import { loadTemplateSet } from './load/templates.js';
import { buildModel, type ReportModel } from './model/report-model.js';
import { presetNames } from './write/docx/presets.js';
import { loadWriter, OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from './write/index.js';
import { writeOutputs, type PlannedOutput, type WrittenOutput } from './write/output.js';

export interface PrepareOptions {
  /** Template folders searched before the built-ins. */
  templateDirs?: string[];
}

export interface Prepared {
  model?: ReportModel;
  document?: ReportDocument;
  /** Every file read: the report and all notes it draws on. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * load -> validate -> model -> compose -> document. An invalid report file stops after load; errors
 * in notes files do not stop the prose checks of compose; any error stops before the document.
 * Pure but for reading the notes and templates.
 */
export async function prepareReport(reportPath: string, options: PrepareOptions = {}, read?: ReadSource): Promise<Prepared> {
  const { loaded, diagnostics } = await loadReport(reportPath, read);
  if (!loaded) return { files: [path.resolve(reportPath)], diagnostics: sortDiagnostics(diagnostics) };
  const files = loaded.files.map((f) => f.path);
  const { model, diagnostics: modelDiagnostics } = buildModel(loaded);
  diagnostics.push(...modelDiagnostics);
  // Compose runs even after errors in notes files: its checks of the prose belong to the same run.
  const templates = await loadTemplateSet(options.templateDirs);
  const composed = compose(model, templates.set);
  diagnostics.push(...templates.diagnostics, ...composed.diagnostics);
  if (composed.markup === undefined || hasErrors(diagnostics)) return { model, files, diagnostics: sortDiagnostics(diagnostics) };
  const document = toDocument({ markup: composed.markup, origins: composed.origins, org: model.org, date: model.date });
  diagnostics.push(...lintNotes(model), ...lintText(document, loaded.files));
  return { model, document, files, diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)) };
}

export interface BuildOptions extends PrepareOptions, RenderOptions {
  /** Default: every format (docx and md). */
  formats?: readonly OutputFormat[];
  /** Default: next to the report file. */
  outDir?: string;
  /** Overwrite outputs even when a person edited them. */
  force?: boolean;
}

export interface BuildResult {
  ok: boolean;
  outputs: WrittenOutput[];
  diagnostics: Diagnostic[];
  document?: ReportDocument;
  files: string[];
}

export interface OutputPath {
  format: OutputFormat;
  path: string;
}

/** Where build writes a report: in outDir or next to it, named after it, one file per format. */
export function outputPaths(reportPath: string, options: Pick<BuildOptions, 'formats' | 'outDir'> = {}): OutputPath[] {
  const outDir = options.outDir ? path.resolve(options.outDir) : path.dirname(path.resolve(reportPath));
  const base = path.basename(reportPath).replace(/\.ya?ml$/i, '');
  const formats = OUTPUT_FORMATS.filter((format) => (options.formats ?? OUTPUT_FORMATS).includes(format));
  return formats.map((format) => ({ format, path: path.join(outDir, `${base}.${format}`) }));
}

/** One key per file as Windows and macOS folders see it: case and Unicode normalisation ignored. */
function fileIdentity(file: string): string {
  return path.resolve(file).normalize('NFC').toLowerCase();
}

/**
 * The reports of one run that would write the same output file (two 2023-h1.yaml of different
 * folders built into one --out): whichever came last would silently replace the other. Each such
 * report gets a diagnostic that names the other, and must not be built; the rest may be.
 */
export function outputCollisions(reportPaths: readonly string[], options: Pick<BuildOptions, 'formats' | 'outDir'> = {}): Map<string, Diagnostic> {
  const writers = new Map<string, { report: string; path: string }>();
  const collisions = new Map<string, Diagnostic>();
  for (const report of reportPaths) {
    for (const output of outputPaths(report, options)) {
      const key = fileIdentity(output.path);
      const first = writers.get(key);
      // The same report named twice is one report, not a collision.
      if (first && path.resolve(first.report) !== path.resolve(report)) {
        // One diagnostic per report, naming the first file they would share.
        if (!collisions.has(report)) collisions.set(report, error('output-collision', { report, other: first.report, path: output.path }));
        if (!collisions.has(first.report)) collisions.set(first.report, error('output-collision', { report: first.report, other: report, path: first.path }));
      }
      if (!first) writers.set(key, { report, path: output.path });
    }
  }
  return collisions;
}

/** Renders the document into each format in memory, each with the writer that made it. */
async function renderOutputs(document: ReportDocument, options: RenderOptions, outputs: readonly OutputPath[]): Promise<PlannedOutput[]> {
  const planned: PlannedOutput[] = [];
  for (const { format, path: file } of outputs) {
    const writer = await loadWriter(format);
    planned.push({ format, path: file, bytes: await writer.render(document, options), writer });
  }
  return planned;
}

/**
 * Builds one report: the function the CLI, a batch and a watcher all call. On any error nothing is
 * written; outputs are written atomically, and a file a person edited is never overwritten
 * without `force`.
 */
export async function build(reportPath: string, options: BuildOptions = {}): Promise<BuildResult> {
  if (options.preset !== undefined && !presetNames().includes(options.preset)) {
    return { ok: false, outputs: [], diagnostics: [error('unknown-preset', { name: options.preset, known: presetNames().join('、') })], files: [] };
  }
  const { document, diagnostics, files } = await prepareReport(reportPath, options);
  if (!document || hasErrors(diagnostics)) return { ok: false, outputs: [], diagnostics, files };
  const renderOptions: RenderOptions = { ...(options.preset ? { preset: options.preset } : {}), ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}) };
  const planned = await renderOutputs(document, renderOptions, outputPaths(reportPath, options));
  const written = await writeOutputs(planned, { force: options.force ?? false });
  const all = [...diagnostics, ...written.diagnostics];
  return { ok: !hasErrors(all), outputs: written.written, diagnostics: all, document, files };
}
