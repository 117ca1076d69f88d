import type { FontSet } from '../schema/kinds.js';
import type { ReportFormat } from './printer.js';

/** The options of `build`, as commander gives them to its action. */
export interface BuildFlags {
  format?: string;
  out?: string;
  force?: boolean;
  templates?: string[];
  preset?: string;
  fonts?: FontSet;
  referenceDoc?: string;
  jobs?: string;
  shard?: string;
  quiet?: boolean;
  watch?: boolean;
}

/** The options of `check`, as commander gives them to its action. */
export interface CheckFlags {
  format: ReportFormat;
  strict?: boolean;
  templates?: string[];
  fix?: boolean;
  fixCopy?: boolean;
}

export type PlainInvocation = { command: 'build'; args: string[]; flags: BuildFlags } | { command: 'check'; args: string[]; flags: CheckFlags };

/** The options a plain invocation may hold: each option's flag, its key in the flags, and whether it takes a value. */
const PLAIN_OPTIONS = {
  build: { '-f': ['format', true], '--format': ['format', true], '-o': ['out', true], '--out': ['out', true], '--force': ['force', false], '-q': ['quiet', false], '--quiet': ['quiet', false] },
  check: { '--strict': ['strict', false] },
} as const satisfies Record<string, Record<string, readonly [string, boolean]>>;

/**
 * `build` and `check` as they are typed nearly always (`build 2023-h1.yaml -f docx -o out`), read
 * to the flags commander would give their actions; undefined for anything else (help, --lang, any
 * other option or form, a repeated option, a value that looks like an option), which commander reads.
 */
export function plainInvocation(argv: readonly string[]): PlainInvocation | undefined {
  const [command, ...rest] = argv;
  if (command !== 'build' && command !== 'check') return undefined;
  const options: Record<string, readonly [string, boolean]> = PLAIN_OPTIONS[command];
  const args: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith('-')) {
      args.push(token);
      continue;
    }
    const option = Object.hasOwn(options, token) ? options[token] : undefined;
    if (!option || Object.hasOwn(flags, option[0])) return undefined;
    if (!option[1]) {
      flags[option[0]] = true;
      continue;
    }
    const value = rest[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    flags[option[0]] = value;
  }
  return command === 'build' ? { command, args, flags: flags as BuildFlags } : { command, args, flags: { format: 'text', ...flags } };
}
