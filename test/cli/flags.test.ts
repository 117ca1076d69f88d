import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainInvocation } from '../../src/cli/flags.js';
import { runCli } from '../helpers/cli.js';
import { copyExample, listFiles } from '../helpers/workspace.js';

describe('plain invocations, read without commander', () => {
  it('reads build and check as typed nearly always, to the flags commander gives', () => {
    expect(plainInvocation(['build', '2023-h1.yaml', '-f', 'docx,md', '--out', '草稿', '--force', '-q'])).toEqual({
      command: 'build',
      args: ['2023-h1.yaml'],
      flags: { format: 'docx,md', out: '草稿', force: true, quiet: true },
    });
    expect(plainInvocation(['build'])).toEqual({ command: 'build', args: [], flags: {} });
    expect(plainInvocation(['check', 'a', '--strict', 'b'])).toEqual({ command: 'check', args: ['a', 'b'], flags: { format: 'text', strict: true } });
  });

  it('leaves everything else to commander', () => {
    const others = [[], ['--version'], ['explain', 'a.yaml'], ['build', '--help'], ['build', '-h'], ['build', '--lang', 'en'], ['build', '--format=md'], ['build', '-f'], ['build', '-f', '-q'],
      ['build', '-f', 'md', '-f', 'docx'], ['build', '--jobs', '2'], ['build', '--', 'a.yaml'], ['build', '-'], ['build', '-qf', 'md'], ['check', '--format', 'json'], ['check', '--fix'], ['check', '--force'], ['--lang', 'en', 'build']];
    for (const argv of others) expect(plainInvocation(argv), argv.join(' ')).toBeUndefined();
  });

  it('does what commander does with the same command line: output, messages, exit code and files', () => {
    // --lang zh (the language these runs get anyway) sends the same command through commander.
    const cases = [
      ['build', '2023-h1.yaml', '--format', 'md,html', '-o', 'out'],
      ['build', '2023-h1.yaml', '-f', 'pdfx'],
      ['build', 'missing.yaml', '-q'],
      ['check', '.', '--strict'],
      ['check', 'nope'],
    ];
    for (const argv of cases) {
      const plain = copyExample();
      const viaCommander = copyExample();
      const a = runCli(argv, { cwd: plain });
      const b = runCli([...argv, '--lang', 'zh'], { cwd: viaCommander });
      expect(a, argv.join(' ')).toEqual(b);
      expect(listFiles(plain), argv.join(' ')).toEqual(listFiles(viaCommander));
    }
    const built = copyExample();
    runCli(['build', '2023-h1.yaml', '-f', 'md', '-o', 'out'], { cwd: built });
    expect(readFileSync(path.join(built, 'out', '2023-h1.md'), 'utf8')).toContain('青溪街道');
  });
});
