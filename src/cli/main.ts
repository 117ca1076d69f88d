import path from 'node:path';
import { Argument, Command, CommanderError, Option } from 'commander';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FILE_KINDS, REPORT_KINDS, type FileKind, type ReportKind } from '../schema/kinds.js';
import { detectLang, type Lang } from '../diagnostics/lang.js';
import { DEFAULT_DOCX_PRESET, presetNames } from '../write/docx/presets.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../write/index.js';
import type { BuildResult } from '../build.js';
import type { ComputedFigure } from '../model/provenance.js';
import { ExitCode } from './exit-codes.js';
import { t, type MessageKey } from './messages.js';
import { displayPath, escapeControls, formatDiagnostics, REPORT_FORMATS, useColor, type ReportFormat } from './printer.js';

/** What the CLI touches of the outside world; tests pass their own. */
export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** A command-line mistake: exit 2 with the message, never a stack. */
class UsageError extends Error {}

/** --lang must be known before commander builds the help texts, so it is read ahead. */
function langFromArgv(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return undefined;
  const arg = argv[index]!;
  return arg.includes('=') ? arg.slice('--lang='.length) : argv[index + 1];
}

/** A CLI line with the user's text in it (a path, an argument): its terminal controls escaped. */
function say(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(lang, key, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? escapeControls(value) : value])));
}

function parseFormats(value: string, lang: Lang): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  // `--format ""` would build nothing and say nothing: a mistake, not a request.
  if (formats.length === 0) throw new UsageError(say(lang, 'noFormat', { known: OUTPUT_FORMATS.join(', ') }));
  for (const format of formats) {
    if (!OUTPUT_FORMATS.includes(format as OutputFormat)) throw new UsageError(say(lang, 'badFormat', { value: format, known: OUTPUT_FORMATS.join(', ') }));
  }
  return formats as OutputFormat[];
}

/** 9999-12-31T23:59:59Z: the docx stamps W3CDTF dates, which have four-digit years. */
const MAX_SOURCE_DATE_EPOCH = 253402300799;

/**
 * SOURCE_DATE_EPOCH pins the docx time stamps (reproducible-builds.org). Unset or empty: the
 * report's date. Anything but a whole number of seconds in range is refused, as the specification
 * asks, rather than silently ignored.
 */
function sourceDateEpoch(env: NodeJS.ProcessEnv, lang: Lang): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds <= MAX_SOURCE_DATE_EPOCH)) throw new UsageError(say(lang, 'badSourceDateEpoch', { value, min: 0, max: MAX_SOURCE_DATE_EPOCH }));
  return seconds;
}

