import { cpSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareReport } from '../../src/build.js';
import type { ReportDocument, TitleBlock } from '../../src/document/ast.js';
import { breakTitle, fitTitles } from '../../src/document/transforms/title-lines.js';
import { gbt9704, plain, titleLineChars } from '../../src/write/docx/presets.js';
import { EXAMPLE_DIR, editFile, tempDir } from '../helpers/workspace.js';

/** 二号 across GB/T 9704's 156 mm type area. */
const GBT9704_LINE = titleLineChars(gbt9704);

/**
 * The width of a line as Word and LibreOffice set it, in title characters: CJK 1, digits and
 * Latin letters up to 0.64 (Noto Sans CJK's digits), and 0.25 between a Chinese character and a
 * digit (the space both editors add). Written out here as the specification the lines must meet.
 */
function printedWidth(line: string): number {
  let width = 0;
  let previous = '';
  for (const char of line) {
    const narrow = /[\x20-\x7e]/.test(char);
    const spaced = (/\p{Script=Han}/u.test(previous) && /[0-9A-Za-z]/.test(char)) || (/[0-9A-Za-z]/.test(previous) && /\p{Script=Han}/u.test(char));
    width += (narrow ? 0.64 : 1) + (spaced ? 0.25 : 0);
    previous = char;
  }
  return width;
}

const ORG = '青溪街道人大工委';

