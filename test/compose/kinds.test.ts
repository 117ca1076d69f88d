import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { REPO_ROOT, tempDir } from '../helpers/workspace.js';

/** One small notes repo, one report per kind (test/fixtures/kinds). */
const KINDS = path.join(REPO_ROOT, 'test', 'fixtures', 'kinds');

/** The built Markdown of a report of the kinds repo (trailer dropped), and its diagnostics as code@file:line:col. */
async function markdownOf(report: string, templateDirs: string[] = []): Promise<{ markdown: string; codes: string[] }> {
  const out = tempDir();
  const result = await build(path.join(KINDS, report), { formats: ['md'], outDir: out, templateDirs });
  const codes = result.diagnostics.map((d) => `${d.code}@${d.location ? `${path.relative(KINDS, d.location.file)}:${d.location.line}:${d.location.column}` : ''}`);
  if (!result.ok) return { markdown: '', codes };
  return { markdown: readFileSync(path.join(out, report.replace(/\.yaml$/, '.md')), 'utf8').replace(/\n<!--[\s\S]*$/, '\n'), codes };
}

describe('report kinds', () => {
  it('half-year-summary: the plans\' status, 存在的问题 as a section, 附件, activities of 30 June counted in H1 only', async () => {
    const { markdown, codes } = await markdownOf('2023-h1.yaml');
    expect(markdown).toContain('# 青溪街道人大工委2023年上半年工作总结');
    // 2023-06-30 is in H1, 2023-07-01 is not.
    expect(markdown).toContain('上半年开展述职1次，3人参加。');
    expect(markdown).toContain('一是研究制定全年工作计划。已完成，开展相关活动1次。二是分批开展代表述职。正在推进，开展相关活动1次。');
    expect(markdown).toContain('一是建设代表之家。正在推进，建成代表之家3个，目标4个，完成率75%。');
    expect(markdown).toContain('## 三、存在的问题\n\n一是代表活动形式还不够丰富。二是联系选民的渠道有待拓宽。');
    expect(markdown).toContain('附件：代表活动安排表');
    expect(codes).toEqual(['unknown-section@plans/2023.yaml:5:102']);
  });

  it('annual-summary: `period: 2023` unquoted, the whole year counted, numbered attachments, a plan due with nothing recorded', async () => {
    const { markdown, codes } = await markdownOf('2023.yaml');
    expect(markdown).toContain('# 青溪街道人大工委2023年工作总结');
    expect(markdown).toContain('全年开展述职2次，7人参加，活动4次。');
    expect(markdown).toContain('二是分批开展代表述职。已完成，开展相关活动2次。');
    expect(markdown).toContain('附件：1.代表活动安排表');
    expect(markdown).toContain('2\\.代表之家名单');
    expect(codes).toContain('plan-no-progress@plans/2023.yaml:5:61');
  });

  it('work-plan: the plans files\' items under their sections, with measures, target, unit and time limit; title-word', async () => {
    const { markdown, codes } = await markdownOf('2024.yaml');
    expect(codes).toEqual([]);
    expect(markdown).toContain('# 青溪街道人大工委2024年工作要点');
    expect(markdown).toContain(
      '## 一、加强监督工作\n\n一是组织代表视察。每季度视察一次。责任单位：工委办公室；完成时限：2024年12月31日前。二是新建代表之家。建成代表之家目标4个；完成时限：2024年6月30日前。',
    );
  });

  it('summary-and-plan: two periods in one document, the plan part one level down over its own period\'s notes', async () => {
    const { markdown, codes } = await markdownOf('2023-h1-and-plan.yaml');
    expect(markdown).toContain('# 青溪街道人大工委2023年上半年工作总结和下半年工作计划');
    expect(markdown).toContain('上半年开展述职1次。');
    // The plan part's prose sees H2: the述职 of 1 July.
    expect(markdown).toContain('## 三、下半年工作计划\n\n下半年开展述职1次以上。\n\n### （一）加强代表培训\n\n一是组织代表培训。邀请专家授课。');
    // deputy-reports is due in H2 but its section lists no plans: it would be left out.
    expect(codes).toContain('plan-unplaced@plans/2023.yaml:3:69');
  });

  it('summary-and-plan starting at （一）: 存在的问题 and the plan part stand at that level, the plan\'s sections one below', async () => {
    const dir = tempDir();
    for (const sub of ['activities', 'metrics', 'plans']) mkdirSync(path.join(dir, sub));
    for (const file of ['activities/2023.yaml', 'metrics/2023.yaml', 'plans/2023.yaml']) writeFileSync(path.join(dir, file), readFileSync(path.join(KINDS, file)));
    const report = readFileSync(path.join(KINDS, '2023-h1-and-plan.yaml'), 'utf8').replace('  kind: summary-and-plan\n', '  kind: summary-and-plan\n  numbering: （一）\n');
    writeFileSync(path.join(dir, 'report.yaml'), report);
    const out = tempDir();
    const result = await build(path.join(dir, 'report.yaml'), { formats: ['md'], outDir: out });
    expect(result.ok).toBe(true);
    const headings = readFileSync(path.join(out, 'report.md'), 'utf8').split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# 青溪街道人大工委2023年上半年工作总结和下半年工作计划',
      '### （一）代表活动',
      '### （二）存在的问题',
      '### （三）下半年工作计划',
      '#### 1.加强代表培训',
    ]);
  });

  it('speech: no title of its own and no signature', async () => {
    const { markdown, codes } = await markdownOf('speech.yaml');
    expect(codes).toEqual([]);
    expect(markdown.startsWith('下面，我再谈三点想法：')).toBe(true);
    expect(markdown).not.toContain('青溪区政协');
  });

  it('a user folder overrides one partial of a built-in kind, and only that part changes', async () => {
    const before = await markdownOf('2024.yaml');
    const templates = tempDir();
    mkdirSync(path.join(templates, 'work-plan', 'partials'), { recursive: true });
    writeFileSync(path.join(templates, 'work-plan', 'partials', 'signature.hbs'), '::: signature\n{{org}}办公室\n{{dateText}}\n:::\n');
    const after = await markdownOf('2024.yaml', [templates]);
    expect(after.markdown).toBe(before.markdown.replace('青溪街道人大工委\\\n2024年', '青溪街道人大工委办公室\\\n2024年'));
    // Another kind keeps the built-in signature.
    expect((await markdownOf('2023-h1.yaml', [templates])).markdown).toContain('青溪街道人大工委\\\n2023年7月5日');
  });

  it('a template error names the template file and its line', async () => {
    const templates = tempDir();
    mkdirSync(path.join(templates, 'partials'));
    writeFileSync(path.join(templates, 'partials', 'closing.hbs'), '{{#if next}}\n{{next}}\n\n{{/each}}\n');
    const result = await build(path.join(KINDS, '2024.yaml'), { formats: ['md'], outDir: tempDir(), templateDirs: [templates] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ code: 'template-error', location: { file: path.join(templates, 'partials', 'closing.hbs'), line: 1 } }]);
  });
});
