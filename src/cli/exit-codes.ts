/**
 * The process's exit codes, documented in the README. Only the CLI exits; the library returns.
 */
export const ExitCode = {
  /** Done; warnings allowed (unless --strict). */
  Ok: 0,
  /** Problems in the notes or the outputs of at least one report: its diagnostics were printed and
   * none of its outputs was changed (but for a PDF that LibreOffice could not make: the report's
   * other formats were written); the other reports of the run were built. */
  UserError: 1,
  /** The command line itself is wrong: an unknown option, a missing argument, no command, a bad
   * SOURCE_DATE_EPOCH. Nothing was built. */
  Usage: 2,
  /** A bug in plan-report: the stack trace is printed for the report. */
  Internal: 3,
  /** Stopped by Ctrl-C: the reports under way were finished, the rest not started (128 + SIGINT). */
  Interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