/** Each report named once, in the order given: the same file twice is built once. */
function distinctReports(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface BuildFlags {
  format?: string;
  out?: string;
  force?: boolean;
  templates?: string[];
  preset?: string;
}

export async function runCli(io: CliIo): Promise<ExitCode> {
  const lang = detectLang(langFromArgv(io.argv), io.env, Intl.DateTimeFormat().resolvedOptions().locale);
  const printOptions = { lang, cwd: io.cwd, color: useColor(io.stderrIsTTY, io.env) };
  const printDiagnostics = (diagnostics: readonly Diagnostic[]) => io.stderr(formatDiagnostics(diagnostics, 'text', printOptions));
  let exitCode: ExitCode = ExitCode.Ok;

  /** What became of one report of a build: its problems, then each file written or left as it was. */
  const printOutcome = (report: string, result: Pick<BuildResult, 'ok' | 'outputs' | 'diagnostics'>, several: boolean): void => {
    if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
    // Only what was really written is said to be: after a failed restore, that is a file.
    for (const output of result.outputs) io.stdout(`${say(lang, output.status === 'written' ? 'wrote' : 'unchanged', { path: displayPath(output.path, io.cwd) })}\n`);
    if (result.ok || result.outputs.length > 0) return;
    io.stderr(`${several ? say(lang, 'reportNotBuilt', { report: displayPath(path.resolve(report), io.cwd) }) : t(lang, 'nothingWritten')}\n`);
  };

  const program = new Command('plan-report')
    .description(t(lang, 'programDescription'))
    .version(await packageVersion(), '-V, --version', t(lang, 'versionOption'))
    // Subcommands inherit the help option, its wording included.
    .helpOption('-h, --help', t(lang, 'helpOption'))
    .helpCommand('help [command]', t(lang, 'helpCommand'))
    .addOption(new Option('--lang <lang>', t(lang, 'langOption')).choices(['zh', 'en']))
    .exitOverride()
    // Errors are printed by the catch below, in the user's language; help asked for by mistake
    // (no command at all) goes to stderr.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });

  program
    .command('build')
    .description(t(lang, 'buildDescription'))
    .argument('<files...>', t(lang, 'buildFilesArgument'))
    .option('-f, --format <formats>', t(lang, 'formatOption'), OUTPUT_FORMATS.join(','))
    .option('-o, --out <dir>', t(lang, 'outOption'))
    .option('--force', t(lang, 'forceOption'))
    .option('--templates <dir...>', t(lang, 'templatesOption'))
    .addOption(new Option('--preset <name>', t(lang, 'presetOption')).choices(presetNames()).default(DEFAULT_DOCX_PRESET))
    .action(async (files: string[], flags: BuildFlags) => {
      const formats = parseFormats(flags.format ?? OUTPUT_FORMATS.join(','), lang);
      const epoch = sourceDateEpoch(io.env, lang);
      const { build, outputCollisions } = await import('../build.js');
      const reports = distinctReports(files);
      const collisions = outputCollisions(reports, { formats, ...(flags.out ? { outDir: flags.out } : {}) });
      let failed = 0;
      for (const report of reports) {
        const collision = collisions.get(report);
        const result = collision
          ? { ok: false, outputs: [], diagnostics: [collision] }
          : await build(report, {
              formats,
              force: flags.force ?? false,
              ...(flags.out ? { outDir: flags.out } : {}),
              ...(flags.templates ? { templateDirs: flags.templates } : {}),
              ...(flags.preset ? { preset: flags.preset } : {}),
              ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
            });
        printOutcome(report, result, reports.length > 1);
        if (!result.ok) failed++;
      }
      if (reports.length > 1) {
        const line = `${t(lang, 'runSummary', { total: reports.length, built: reports.length - failed, failed })}\n`;
        (failed > 0 ? io.stderr : io.stdout)(line);
      }
      if (failed > 0) exitCode = ExitCode.UserError;
    });

  program
    .command('check')
    .description(t(lang, 'checkDescription'))
    .argument('[paths...]', t(lang, 'checkPathsArgument'))
    .addOption(new Option('-f, --format <format>', t(lang, 'reportFormatOption')).choices(REPORT_FORMATS).default('text'))
    .option('--strict', t(lang, 'strictOption'))
    .option('--templates <dir...>', t(lang, 'templatesOption'))
    .action(async (paths: string[], flags: { format: ReportFormat; strict?: boolean; templates?: string[] }) => {
      const { check } = await import('../check.js');
      // No path: the folder the secretary is in, as she would expect.
      const result = await check(paths.length > 0 ? paths : ['.'], flags.templates ? { templateDirs: flags.templates } : {});
      io.stdout(formatDiagnostics(result.diagnostics, flags.format, { ...printOptions, color: useColor(io.stdoutIsTTY, io.env) }));
      const failed = hasErrors(result.diagnostics) || (flags.strict === true && result.diagnostics.length > 0);
      if (flags.format === 'text' && result.diagnostics.length === 0) io.stdout(`${t(lang, 'checkClean', { count: result.files.length })}\n`);
      if (failed) exitCode = ExitCode.UserError;
    });

  program
    .command('explain')
    .description(t(lang, 'explainDescription'))
    .argument('<report>', t(lang, 'explainReportArgument'))
    .addOption(new Option('-f, --format <format>', t(lang, 'explainFormatOption')).choices(EXPLAIN_FORMATS).default('text'))
    .option('--templates <dir...>', t(lang, 'templatesOption'))
    .action(async (report: string, flags: { format: ExplainFormat; templates?: string[] }) => {
      const { explain } = await import('../explain.js');
      const result = await explain(report, flags.templates ? { templateDirs: flags.templates } : {});
      if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
      if (!result.ok) {
        exitCode = ExitCode.UserError;
        return;
      }
      io.stdout(flags.format === 'json' ? `${JSON.stringify({ figures: result.figures }, null, 2)}\n` : formatFigures(result.figures, lang, io.cwd));
    });

  program
    .command('schema')
    .description(t(lang, 'schemaDescription'))
    .addArgument(new Argument('[kind]', t(lang, 'schemaKindArgument')).choices(FILE_KINDS).default('report'))
    .action(async (kind: FileKind) => {
      const { jsonSchemaFor } = await import('../schema/json-schema.js');
      io.stdout(`${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
    });

  program
    .command('new')
    .description(t(lang, 'newDescription'))
    .addArgument(new Argument('<kind>', t(lang, 'newKindArgument')).choices(REPORT_KINDS))
    .requiredOption('--period <period>', t(lang, 'newPeriodOption'))
    .option('--from <report>', t(lang, 'newFromOption'))
    .option('-o, --out <file>', t(lang, 'newOutOption'))
    .action(async (kind: ReportKind, flags: { period: string; from?: string; out?: string }) => {
      const { newReport, periodAcceptedBy } = await import('../new-report.js');
      const accepted = periodAcceptedBy(kind, flags.period);
      if (accepted !== true) throw new UsageError(say(lang, 'newBadPeriod', { value: flags.period, kind, expected: accepted }));
      const result = await newReport({ kind, period: flags.period, ...(flags.from ? { from: flags.from } : {}), ...(flags.out ? { out: flags.out } : {}) }, io.cwd);
      if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
      if (result.written) io.stdout(`${say(lang, 'wrote', { path: displayPath(result.path, io.cwd) })}\n`);
      else {
        io.stderr(`${t(lang, 'nothingWritten')}\n`);
        exitCode = ExitCode.UserError;
      }
    });

  program
    .command('templates')
    .description(t(lang, 'templatesDescription'))
    .command('eject')
    .description(t(lang, 'ejectDescription'))
    .argument('[name]', t(lang, 'ejectNameArgument'))
    .option('-o, --out <dir>', t(lang, 'ejectOutOption'), 'templates')
    .action(async (name: string | undefined, flags: { out: string }) => {
      const { ejectTemplates } = await import('../eject.js');
      const result = await ejectTemplates(name, path.resolve(io.cwd, flags.out));
      if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
      for (const file of result.written) io.stdout(`${say(lang, 'wrote', { path: displayPath(file, io.cwd) })}\n`);
      if (result.written.length === 0) {
        io.stderr(`${t(lang, 'nothingWritten')}\n`);
        exitCode = ExitCode.UserError;
      }
    });

  try {
    await program.parseAsync(io.argv as string[], { from: 'user' });
    return exitCode;
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.exitCode === 0) return ExitCode.Ok;
      // No command given: commander has printed the help, which says what to type.
      if (cause.code === 'commander.help') return ExitCode.Usage;
      io.stderr(`${say(lang, 'usageError', { detail: cause.message.replace(/^error: /, '') })}\n${t(lang, 'usageHint')}\n`);
      return ExitCode.Usage;
    }
    if (cause instanceof UsageError) {
      io.stderr(`${t(lang, 'usageError', { detail: cause.message })}\n${t(lang, 'usageHint')}\n`);
      return ExitCode.Usage;
    }
    const trace = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    io.stderr(`${t(lang, 'internalError')}\n${trace.split('\n').map(escapeControls).join('\n')}\n`);
    return ExitCode.Internal;
  }
}

const EXPLAIN_FORMATS = ['text', 'json'] as const;
type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

/**
 * Figures for a reviewer: each at its place in the report file, its expression and value, then
 * the notes entries it read, indented. The user's text in them has its terminal controls escaped.
 */
function formatFigures(figures: readonly ComputedFigure[], lang: Lang, cwd: string): string {
  if (figures.length === 0) return `${t(lang, 'explainNone')}\n`;
  const from = t(lang, 'explainFrom');
  return figures
    .map((figure) => {
      const head = `${displayPath(figure.at.file, cwd)}:${figure.at.line}:${figure.at.column}  ${figure.expression} = ${figure.value}`;
      const sources = figure.sources.map((source) => `    ${from} ${source.entry}  ${displayPath(source.file, cwd)}:${source.line}`);
      return [head, ...sources].map(escapeControls).join('\n');
    })
    .join('\n')
    .concat('\n');
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The process entry: bin/plan-report.js calls this. */
export async function main(): Promise<void> {
  // `plan-report check | head`: the reader went away; what is left unprinted is not wanted.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (cause: NodeJS.ErrnoException) => {
      if (cause.code !== 'EPIPE') throw cause;
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
}