describe('breakTitle: GB/T 9704 7.3.1, between words, 梯形 or 菱形', () => {
  it.each([
    // The examples' default titles fit on one line, the long ones do not.
    ['青溪街道人大工委2023年上半年工作总结', ORG, ['青溪街道人大工委2023年上半年工作总结']],
    ['青溪社区居民委员会2023年工作总结', '青溪社区居民委员会', ['青溪社区居民委员会2023年工作总结']],
    ['青溪街道办事处2024年工作要点', '青溪街道办事处', ['青溪街道办事处2024年工作要点']],
    // 20 characters, but the digits and the space before and after them make it wider than a line.
    ['青溪街道人大工委2023年上半年工作总结汇报', ORG, ['青溪街道人大工委', '2023年上半年工作总结汇报']],
    // 发文机关 / 时限 + 事由 + 文种: the org whole, the period whole, 梯形.
    ['青溪街道城市管理办公室2023年上半年工作总结和下半年工作计划', '青溪街道城市管理办公室', ['青溪街道城市管理办公室', '2023年上半年工作总结和下半年工作计划']],
    ['青溪县人大常委会2023年第三季度工作情况汇报', '青溪县人大常委会', ['青溪县人大常委会', '2023年第三季度工作情况汇报']],
    // Three lines, 菱形: the org on the first, 关于 opening the second.
    [
      '青溪市青溪区青溪街道办事处关于2023年上半年工作总结和下半年工作计划的报告',
      '青溪市青溪区青溪街道办事处',
      ['青溪市青溪区青溪街道办事处', '关于2023年上半年工作总结', '和下半年工作计划的报告'],
    ],
    [
      '青溪街道人大工委关于2023年上半年开展“双联双述双接待”活动和代表之家建设情况的报告',
      ORG,
      ['青溪街道人大工委', '关于2023年上半年开展“双联双述双接待”', '活动和代表之家建设情况的报告'],
    ],
    // A quoted name is not broken, nor are 党风 and 廉政 parted (the dictionary knows neither).
    ['青溪街道2023年度“双联双述双接待”活动开展情况的总结', '', ['青溪街道2023年度', '“双联双述双接待”活动开展情况的总结']],
    ['中共青溪市委员会2023年度党风廉政建设责任制落实情况的报告', '中共青溪市委员会', ['中共青溪市委员会2023年度', '党风廉政建设责任制落实情况的报告']],
    ['关于进一步加强和改进新时代人大代表工作的实施意见', '', ['关于进一步加强和改进', '新时代人大代表工作的实施意见']],
    ['青溪区人民政府办公室关于印发《青溪区2024年政务公开工作要点》的通知', '青溪区人民政府办公室', ['青溪区人民政府办公室关于印发', '《青溪区2024年政务公开工作要点》的通知']],
    // An org longer than a line is broken between its own words, never inside 常务委员会 or 人民代表大会.
    [
      '青溪市青溪区人民代表大会常务委员会办公室关于召开第十三届人民代表大会第一次会议筹备工作会议的通知',
      '青溪市青溪区人民代表大会常务委员会办公室',
      ['青溪市青溪区人民代表大会常务委员会', '办公室关于召开第十三届人民代表大会', '第一次会议筹备工作会议的通知'],
    ],
  ])('%s', (title, org, expected) => {
    expect(breakTitle(title, { lineChars: GBT9704_LINE, keepWhole: org ? [org] : [] })).toEqual({ lines: expected, brokenWords: [] });
  });

  it('never parts 工作 from 计划, 2023 from 年, a bracket from its text, or a mark from the word before it', () => {
    const at = (title: string, lineChars: number) => breakTitle(title, { lineChars }).lines;
    // Each would be the balanced break if words were not kept whole.
    expect(at('青溪单位工作计划', 6)).toEqual(['青溪单位', '工作计划']);
    expect(at('青溪单位2023年', 5)).toEqual(['青溪单位', '2023年']);
    expect(at('甲乙丙丁（戊己）庚辛', 7)).toEqual(['甲乙丙丁', '（戊己）庚辛']);
    expect(at('关于甲乙、丙丁、戊己的报告', 8)).toEqual(['关于甲乙、', '丙丁、戊己的报告']);
  });

  it('keeps 2023年上半年 together, at the cost of a line more', () => {
    // Two lines would be 青溪街道2023年 / 上半年代表工作和下半年安排.
    expect(breakTitle('青溪街道2023年上半年代表工作和下半年安排', { lineChars: 12 }).lines).toEqual(['青溪街道', '2023年上半年代表', '工作和下半年安排']);
  });

  it('counts no space before a digit that starts a line', () => {
    // 2023年 is 3.81 characters wide on a line of its own, 4.06 after a Chinese character.
    expect(breakTitle('青溪街道2023年青溪街道', { lineChars: 4 }).lines).toEqual(['青溪街道', '2023年', '青溪街道']);
  });

  it('breaks at a space between Latin words and drops the space', () => {
    expect(breakTitle('Annual Report 2023 of the Office of the People\'s Congress', { lineChars: 20 })).toEqual({
      lines: ['Annual Report 2023 of the', 'Office of the People\'s Congress'],
      brokenWords: [],
    });
  });

  it('breaks a word longer than a line inside as a last resort, and names it', () => {
    const url = 'https://example.org/plan-report/a-very-long-path-without-any-word-breaks';
    const result = breakTitle(`青溪街道人大工委${url.replace(/[/:.-]/g, 'x')}的报告`, { lineChars: 20 });
    expect(result.brokenWords).toHaveLength(1);
    expect(result.lines.join('')).toBe(`青溪街道人大工委${url.replace(/[/:.-]/g, 'x')}的报告`);
    for (const line of result.lines) expect(printedWidth(line)).toBeLessThanOrEqual(20);
  });

  it('fills the lines of an absurdly long title', () => {
    const title = '青溪街道人大工委关于2023年上半年工作总结的报告'.repeat(2000);
    const { lines } = breakTitle(title, { lineChars: GBT9704_LINE, keepWhole: [ORG] });
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(printedWidth(line)).toBeLessThanOrEqual(GBT9704_LINE);
  });

  const WORDS = ['青溪街道', '人大工委', '关于', '2023年', '上半年', '工作总结', '和', '下半年', '工作计划', '的', '报告', '“双联双述”', '《代表法》', '（征求意见稿）', '、', '代表之家', '建设', '情况', 'Word', ' '];

  it('gives lines that each fit, lose nothing, and neither start with a closing mark nor end with an opening one, for any title', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }), fc.integer({ min: 4, max: 24 }), (words, lineChars) => {
        const title = words.join('').trim().replace(/ {2,}/g, ' ');
        fc.pre(title !== '');
        const { lines, brokenWords } = breakTitle(title, { lineChars, keepWhole: [ORG] });
        expect(lines.join('').replace(/ /g, '')).toBe(title.replace(/ /g, ''));
        for (const line of lines) {
          expect(line).not.toBe('');
          if (lines.length > 1) expect(printedWidth(line)).toBeLessThanOrEqual(lineChars);
        }
        if (brokenWords.length === 0) {
          lines.slice(1).forEach((line, i) => {
            expect(line).not.toMatch(/^[”’）》、，。；：！？]/);
            expect(lines[i]).not.toMatch(/[“‘（《]$/);
            expect(`${lines[i]}|${line}`).not.toMatch(/\d\|年|工作\|(?:总结|计划)/);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fitTitles', () => {
  const document = (title: TitleBlock): ReportDocument => ({
    meta: { title: title.text, org: ORG, date: '2023-07-05' },
    blocks: [title, { type: 'paragraph', content: [{ type: 'text', text: '正文。' }] }],
  });
  const origin = { file: '/notes/2023-h1.yaml', line: 6, column: 10 };

  it('gives every title its printed lines and leaves the text and the other blocks as they were', () => {
    const doc = document({ type: 'title', text: '青溪街道城市管理办公室2023年上半年工作总结和下半年工作计划' });
    const { document: fitted, diagnostics } = fitTitles(doc, { lineChars: GBT9704_LINE, keepWhole: ['青溪街道城市管理办公室'] });
    expect(diagnostics).toEqual([]);
    expect(fitted.blocks).toEqual([
      { type: 'title', text: '青溪街道城市管理办公室2023年上半年工作总结和下半年工作计划', lines: ['青溪街道城市管理办公室', '2023年上半年工作总结和下半年工作计划'] },
      doc.blocks[1],
    ]);
  });

  it('keeps the lines the notes gave, however short', () => {
    const given: TitleBlock = { type: 'title', text: '青溪街道人大工委2023年上半年工作总结', lines: ['青溪街道人大工委', '2023年上半年工作总结'], origin };
    const { document: fitted, diagnostics } = fitTitles(document(given), { lineChars: GBT9704_LINE });
    expect(diagnostics).toEqual([]);
    expect(fitted.blocks[0]).toEqual(given);
  });

  it('breaks a given line that does not fit, with a warning at the title', () => {
    const given: TitleBlock = { type: 'title', text: '青溪街道关于2023年上半年开展代表联系选民和视察调研工作情况的报告', lines: ['青溪街道', '关于2023年上半年开展代表联系选民和视察调研工作情况的报告'], origin };
    const { document: fitted, diagnostics } = fitTitles(document(given), { lineChars: GBT9704_LINE });
    expect((fitted.blocks[0] as TitleBlock).lines).toEqual(['青溪街道', '关于2023年上半年开展代表', '联系选民和视察调研工作情况的报告']);
    expect(diagnostics).toEqual([
      {
        code: 'title-line-too-long',
        severity: 'warning',
        params: { line: '关于2023年上半年开展代表联系选民和视察调研工作情况的报告', index: 2, max: 20 },
        location: { file: '/notes/2023-h1.yaml', line: 6, column: 10 },
      },
    ]);
  });

  it('warns once about a word broken inside, naming it', () => {
    const word = 'X'.repeat(40);
    const { diagnostics } = fitTitles(document({ type: 'title', text: `青溪街道${word}`, origin }), { lineChars: GBT9704_LINE });
    expect(diagnostics.map((d) => [d.code, d.params, d.location?.line])).toEqual([['title-word-broken', { word, max: 20 }, 6]]);
  });
});

describe('title lines in the pipeline', () => {
  /** The example notes with another report.title (YAML as written). */
  function exampleTitled(title: string): string {
    const dir = path.join(tempDir(), '笔记');
    cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (source) => !/\.(docx|md)$/.test(source) });
    editFile(path.join(dir, '2023-h1.yaml'), /^  date: 2023-07-05$/m, `  date: 2023-07-05\n  title: ${title}`);
    return path.join(dir, '2023-h1.yaml');
  }

  const titleOf = (doc: ReportDocument | undefined) => doc?.blocks.find((block): block is TitleBlock => block.type === 'title');

  it('takes report.title as a list of lines, each rendered as prose and located, and joins them for the text', async () => {
    const report = exampleTitled('\n    - 青溪街道人大工委\n    - "{{year}}年上半年工作总结"');
    const { document, diagnostics } = await prepareReport(report);
    expect(diagnostics).toEqual([]);
    expect(titleOf(document)).toEqual({
      type: 'title',
      text: '青溪街道人大工委2023年上半年工作总结',
      lines: ['青溪街道人大工委', '2023年上半年工作总结'],
      origin: { file: report, line: 13, column: 7 },
    });
    expect(document?.meta.title).toBe('青溪街道人大工委2023年上半年工作总结');
  });

  it('says which item of a title list is wrong', async () => {
    const report = exampleTitled('[青溪街道人大工委, "{{metric \\"cardz\\"}}"]');
    const { diagnostics } = await prepareReport(report);
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['unknown-metric-suggest', 12, 22]]);
  });

  it('breaks a long title at the width of the preset it is built with', async () => {
    // 二号 across 156 mm holds 20.1 characters; the plain preset's 小二 across 146.6 mm, 23.1.
    expect(titleLineChars(plain)).toBeCloseTo(23.09, 2);
    const report = exampleTitled('青溪街道人大工委2023年上半年工作总结汇报');
    expect(titleOf((await prepareReport(report)).document)?.lines).toEqual(['青溪街道人大工委', '2023年上半年工作总结汇报']);
    expect(titleOf((await prepareReport(report, { preset: 'plain' })).document)?.lines).toEqual(['青溪街道人大工委2023年上半年工作总结汇报']);
  });
});
