import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { withCommentFingerprint } from '../src/write/fingerprint.js';
import { runCli } from './helpers/cli.js';
import { REPO_ROOT, tempDir } from './helpers/workspace.js';
import { oleFile } from './write/docx/reference-fixtures.js';

const SEEDS = path.join(REPO_ROOT, 'test', 'fixtures', 'drafts');

async function docxWith(...paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }));
}

/** A notes repo with a folder of drafts: one typed .txt, one .docx, and files that are not drafts. */
async function draftsRepo(): Promise<string> {
  const dir = tempDir();
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'drafts'));
  writeFileSync(path.join(dir, 'drafts', '总结.txt'), '上半年工作总结\n\n发放宣传资料多份。\n');
  writeFileSync(path.join(dir, 'drafts', '计划.docx'), await docxWith('下半年工作计划', '一、加强学习', '组织代表××活动，受理来信。'));
  writeFileSync(path.join(dir, 'drafts', 'README.md'), '# 说明\n\n这里放草稿，××不是问题。\n');
  writeFileSync(path.join(dir, 'CHANGELOG.md'), '# 变更\n\n- 修改了××。\n');
  // Word's owner file of 计划.docx while it is open: a few bytes, no zip.
  writeFileSync(path.join(dir, 'drafts', '~$计划.docx'), Buffer.from([0x05, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
  writeFileSync(path.join(dir, 'drafts', '2023-h1.md'), withCommentFingerprint('# 生成的报告\n\n由笔记生成，××来自笔记。\n'));
  return dir;
}

describe('check over drafts', () => {
  it('lints the drafts of a folder with file:line:column in text and the paragraph in a docx; README, CHANGELOG, Word owner files and built outputs are passed over', async () => {
    const dir = await draftsRepo();
    const run = runCli(['check', 'drafts'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('drafts/总结.txt:3:7: 警告 ');
    expect(run.stdout).toContain(' 3 | 发放宣传资料多份。\n   |             ^\n');
    expect(run.stdout).toContain('drafts/计划.docx:第 3 段: 警告 ');
    expect(run.stdout).toContain('[placeholder]\n  > 组织代表××活动，受理来信。\n');
    expect(run.stdout).not.toContain('README.md');
    expect(run.stdout).not.toContain('2023-h1.md');
    expect(run.stdout).toMatch(/0 个错误，2 个警告\n$/);
    const wholeRepo = runCli(['check'], { cwd: dir }).stdout;
    expect(wholeRepo).not.toContain('CHANGELOG.md');
    expect(wholeRepo).not.toContain('~$');
    expect(wholeRepo).toMatch(/0 个错误，2 个警告\n$/);
    expect(runCli(['check', 'drafts', '--strict'], { cwd: dir }).status).toBe(1);
  });

  it('says paragraph in English, and gives the paragraph and snippet, not a line, to tools and to GitHub', async () => {
    const dir = await draftsRepo();
    expect(runCli(['check', 'drafts/计划.docx', '--lang', 'en'], { cwd: dir }).stdout).toContain('drafts/计划.docx:paragraph 3: warning ');
    const json = JSON.parse(runCli(['check', 'drafts/计划.docx', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: 'placeholder', file: 'drafts/计划.docx', line: null, column: null, paragraph: 3, snippet: '组织代表××活动，受理来信。' })]);
    const github = runCli(['check', 'drafts/计划.docx', '--format', 'github'], { cwd: dir }).stdout;
    expect(github).toMatch(/^::warning file=drafts\/计划\.docx,title=placeholder::第 3 段 > 组织代表××活动，受理来信。%0A/);
  });

  it('checks a built output when it is named, and refuses a .doc with a clear error (exit 1)', async () => {
    const dir = await draftsRepo();
    expect(runCli(['check', 'drafts/2023-h1.md', '--format', 'json'], { cwd: dir }).stdout).toContain('"code": "placeholder"');
    writeFileSync(path.join(dir, '旧稿.doc'), oleFile('WordDocument'));
    const run = runCli(['check', '旧稿.doc'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('旧稿.doc:1:1: 错误 ');
    expect(run.stdout).toContain('[draft-legacy-doc]');
  });

  it('applies the rules of plan-report.yaml to drafts: a warning raised to an error fails the check', async () => {
    const dir = await draftsRepo();
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'rules:\n  placeholder: error\n');
    const run = runCli(['check', 'drafts'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('drafts/计划.docx:第 3 段: 错误 ');
  });
});

/** The seeds' defects named in issue 10, where each is in the seed texts checked as .txt drafts. */
describe('the seed pieces 篇(2)–篇(6) checked as drafts', () => {
  const expected: [string, number, number, string][] = [
    ['seed-2.txt', 1, 100, 'missing-number'], // 发放宣传资料多份
    ['seed-2.txt', 1, 107, 'missing-number'], // 多条
    ['seed-2.txt', 1, 112, 'missing-number'], // 余条
    ['seed-2.txt', 1, 172, 'missing-number'], // 家企业
    ['seed-2.txt', 3, 1, 'ordinal-sequence'], // 二、 with no 一、
    ['seed-2.txt', 5, 59, 'placeholder'], // ××
    ['seed-3.txt', 1, 1, 'ordinal-form'], // 1、 for 1.
    ['seed-3.txt', 5, 5, 'placeholder'], // 邀请__农业大学
    ['seed-3.txt', 13, 26, 'halfwidth-punctuation'], // 中升建机(__)
    ['seed-4.txt', 7, 39, 'placeholder'], // ×××
    ['seed-4.txt', 21, 3, 'garbled-text'], // ?shù)剡\
    ['seed-5.txt', 3, 1, 'duplicate-text'], // sections copied from 篇(4)
    ['seed-5.txt', 7, 237, 'placeholder'], // **
    ['seed-6.txt', 3, 1, 'duplicate-text'],
  ];

  it('catches each defect at its line and column', async () => {
    const dir = tempDir();
    cpSync(SEEDS, dir, { recursive: true });
    const found = (await check([dir])).diagnostics.map((d) => [path.basename(d.location!.file), d.location!.line, d.location!.column, d.code]);
    expect(found).toEqual(expect.arrayContaining(expected));
  });
});
