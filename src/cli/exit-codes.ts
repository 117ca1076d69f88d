/**
 * The process's exit codes, documented in the README. Only the CLI exits; the library returns.
 */
export const ExitCode = {
  /** Done; warnings allowed (unless --strict). */
  Ok: 0,
  /** Problems in the notes or the outputs: diagnostics were printed, nothing was written. */
  UserError: 1,
  /** The command line itself is wrong: an unknown option, a missing argument. */
  Usage: 2,
  /** A bug in plan-report: the stack trace is printed for the report. */
  Internal: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
