/**
 * LibreOffice, found and run. The PDF writer converts its docx with it, so that the PDF is the docx
 * as an office suite lays it out; the layout tests use the same lookup.
 *
 * Where soffice is looked for, in order: the program PLAN_REPORT_SOFFICE names (and only it: a path
 * set on purpose that is wrong is a mistake to report, not to paper over), `soffice` or `libreoffice`
 * on PATH (with PATHEXT on Windows), then the folders the installers use.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, promises as fs, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SOFFICE_ENV = 'PLAN_REPORT_SOFFICE';

const COMMANDS = ['soffice', 'libreoffice'];
const MACOS_APP = '/Applications/LibreOffice.app/Contents/MacOS/soffice';
/** What PATHEXT is when unset, as cmd.exe assumes it. */
const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';
/** Node starts a .bat or .cmd only through a shell, which would re-parse the arguments: not used. */
const SPAWNABLE_EXTENSIONS = ['.com', '.exe'];

export interface SofficeSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Whether a file is there and may be run. */
  isProgram: (file: string) => boolean;
}

/** The program to run, or every place looked in (for the message that says it was not found). */
export type SofficeLookup = { program: string } | { searched: string[] };

export function isProgram(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The names a command may have in one folder: on Windows, each runnable PATHEXT extension. */
function commandNames(command: string, search: SofficeSearch): string[] {
  if (search.platform !== 'win32') return [command];
  const extensions = (search.env.PATHEXT || DEFAULT_PATHEXT).split(';').map((ext) => ext.toLowerCase());
  return extensions.filter((ext) => SPAWNABLE_EXTENSIONS.includes(ext)).map((ext) => command + ext);
}

/** The usual install locations of LibreOffice on this platform. */
function installLocations(search: SofficeSearch): string[] {
  if (search.platform === 'darwin') return [MACOS_APP];
  if (search.platform !== 'win32') return [];
  const roots = [search.env.ProgramFiles, search.env['ProgramFiles(x86)']].filter((root): root is string => Boolean(root));
  return roots.map((root) => path.win32.join(root, 'LibreOffice', 'program', 'soffice.exe'));
}

function onSearchPath(search: SofficeSearch): string | undefined {
  const join = search.platform === 'win32' ? path.win32.join : path.posix.join;
  const folders = (search.env.PATH ?? '').split(search.platform === 'win32' ? ';' : ':').filter(Boolean);
  for (const command of COMMANDS) {
    for (const folder of folders) {
      const found = commandNames(command, search)
        .map((name) => join(folder, name))
        .find(search.isProgram);
      if (found) return found;
    }
  }
  return undefined;
}

export function findSoffice(given: Partial<SofficeSearch> = {}): SofficeLookup {
  const search: SofficeSearch = { env: process.env, platform: process.platform, isProgram, ...given };
  const named = search.env[SOFFICE_ENV];
  if (named) return search.isProgram(named) ? { program: named } : { searched: [`${SOFFICE_ENV}=${named}`] };
  const found = onSearchPath(search) ?? installLocations(search).find(search.isProgram);
  return found ? { program: found } : { searched: ['PATH', ...installLocations(search)] };
}

/** Long enough for a long report on a slow machine; a hung LibreOffice must not hang a build. */
const CONVERSION_TIMEOUT_MS = 120_000;
/** The end of soffice's output kept for the message when it fails. */
const KEPT_OUTPUT = 4096;

export type ConversionFailure = { kind: 'timeout'; seconds: number } | { kind: 'failed'; detail: string };
export type Conversion = { pdf: Uint8Array } | { failure: ConversionFailure };

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The spawn itself failed: ENOENT, EACCES. */
  spawnError?: string;
  stderr: string;
}

/**
 * soffice on POSIX is a script that starts oosplash, which starts soffice.bin: the whole process
 * group must go. On Windows, taskkill ends the tree.
 */
function killTree(pid: number): void {
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * LibreOffice's locale changes the PDF: the catalogue's /Lang, and, on Linux, the fallback font for
 * the digits and Latin letters of a Chinese line when 仿宋 is missing (a CJK font under zh_CN, DejaVu
 * Sans under C, which also changes where lines break). The same notes must give the same PDF in any
 * user's locale, and these are Chinese reports: the profile's locale is zh-CN (REPORT_LOCALE_SETTING),
 * fontconfig's language zh-cn, and the C library's locale C.UTF-8. Not LC_ALL=zh_CN.UTF-8: where that
 * locale is not installed, LibreOffice falls back to ASCII and cannot open a path with Chinese in it.
 */
function sofficeEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // On Windows and macOS LibreOffice takes neither its locale from these variables nor its fonts from
  // fontconfig; the profile's setting pins it there.
  if (process.platform === 'win32' || process.platform === 'darwin') return env;
  return { ...env, LC_ALL: 'C.UTF-8', FC_LANG: 'zh-cn' };
}

const REPORT_LOCALE_SETTING = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>zh-CN</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice profile whose locale setting is zh-CN, whatever the system's. */
async function newProfile(folder: string): Promise<string> {
  await fs.mkdir(path.join(folder, 'user'), { recursive: true });
  await fs.writeFile(path.join(folder, 'user', 'registrymodifications.xcu'), REPORT_LOCALE_SETTING);
  return `-env:UserInstallation=${pathToFileURL(folder).href}`;
}

function run(program: string, args: string[], timeoutMs: number): Promise<Exit> {
  return new Promise((resolve) => {
    // Its own process group: Ctrl-C in the terminal lets a conversion under way finish (as build
    // finishes the reports under way), and a timeout can end the whole tree.
    const child = spawn(program, args, {
      env: sofficeEnvironment(process.env),
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let stderr = '';
    let timedOut = false;
    let spawnError: string | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-KEPT_OUTPUT)));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killTree(child.pid);
    }, timeoutMs);
    child.on('error', (cause: NodeJS.ErrnoException) => (spawnError = cause.code ?? cause.message));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stderr, ...(spawnError ? { spawnError } : {}) });
    });
  });
}

/** soffice's own words about the failure (its warnings left out), else how it ended. */
function failureDetail(exit: Exit): string {
  if (exit.spawnError) return exit.spawnError;
  const said = exit.stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Warning:'))
    .join(' ');
  const ended = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  return said ? `${said} (${ended})` : ended;
}

async function readIfPresent(file: string): Promise<Uint8Array | undefined> {
  try {
    return await fs.readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * Converts a docx to PDF with `program`, in a temporary folder removed afterwards. Each conversion
 * has a LibreOffice profile of its own: a running LibreOffice or a locked profile does not block it,
 * and the conversions of a batch's worker threads do not share one.
 */
export async function convertDocxToPdf(program: string, docx: Uint8Array, timeoutMs = CONVERSION_TIMEOUT_MS): Promise<Conversion> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'plan-report-pdf-'));
  try {
    const input = path.join(work, 'report.docx');
    const outDir = path.join(work, 'pdf');
    await fs.writeFile(input, docx);
    const profile = await newProfile(path.join(work, 'profile'));
    const exit = await run(program, [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, input], timeoutMs);
    if (exit.timedOut) return { failure: { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) } };
    const pdf = exit.code === 0 ? await readIfPresent(path.join(outDir, 'report.pdf')) : undefined;
    return pdf ? { pdf } : { failure: { kind: 'failed', detail: failureDetail(exit) } };
  } finally {
    // A temporary folder that cannot be removed (Windows still holding a file) is not worth failing for.
    await fs.rm(work, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}
