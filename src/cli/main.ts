import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CONFIG_FILE_NAME, FONT_SETS, REPORT_KINDS, SCHEMA_KINDS, type ReportKind, type SchemaKind } from '../schema/kinds.js';
import { detectLang, type Lang } from '../diagnostics/lang.js';
import { presetNames } from '../write/docx/presets.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../write/index.js';
import type { BatchOptions, BatchResult, ReportOutcome } from '../batch/index.js';
import type { ComputedFigure } from '../model/provenance.js';
import type { FixResult } from '../fix/index.js';
import { packageVersion } from '../version.js';
import { ExitCode } from './exit-codes.js';
import { plainInvocation, type BuildFlags, type CheckFlags } from './flags.js';
import { t, type MessageKey } from './messages.js';
import { displayPath, escapeControls, formatDiagnostics, htmlDiagnostics, REPORT_FORMATS, useColor } from './printer.js';

/** What the CLI touches of the outside world; tests pass their own. */
export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Calls the handler on Ctrl-C until the returned function is called; absent in tests. */
  onInterrupt?: (handler: () => void) => () => void;
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

/**
 * The `lang:` of the plan-report.yaml that governs the current folder. Read with a plain match, not
 * the YAML parser: every command starts here, and the file itself is validated where it is used.
 */
function configuredLang(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(file)) return langLine(file);
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

/** The `lang:` line of a config file, read from its first 64 KiB; a pipe or device there is never opened (it could block). */
function langLine(file: string): string | undefined {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    return /^lang:[ \t]*["']?(zh|en)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  } finally {
    closeSync(fd);
  }
}

/**
 * The system's locale when no locale variable names a language. Only Windows has one beyond the
 * environment: elsewhere ICU reads the same LC_ALL/LC_MESSAGES/LANG, so that it could only answer
 * en-US (or und), and Intl.DateTimeFormat() would cost a cold start ~20 ms to say so.
 */
