import path from 'node:path';
import { compose } from './compose/index.js';
import { dedupeDiagnostics, error, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { ReportDocument } from './document/ast.js';
import { toDocument } from './document/index.js';
import { fitTitles } from './document/transforms/title-lines.js';
import { lintNotes } from './lint/notes.js';
import { lintText } from './lint/text.js';
import { lintNotesProse } from './lint/notes-prose.js';
import { applyRuleLevels } from './diagnostics/rules.js';
import { findConfig, type ConfigLookup, type LoadedConfig } from './load/config.js';
import { loadReport } from './load/project.js';
import { loadReferenceDoc, referenceDocLocation, type LoadedReference } from './load/reference-doc.js';
import type { ReadSource } from './load/source-file.js';
import { loadTemplateSet, userTemplatePaths } from './load/templates.js';
import { buildModel, type ReportModel } from './model/report-model.js';
import { DEFAULT_DOCX_PRESET, getPreset, presetNames, titleLineChars } from './write/docx/presets.js';
import { referenceStyleWarnings } from './write/docx/reference.js';
import { DEFAULT_FORMATS } from './schema/kinds.js';
import { loadWriter, OUTPUT_FORMATS, WriterUnavailable, type OutputFormat, type RenderOptions } from './write/index.js';
import { writeOutputs, type PlannedOutput, type WrittenOutput } from './write/output.js';

export interface PrepareOptions {
  /** Template folders searched before the built-ins. Default: the config's `templates`. */
  templateDirs?: string[];
  /** The plan-report.yaml that governs the report, as found by `findConfig`; looked up when absent. */
  config?: ConfigLookup;
  /** The docx preset whose title size and type area decide where a long title breaks. Default:
   * the config's `preset`, else gbt9704. */
  preset?: string;
}

/** How many characters a title line holds in the preset the report is built with. */
function titleCapacity(options: PrepareOptions, config: LoadedConfig | undefined): number {
  return titleLineChars(getPreset(options.preset ?? config?.value.preset ?? DEFAULT_DOCX_PRESET));
}

/** The config of a report: the one given, else the nearest plan-report.yaml above it. */
function configOf(reportPath: string, options: PrepareOptions, read?: ReadSource): Promise<ConfigLookup> | ConfigLookup {
  return options.config ?? findConfig(path.dirname(path.resolve(reportPath)), read);
}

/** Template folders: the command line's, else the config's (relative to the config file). */
function templateDirsOf(options: PrepareOptions, config: LoadedConfig | undefined): string[] | undefined {
  if (options.templateDirs) return options.templateDirs;
  const configured = config?.value.templates;
  if (configured === undefined) return undefined;
  return (typeof configured === 'string' ? [configured] : configured).map((dir) => path.resolve(config!.dir, dir));
}

export interface Prepared {
  model?: ReportModel;
  document?: ReportDocument;
  /** Every file read: the report, the notes it draws on, its config and the user's templates (what a watcher follows). */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * load -> validate -> model -> compose -> document. An invalid report file stops after load; errors
 * in notes files do not stop the prose checks of compose; any error stops before the document.
 * Pure but for reading the notes and templates.
 */
export async function prepareReport(reportPath: string, options: PrepareOptions = {}, read?: ReadSource): Promise<Prepared> {
  const lookup = await configOf(reportPath, options, read);
  // The office's rule levels apply to whatever stage the report got to.
  const settled = (diagnostics: Diagnostic[]) => sortDiagnostics(dedupeDiagnostics(applyRuleLevels(diagnostics, lookup.config?.value.rules)));
  const { loaded, diagnostics } = await loadReport(reportPath, read, lookup);
  if (!loaded) return { files: [path.resolve(reportPath), ...(lookup.path ? [lookup.path] : [])], diagnostics: settled(diagnostics) };
  // The config is followed even when it is invalid: fixing it must rebuild the report.
  const files = [...new Set([...loaded.files.map((f) => f.path), ...(lookup.path ? [lookup.path] : [])])];
  const { model, diagnostics: modelDiagnostics } = buildModel(loaded);
  diagnostics.push(...modelDiagnostics);
  // Compose runs even after errors in notes files: its checks of the prose belong to the same run.
  const templates = await loadTemplateSet(templateDirsOf(options, lookup.config));
  files.push(...userTemplatePaths(templates.set));
  const composed = compose(model, templates.set);
  diagnostics.push(...templates.diagnostics, ...composed.diagnostics);
  if (composed.markup === undefined || hasErrors(diagnostics)) return { model, files, diagnostics: settled(diagnostics) };
  const titled = fitTitles(toDocument({ markup: composed.markup, origins: composed.origins, org: model.org, date: model.date }), {
    lineChars: titleCapacity(options, lookup.config),
    keepWhole: [model.org],
  });
  const document = titled.document;
  diagnostics.push(...titled.diagnostics, ...lintNotes(model), ...lintText(document, loaded.files));
  diagnostics.push(...lintNotesProse(loaded.files));
  return { model, document, files, diagnostics: settled(diagnostics) };
}

export interface BuildOptions extends PrepareOptions, Omit<RenderOptions, 'reference'> {
  /** The organisation's Word file whose styles, page setup, headers and footers the docx takes.
   * Default: the config's `reference-doc` (relative to it). */
  referenceDoc?: string;
  /** Default: the config's `formats`, else docx and md. */
  formats?: readonly OutputFormat[];
  /** Default: the config's `out` (relative to it), else next to the report. */
  outDir?: string;
  /**
   * The folder whose layout is kept below outDir: a report at <outBase>/a/2023-h1.yaml is written
   * to <outDir>/a/2023-h1.docx. Default: none, the outputs go into outDir itself; for the config's
   * `out`, the config's folder. A batch sets it (see buildBatch).
   */
  outBase?: string;
  /** Overwrite outputs even when a person edited them (the edited file is kept as a backup). */
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

/** What the command line or a script asked, completed by the report's config: the options one build uses. */
export function effectiveOptions(options: BuildOptions, config: LoadedConfig | undefined): BuildOptions {
  const office = config?.value;
  const fromConfig: BuildOptions = {
    ...(office?.formats ? { formats: office.formats } : {}),
    ...(office?.out ? { outDir: path.resolve(config!.dir, office.out), outBase: config!.dir } : {}),
    ...(office?.preset ? { preset: office.preset } : {}),
    ...(office?.fonts ? { fonts: office.fonts } : {}),
    ...(office?.['reference-doc'] ? { referenceDoc: path.resolve(config!.dir, office['reference-doc']) } : {}),
  };
  return { ...fromConfig, ...withoutUndefined(options) };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Where build writes a report: in outDir (below it, the report's folder relative to outBase) or
 * next to it, named after it, one file per format. A report outside outBase goes to outDir itself.
 */
export function outputPaths(reportPath: string, options: Pick<BuildOptions, 'formats' | 'outDir' | 'outBase'> = {}): OutputPath[] {
  const report = path.resolve(reportPath);
  const outDir = options.outDir ? path.join(path.resolve(options.outDir), keptFolder(report, options.outBase)) : path.dirname(report);
  const base = path.basename(reportPath).replace(/\.ya?ml$/i, '');
  const formats = OUTPUT_FORMATS.filter((format) => (options.formats ?? DEFAULT_FORMATS).includes(format));
  return formats.map((format) => ({ format, path: path.join(outDir, `${base}.${format}`) }));
}

/** The report's folder relative to outBase, or '' when it is not below it. */
function keptFolder(report: string, outBase: string | undefined): string {
  if (outBase === undefined) return '';
  const relative = path.relative(path.resolve(outBase), path.dirname(report));
  return relative.startsWith('..') || path.isAbsolute(relative) ? '' : relative;
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
export function outputCollisions(planned: ReadonlyMap<string, readonly OutputPath[]>): Map<string, Diagnostic> {
  const writers = new Map<string, { report: string; path: string }>();
  const collisions = new Map<string, Diagnostic>();
  for (const [report, outputs] of planned) {
    for (const output of outputs) {
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

/** Renders the document into each format in memory, each with the writer that made it. A format
 * whose writer cannot run here (pdf without LibreOffice) is left out with its diagnostic: the
 * report's other formats are still written. */
async function renderOutputs(document: ReportDocument, options: RenderOptions, outputs: readonly OutputPath[]): Promise<{ planned: PlannedOutput[]; diagnostics: Diagnostic[] }> {
  const planned: PlannedOutput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { format, path: file } of outputs) {
    const writer = await loadWriter(format);
    try {
      planned.push({ format, path: file, bytes: await writer.render(document, options), writer });
    } catch (cause) {
      if (!(cause instanceof WriterUnavailable)) throw cause;
      diagnostics.push(cause.diagnosticFor(file));
    }
  }
  return { planned, diagnostics };
}

/**
 * Builds one report: the function the CLI, a batch and a watcher all call. On any error nothing is
 * written; outputs are written atomically, and a file a person edited is never overwritten
 * without `force`.
 */
export async function build(reportPath: string, given: BuildOptions = {}): Promise<BuildResult> {
  if (given.preset !== undefined && !presetNames().includes(given.preset)) {
    return { ok: false, outputs: [], diagnostics: [error('unknown-preset', { name: given.preset, known: presetNames().join('、') })], files: [] };
  }
  const config = await configOf(reportPath, given);
  const options = effectiveOptions({ ...given, config }, config.config);
  // Read with the notes, so that its problems are told with theirs; the config's is told at its line.
  const configuredAt = given.referenceDoc === undefined ? referenceDocLocation(config.config) : undefined;
  const reading: Promise<LoadedReference> =
    options.referenceDoc === undefined ? Promise.resolve({ diagnostics: [] }) : loadReferenceDoc(path.resolve(options.referenceDoc), configuredAt);
  const { document, diagnostics, files } = await prepareReport(reportPath, options);
  const { reference, diagnostics: referenceProblems } = await reading;
  diagnostics.push(...referenceProblems);
  if (options.referenceDoc !== undefined) files.push(path.resolve(options.referenceDoc));
  if (!document || hasErrors(diagnostics)) return { ok: false, outputs: [], diagnostics, files };
  diagnostics.push(...referenceStyleWarnings(reference, document));
  const renderOptions: RenderOptions = withoutUndefined({ preset: options.preset, fonts: options.fonts, sourceDateEpoch: options.sourceDateEpoch, reference });
  const rendered = await renderOutputs(document, renderOptions, outputPaths(reportPath, options));
  const written = await writeOutputs(rendered.planned, { force: options.force ?? false });
  const all = [...diagnostics, ...rendered.diagnostics, ...written.diagnostics];
  return { ok: !hasErrors(all), outputs: written.written, diagnostics: all, document, files };
}
