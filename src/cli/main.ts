import { Argument, Command, CommanderError, Option } from 'commander';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FILE_KINDS, type FileKind } from '../schema/kinds.js';
import { detectLang, type Lang } from '../diagnostics/lang.js';
import { DEFAULT_DOCX_PRESET, presetNames } from '../write/docx/presets.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../write/index.js';
import { ExitCode } from './exit-codes.js';
import { t } from './messages.js';
import { displayPath, formatDiagnostics, REPORT_FORMATS, useColor, type ReportFormat } from './printer.js';

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

function parseFormats(value: string, lang: Lang): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const format of formats) {
    if (!OUTPUT_FORMATS.includes(format as OutputFormat)) throw new UsageError(t(lang, 'badFormat', { value: format, known: OUTPUT_FORMATS.join(', ') }));
  }
  return formats as OutputFormat[];
}

function sourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
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

  const program = new Command('plan-report')
    .description(t(lang, 'programDescription'))
    .version(await packageVersion(), '-V, --version', t(lang, 'versionOption'))
    // Subcommands inherit the help option, its wording included.
    .helpOption('-h, --help', t(lang, 'helpOption'))
    .helpCommand('help [command]', t(lang, 'helpCommand'))
    .addOption(new Option('--lang <lang>', t(lang, 'langOption')).choices(['zh', 'en']))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => {}, outputError: () => {} });

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
      const { build } = await import('../build.js');
      const epoch = sourceDateEpoch(io.env);
      for (const file of files) {
        const result = await build(file, {
          formats,
          force: flags.force ?? false,
          ...(flags.out ? { outDir: flags.out } : {}),
          ...(flags.templates ? { templateDirs: flags.templates } : {}),
          ...(flags.preset ? { preset: flags.preset } : {}),
          ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
        });
        if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics);
        if (!result.ok) {
          io.stderr(`${t(lang, 'nothingWritten')}\n`);
          exitCode = ExitCode.UserError;
          continue;
        }
        for (const output of result.outputs) io.stdout(`${t(lang, output.status === 'written' ? 'wrote' : 'unchanged', { path: displayPath(output.path, io.cwd) })}\n`);
      }
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
    .command('schema')
    .description(t(lang, 'schemaDescription'))
    .addArgument(new Argument('[kind]', t(lang, 'schemaKindArgument')).choices(FILE_KINDS).default('report'))
    .action(async (kind: FileKind) => {
      const { jsonSchemaFor } = await import('../schema/json-schema.js');
      io.stdout(`${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
    });

  try {
    await program.parseAsync(io.argv as string[], { from: 'user' });
    return exitCode;
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.exitCode === 0) return ExitCode.Ok;
      io.stderr(`${t(lang, 'usageError', { detail: cause.message.replace(/^error: /, '') })}\n${t(lang, 'usageHint')}\n`);
      return ExitCode.Usage;
    }
    if (cause instanceof UsageError) {
      io.stderr(`${t(lang, 'usageError', { detail: cause.message })}\n${t(lang, 'usageHint')}\n`);
      return ExitCode.Usage;
    }
    io.stderr(`${t(lang, 'internalError')}\n${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    return ExitCode.Internal;
  }
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The process entry: bin/plan-report.js calls this. */
export async function main(): Promise<void> {
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
