import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/workspace.js';

function notesCopy(): string {
  const dir = path.join(tempDir(), 'notes');
  cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'fix', 'notes'), dir, { recursive: true });
  return dir;
}

describe('plan-report check --fix', () => {
  it('prints each fix at its place and a summary, then what is left; a second run writes nothing', () => {
    const dir = notesCopy();
    writeFileSync(path.join(dir, '草稿.md'), '# 工作总结\n\n代表們认为"有收获" \n');
    const run = runCli(['check', '--fix'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['2023-h1.yaml:13:37  ‘.’ 改为 ‘。’（halfwidth-punctuation）', '2023-h1.yaml:21:12  ‘2023年03月11日’ 改为 ‘2023年3月11日’（date-leading-zero）']);
    expect(run.stdout).toContain('草稿.md:3:3  ‘們’ 改为 ‘们’（traditional-characters）\n');
    expect(run.stdout.split('\n').slice(-3)).toEqual(['已修正 14 处，涉及 3 个文件。', '没有发现问题（检查了 4 个文件）。', '']);
    expect(run.status).toBe(0);
    const { mtimeMs } = statSync(path.join(dir, '草稿.md'));
    const again = runCli(['check', '--fix', '--lang', 'en'], { cwd: dir });
    expect(again.stdout).toBe('Nothing to fix.\nNo problems found (4 files checked).\n');
    expect(statSync(path.join(dir, '草稿.md')).mtimeMs).toBe(mtimeMs);
  });

  it('exits 1 when errors remain after fixing, as check does', () => {
    const dir = notesCopy();
    // A plans file no report draws on, checked on its own: its date is an error no fix touches.
    writeFileSync(path.join(dir, 'plans.yaml'), 'plans:\n  - { id: p1, goal: 完成代表培训--第一期, due: 2023/3/31 }\n');
    const run = runCli(['check', '--fix'], { cwd: dir });
    expect(run.stdout).toContain('plans.yaml:2:27  ‘--’ 改为 ‘——’（punctuation-form）\n');
    expect(run.stdout).toContain('已修正 12 处，涉及 3 个文件。\n');
    expect(run.stdout).toContain('[bad-date-suggest]');
    expect(run.status).toBe(1);
  });

  it('lists a Word file\'s fixes as proposals and writes a copy only with --fix-copy', async () => {
    const dir = tempDir();
    const doc = new Document({ sections: [{ children: [new Paragraph('工作总结'), new Paragraph('1、代表們参加培训。')] }] });
    writeFileSync(path.join(dir, '总结.docx'), await Packer.toBuffer(doc));
    const proposals = runCli(['check', '总结.docx', '--fix'], { cwd: dir });
    expect(proposals.stdout.split('\n').slice(0, 3)).toEqual([
      '总结.docx 第 2 段：‘1、’ 改为 ‘1.’（ordinal-form）',
      '总结.docx 第 2 段：‘們’ 改为 ‘们’（traditional-characters）',
      'Word 文档没有改动：以上 2 处修改建议请在 Word 中修改，或加 --fix-copy 另存修正后的副本。',
    ]);
    expect(proposals.status).toBe(0);
    const copy = runCli(['check', '总结.docx', '--fix-copy', '--lang', 'en'], { cwd: dir });
    expect(copy.stdout).toContain('wrote the fixed copy 总结.fixed.docx (2 fix(es))\n');
    expect(readFileSync(path.join(dir, '总结.fixed.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const refused = runCli(['check', '总结.docx', '--fix-copy', '--lang', 'en'], { cwd: dir });
    expect(refused.stderr).toContain('[fix-copy-exists]');
    expect(refused.status).toBe(1);
  });
});
