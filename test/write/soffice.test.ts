import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocxToPdf, findSoffice, isProgram } from '../../src/write/soffice.js';
import { tempDir } from '../helpers/workspace.js';

/** A lookup over a made-up machine: only the listed files are programs. */
function lookup(platform: NodeJS.Platform, env: Record<string, string>, programs: string[]) {
  return findSoffice({ platform, env, isProgram: (file) => programs.includes(file) });
}

describe('findSoffice', () => {
  it('takes the program PLAN_REPORT_SOFFICE names, before PATH', () => {
    expect(lookup('linux', { PLAN_REPORT_SOFFICE: '/opt/lo/soffice', PATH: '/usr/bin' }, ['/opt/lo/soffice', '/usr/bin/soffice'])).toEqual({ program: '/opt/lo/soffice' });
  });

  it('reports a PLAN_REPORT_SOFFICE that names no program, rather than use another soffice', () => {
    expect(lookup('linux', { PLAN_REPORT_SOFFICE: '/opt/lo/soffice', PATH: '/usr/bin' }, ['/usr/bin/soffice'])).toEqual({ searched: ['PLAN_REPORT_SOFFICE=/opt/lo/soffice'] });
  });

  it('finds soffice, else libreoffice, on PATH', () => {
    expect(lookup('linux', { PATH: '/a:/b' }, ['/b/soffice', '/a/libreoffice'])).toEqual({ program: '/b/soffice' });
    expect(lookup('linux', { PATH: '/a:/b' }, ['/a/libreoffice'])).toEqual({ program: '/a/libreoffice' });
  });

  it('on Windows, splits PATH at ; and tries the runnable PATHEXT extensions in their order, never a .bat', () => {
    const env = { PATH: 'C:\\Tools;D:\\LO\\program', PATHEXT: '.BAT;.COM;.EXE' };
    expect(lookup('win32', env, ['C:\\Tools\\soffice.bat', 'D:\\LO\\program\\soffice.exe', 'D:\\LO\\program\\soffice.com'])).toEqual({ program: 'D:\\LO\\program\\soffice.com' });
    expect(lookup('win32', env, ['C:\\Tools\\soffice.bat'])).toEqual({ searched: ['PATH'] });
  });

  it('falls back to the install folders of Windows and macOS', () => {
    const windows = { PATH: '', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
    expect(lookup('win32', windows, ['C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'])).toEqual({ program: 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe' });
    expect(lookup('win32', windows, [])).toEqual({
      searched: ['PATH', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
    });
    const mac = '/Applications/LibreOffice.app/Contents/MacOS/soffice';
    expect(lookup('darwin', { PATH: '/usr/bin' }, [mac])).toEqual({ program: mac });
    expect(lookup('darwin', { PATH: '/usr/bin' }, [])).toEqual({ searched: ['PATH', mac] });
    expect(lookup('linux', { PATH: '/usr/bin' }, [])).toEqual({ searched: ['PATH'] });
  });
});

describe.skipIf(process.platform === 'win32')('isProgram', () => {
  it('is true for an executable file only', () => {
    const dir = tempDir();
    const file = (name: string, mode: number) => {
      writeFileSync(path.join(dir, name), '#!/bin/sh\n');
      chmodSync(path.join(dir, name), mode);
      return path.join(dir, name);
    };
    mkdirSync(path.join(dir, 'folder'));
    expect([isProgram(file('run', 0o755)), isProgram(file('text', 0o644)), isProgram(path.join(dir, 'folder')), isProgram(path.join(dir, 'missing'))]).toEqual([true, false, false, false]);
  });
});

/** An executable shell script standing in for soffice. */
function fakeSoffice(body: string): string {
  const file = path.join(tempDir(), 'soffice');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const DOCX = new TextEncoder().encode('not really a docx');

/** Whether a process runs; a killed one whose parent is gone may stay a zombie where PID 1 does not reap. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = process.platform === 'linux' ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe.skipIf(process.platform === 'win32')('convertDocxToPdf', () => {
  it('runs soffice headless with a profile of its own per conversion, reads the PDF and removes its temporary folder', async () => {
    const log = path.join(tempDir(), 'args');
    // The fake records its arguments and "converts" by copying the docx: $7 is the outdir, $8 the input.
    const program = fakeSoffice(`echo "$@" >> '${log}'\nmkdir -p "$7" && cp "$8" "$7/report.pdf"`);
    const [first, second] = await Promise.all([convertDocxToPdf(program, DOCX), convertDocxToPdf(program, DOCX)]);
    expect(first).toEqual({ pdf: Buffer.from(DOCX) });
    expect(second).toEqual(first);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' '));
    for (const args of calls) {
      expect(args.slice(1, 6)).toEqual(['--headless', '--norestore', '--convert-to', 'pdf', '--outdir']);
      expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.+\/profile$/);
      expect(existsSync(path.dirname(args[7]!))).toBe(false);
    }
    expect(calls[0]![0]).not.toBe(calls[1]![0]);
  });

  it('gives soffice\'s own error, without its warnings, and how it ended', async () => {
    const program = fakeSoffice(`echo 'Warning: failed to launch javaldx - java may not function correctly' >&2\necho 'Error: source file could not be loaded' >&2\nexit 1`);
    expect(await convertDocxToPdf(program, DOCX)).toEqual({ failure: { kind: 'failed', detail: 'Error: source file could not be loaded (exit code 1)' } });
    expect(await convertDocxToPdf(fakeSoffice('exit 0'), DOCX)).toEqual({ failure: { kind: 'failed', detail: 'exit code 0' } });
    expect(await convertDocxToPdf(path.join(tempDir(), 'gone'), DOCX)).toEqual({ failure: { kind: 'failed', detail: 'ENOENT' } });
  });

  it('stops a soffice that hangs, with every process it started', async () => {
    const pidFile = path.join(tempDir(), 'pid');
    const program = fakeSoffice(`sleep 60 &\necho $! > '${pidFile}'\nwait`);
    expect(await convertDocxToPdf(program, DOCX, 1500)).toEqual({ failure: { kind: 'timeout', seconds: 2 } });
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    expect(isRunning(sleeper)).toBe(false);
  });
});
