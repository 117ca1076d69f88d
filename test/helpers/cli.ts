import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './workspace.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.join(REPO_ROOT, 'bin', 'plan-report.js');

/** Runs the installed command as a user would (the compiled dist, via bin/), without colour. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', ...options.env },
    encoding: 'utf8',
    // A command that hangs fails its test instead of holding the whole run (spawnSync cannot be interrupted).
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user never sees a stack trace for their own mistake. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]\d+/m.test(text);
}