function systemLocale(): string {
  return process.platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : 'en-US';
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

function parsePort(value: string, lang: Lang): number {
  const port = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(say(lang, 'badPort', { value }));
  return port;
}

/** More workers than this only queue for the same cores and memory. */
const MAX_JOBS = 256;

function parseJobs(value: string, lang: Lang): number {
  const jobs = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new UsageError(say(lang, 'badJobs', { value, max: MAX_JOBS }));
  return jobs;
}

/** The entries whose value is given: `exactOptionalPropertyTypes` keeps undefined out of options. */
function optionalEntries<T extends object>(entries: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** Whether the command line named just this report, as a file (perhaps twice): then no summary line is due. */
function namesOneFile(args: readonly string[], report: string, cwd: string): boolean {
  return args.every((arg) => path.resolve(cwd, arg) === report);
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.code}|${d.location?.file}|${d.location?.line}|${d.location?.column}|${JSON.stringify(d.params)}`;
}

/**
 * The line a terminal shows while a batch runs, redrawn in place on stderr: [12/50] the last report
 * done. Off when stderr is not a terminal (CI logs get one plain line per file instead).
 */
function progressLine(io: CliIo, lang: Lang, enabled: boolean): { show: (done: number, total: number, report: string) => void; clear: () => void } {
  let shown = false;
  return {
    show: (done, total, report) => {
      if (!enabled || done >= total) return;
      io.stderr(`\r\x1b[2K${say(lang, 'progress', { done, total, report: displayPath(report, io.cwd) })}`);
      shown = true;
    },
    clear: () => {
      if (shown) io.stderr('\r\x1b[2K');
      shown = false;
    },
  };
}

/** `plan-report --version` alone, as commander would answer it, without loading commander. */
function asksForVersionOnly(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

export async function runCli(io: CliIo): Promise<ExitCode> {
  if (asksForVersionOnly(io.argv)) {
    io.stdout(`${await packageVersion()}\n`);
    return ExitCode.Ok;
  }
  const lang = detectLang(langFromArgv(io.argv) ?? configuredLang(io.cwd), io.env, systemLocale);
  const printOptions = { lang, cwd: io.cwd, color: useColor(io.stderrIsTTY, io.env) };
  const printDiagnostics = (diagnostics: readonly Diagnostic[]) => io.stderr(formatDiagnostics(diagnostics, 'text', printOptions));
  let exitCode: ExitCode = ExitCode.Ok;

  /**
   * What became of one report of a build: its problems (each printed once in a batch, however many
   * reports share the notes file), each file written or left as it was, and a line when it failed.
   */
  const printOutcome = (outcome: ReportOutcome, printed: Set<string>, options: { quiet: boolean; several: boolean }): void => {
    const fresh = outcome.diagnostics.filter((d) => (options.quiet ? d.severity === 'error' : true) && !printed.has(diagnosticKey(d)));
    for (const d of fresh) printed.add(diagnosticKey(d));
    if (fresh.length > 0) printDiagnostics(fresh);
    // Only what was really written is said to be: after a failed restore, that is a file.
    for (const output of outcome.outputs) {
      if (!options.quiet) io.stdout(`${say(lang, output.status === 'written' ? 'wrote' : 'unchanged', { path: displayPath(output.path, io.cwd) })}\n`);
      if (output.backup) io.stdout(`${say(lang, 'backedUp', { path: displayPath(output.path, io.cwd), backup: displayPath(output.backup, io.cwd) })}\n`);
    }
    if (outcome.crash) {
      io.stderr(`${say(lang, 'reportCrashed', { report: displayPath(outcome.report, io.cwd) })}\n${outcome.crash.split('\n').map(escapeControls).join('\n')}\n`);
    }
    if (outcome.status !== 'failed' || outcome.outputs.length > 0) return;
    io.stderr(`${options.several ? say(lang, 'reportNotBuilt', { report: displayPath(outcome.report, io.cwd) }) : t(lang, 'nothingWritten')}\n`);
  };

  /** What --fix did: each fix at its place, a Word file's proposals, the copies written, why some
   * fixes were not written, and one summary line. */
  const printFixes = (result: FixResult, out: (text: string) => void, copyAsked: boolean): void => {
    for (const change of result.fixed.filter((c) => c.unit === undefined)) {
      const place = `${displayPath(change.file, io.cwd)}:${change.line}:${change.column}`;
      out(`${say(lang, 'fixApplied', { place, before: change.before, after: change.after, code: change.code })}\n`);
    }
    for (const change of result.proposed) {
      out(`${say(lang, 'fixProposed', { path: displayPath(change.file, io.cwd), paragraph: change.line, before: change.before, after: change.after, code: change.code })}\n`);
    }
    for (const copy of result.written.filter((w) => w.path !== w.source)) out(`${say(lang, 'fixCopyWritten', { path: displayPath(copy.path, io.cwd), fixes: copy.fixes })}\n`);
    if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
    const inPlace = result.written.filter((w) => w.path === w.source);
    if (inPlace.length > 0) out(`${t(lang, 'fixSummary', { fixes: inPlace.reduce((sum, w) => sum + w.fixes, 0), files: inPlace.length })}\n`);
    if (result.proposed.length > 0 && !copyAsked) out(`${t(lang, 'fixProposals', { count: result.proposed.length })}\n`);
    if (result.written.length === 0 && result.proposed.length === 0) out(`${t(lang, 'fixNothing')}\n`);
  };

  const buildAction = async (files: string[], flags: BuildFlags): Promise<void> => {
    const { buildBatch, parseShard } = await import('../batch/index.js');
    const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
    if (flags.shard !== undefined && !shard) throw new UsageError(say(lang, 'badShard', { value: flags.shard }));
    const args = files.length > 0 ? files : ['.'];
    const progress = progressLine(io, lang, flags.quiet !== true && io.stderrIsTTY && io.env.TERM !== 'dumb');
    const printed = new Set<string>();
    let interrupted = false;
    let stopWatching: (() => void) | undefined;
    const stopListening = io.onInterrupt?.(() => {
      interrupted = true;
      stopWatching?.();
    });
    const batchOptions: BatchOptions = {
      cwd: io.cwd,
      force: flags.force ?? false,
      ...optionalEntries({
        formats: flags.format === undefined ? undefined : parseFormats(flags.format, lang),
        outDir: flags.out === undefined ? undefined : path.resolve(io.cwd, flags.out),
        templateDirs: flags.templates?.map((dir) => path.resolve(io.cwd, dir)),
        preset: flags.preset,
        fonts: flags.fonts,
        referenceDoc: flags.referenceDoc === undefined ? undefined : path.resolve(io.cwd, flags.referenceDoc),
        jobs: flags.jobs === undefined ? undefined : parseJobs(flags.jobs, lang),
        shard,
        sourceDateEpoch: sourceDateEpoch(io.env, lang),
      }),
      stopped: () => interrupted,
      onOutcome: (outcome, done, total) => {
        progress.clear();
        printOutcome(outcome, printed, { quiet: flags.quiet === true, several: total > 1 || !namesOneFile(args, outcome.report, io.cwd) });
        progress.show(done, total, outcome.report);
      },
    };
    /** The end of a round of builds: the arguments' problems, the summary line, the exit code. */
    const sumUp = (result: BatchResult): void => {
      progress.clear();
      if (result.diagnostics.length > 0) printDiagnostics(flags.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics);
      const { counts } = result;
      const several = result.reports.length > 1 || (result.reports.length === 1 && !namesOneFile(args, result.reports[0]!.report, io.cwd));
      if (result.reports.length === 0) io.stderr(`${t(lang, 'nothingWritten')}\n`);
      if (several && (!flags.quiet || counts.failed > 0 || counts.skipped > 0 || hasErrors(result.diagnostics))) {
        const line = `${t(lang, 'runSummary', { total: result.reports.length, built: counts.built, unchanged: counts.unchanged, failed: counts.failed, seconds: (result.elapsedMs / 1000).toFixed(1) })}\n`;
        (counts.failed > 0 ? io.stderr : io.stdout)(line);
      }
      if (counts.skipped > 0) io.stderr(`${t(lang, 'runInterrupted', { skipped: counts.skipped })}\n`);
      if (result.reports.some((outcome) => outcome.crash)) exitCode = ExitCode.Internal;
      else if (interrupted) exitCode = ExitCode.Interrupted;
      else if (counts.failed > 0 || hasErrors(result.diagnostics)) exitCode = ExitCode.UserError;
    };
    const first = await buildBatch(args, batchOptions);
    sumUp(first);
    if (flags.watch && !interrupted) {
      const { watchBuild } = await import('../serve/watch-build.js');
      io.stdout(`${t(lang, 'watching')}\n`);
      // Each round's outcome is printed as it comes; watching ends with Ctrl-C, as it is meant to.
      await watchBuild(args, batchOptions, first, { onRound: sumUp, stopWith: (stop) => (stopWatching = stop) });
      exitCode = ExitCode.Ok;
    }
    stopListening?.();
  };

  const checkAction = async (paths: string[], flags: CheckFlags): Promise<void> => {
    const { check } = await import('../check.js');
    // No path: the folder the secretary is in, as she would expect.
    const args = paths.length > 0 ? paths : ['.'];
    const options = flags.templates ? { templateDirs: flags.templates } : {};
    let result;
    let fixFailed = false;
    if (flags.fix || flags.fixCopy) {
      const { fix } = await import('../fix/index.js');
      const fixed = await fix(args, { ...options, docxCopy: flags.fixCopy === true });
      // Machine-readable output keeps stdout for the diagnostics: what was fixed goes to stderr.
      printFixes(fixed, flags.format === 'text' ? io.stdout : io.stderr, flags.fixCopy === true);
      result = fixed.check;
      fixFailed = hasErrors(fixed.diagnostics);
    } else {
      result = await check(args, options);
    }
    io.stdout(formatDiagnostics(result.diagnostics, flags.format, { ...printOptions, color: useColor(io.stdoutIsTTY, io.env) }));
    const failed = fixFailed || hasErrors(result.diagnostics) || (flags.strict === true && result.diagnostics.length > 0);
    if (flags.format === 'text' && result.diagnostics.length === 0) io.stdout(`${t(lang, 'checkClean', { count: result.files.length })}\n`);
    if (failed) exitCode = ExitCode.UserError;
  };

  /**
   * Commander is loaded only for what it is needed for: build and check typed plainly (files and
   * the usual options, see plainInvocation) go straight to their actions, which is most runs.
   */
  let commander: typeof import('commander') | undefined;
  const run = async (): Promise<void> => {
    const plain = plainInvocation(io.argv);
    if (plain?.command === 'build') return buildAction(plain.args, plain.flags);
    if (plain?.command === 'check') return checkAction(plain.args, plain.flags);
    commander = await import('commander');
    const { Argument, Command, Option } = commander;
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
      .argument('[files...]', t(lang, 'buildFilesArgument'))
      .option('-f, --format <formats>', t(lang, 'formatOption'))
      .option('-o, --out <dir>', t(lang, 'outOption'))
      .option('--force', t(lang, 'forceOption'))
      .option('--templates <dir...>', t(lang, 'templatesOption'))
      .addOption(new Option('--preset <name>', t(lang, 'presetOption')).choices(presetNames()))
      .addOption(new Option('--fonts <set>', t(lang, 'fontsOption')).choices(FONT_SETS))
      .option('--reference-doc <file>', t(lang, 'referenceDocOption'))
      .option('-j, --jobs <n>', t(lang, 'jobsOption'))
      .option('--shard <i/n>', t(lang, 'shardOption'))
      .option('-q, --quiet', t(lang, 'quietOption'))
      .option('-w, --watch', t(lang, 'watchOption'))
      .action(buildAction);

    program
      .command('check')
      .description(t(lang, 'checkDescription'))
      .argument('[paths...]', t(lang, 'checkPathsArgument'))
      .addOption(new Option('-f, --format <format>', t(lang, 'reportFormatOption')).choices(REPORT_FORMATS).default('text'))
      .option('--strict', t(lang, 'strictOption'))
      .option('--templates <dir...>', t(lang, 'templatesOption'))
      .option('--fix', t(lang, 'fixOption'))
      .option('--fix-copy', t(lang, 'fixCopyOption'))
      .action(checkAction);

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
      .addArgument(new Argument('[kind]', t(lang, 'schemaKindArgument')).choices(SCHEMA_KINDS).default('report'))
      .action(async (kind: SchemaKind) => {
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
      .command('init')
      .description(t(lang, 'initDescription'))
      .argument('[dir]', t(lang, 'initDirArgument'), '.')
      .option('--org <name>', t(lang, 'initOrgOption'))
      .option('--period <period>', t(lang, 'initPeriodOption'))
      .action(async (dir: string, flags: { org?: string; period?: string }) => {
        const { initRepo } = await import('../init.js');
        const { periodAcceptedBy } = await import('../new-report.js');
        // init starts a half-year summary: the period is refused as `new half-year-summary` would refuse it.
        const accepted = flags.period === undefined || periodAcceptedBy('half-year-summary', flags.period);
        if (accepted !== true) throw new UsageError(say(lang, 'newBadPeriod', { value: flags.period!, kind: 'half-year-summary', expected: accepted }));
        const org = flags.org?.trim();
        if (org !== undefined && (org === '' || /[\r\n]/.test(org))) throw new UsageError(t(lang, 'initBadOrg'));
        const root = path.resolve(io.cwd, dir);
        const result = await initRepo({ dir: root, ...(org ? { org } : {}), ...(flags.period ? { period: flags.period } : {}) });
        if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
        for (const file of result.written) io.stdout(`${say(lang, 'wrote', { path: displayPath(file, io.cwd) })}\n`);
        // Without --org the config holds a stand-in name that the title and signature would print.
        const config = path.join(root, CONFIG_FILE_NAME);
        if (org === undefined && result.written.includes(config)) io.stdout(`${say(lang, 'initSetOrg', { path: displayPath(config, io.cwd) })}\n`);
        if (result.written.length === 0) io.stderr(`${t(lang, 'nothingWritten')}\n`);
        if (result.written.length === 0 || hasErrors(result.diagnostics)) exitCode = ExitCode.UserError;
      });

    program
      .command('import')
      .description(t(lang, 'importDescription'))
      .argument('<document>', t(lang, 'importDocumentArgument'))
      .option('-o, --out <dir>', t(lang, 'importOutOption'), '.')
      .action(async (document: string, flags: { out: string }) => {
        const { importReport } = await import('../import/index.js');
        const result = await importReport(path.resolve(io.cwd, document), { outDir: path.resolve(io.cwd, flags.out) });
        if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
        for (const file of result.written) io.stdout(`${say(lang, 'wrote', { path: displayPath(file, io.cwd) })}\n`);
        if (result.written.length > 0 && result.report) io.stdout(`${say(lang, 'importNext', { report: displayPath(result.report, io.cwd) })}\n`);
        else {
          io.stderr(`${t(lang, 'nothingWritten')}\n`);
          exitCode = ExitCode.UserError;
        }
      });

    program
      .command('preview')
      .description(t(lang, 'previewDescription'))
      .argument('<report>', t(lang, 'previewReportArgument'))
      .option('-p, --port <port>', t(lang, 'portOption'))
      .option('--templates <dir...>', t(lang, 'templatesOption'))
      .action(async (report: string, flags: { port?: string; templates?: string[] }) => {
        const port = flags.port === undefined ? 0 : parsePort(flags.port, lang);
        const { startPreview } = await import('../serve/preview.js');
        let preview;
        try {
          preview = await startPreview(path.resolve(io.cwd, report), {
            port,
            ...(flags.templates ? { templateDirs: flags.templates.map((dir) => path.resolve(io.cwd, dir)) } : {}),
            describe: (diagnostics) => htmlDiagnostics(diagnostics, printOptions),
            onBuild: (diagnostics) => diagnostics.length > 0 && printDiagnostics(diagnostics),
          });
        } catch (cause) {
          if ((cause as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(say(lang, 'previewPortBusy', { port }));
          throw cause;
        }
        io.stdout(`${t(lang, 'previewListening', { url: preview.url })}\n`);
        // Runs until Ctrl-C; a session without one (a test, a script) stops it through the API instead.
        await new Promise<void>((resolve) => io.onInterrupt?.(resolve));
        await preview.close();
        io.stdout(`${t(lang, 'previewStopped')}\n`);
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
    await program.parseAsync(io.argv as string[], { from: 'user' });
  };

  try {
    await run();
    return exitCode;
  } catch (cause) {
    if (commander && cause instanceof commander.CommanderError) {
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
    // The first Ctrl-C lets the reports under way finish; a second one stops at once (every output
    // is still whole: they are replaced by renames, and an unfinished report is completed next time).
    onInterrupt: (handler) => {
      let count = 0;
      const listener = () => (++count === 1 ? handler() : process.exit(ExitCode.Interrupted));
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
  });
}
