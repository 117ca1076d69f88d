import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { attr, elements, paragraphsWithText, readDocx, styleById, textOf } from '../helpers/docx.js';
import { tempDir } from '../helpers/workspace.js';

/**
 * Every level of GB/T 9704 §7.3.3 and of the seeds, written in the notes and numbered by the
 * program: nesting 一、（一）1.（1） with resets, headings on their own line or run in, several
 * runs of points in different families, points one paragraph each, bold leads, leads without
 * numbers, and a report that starts at 1. (篇(3)).
 */
const HEAD = `report:
  org: 青溪街道人大工委
  kind: half-year-summary
  period: 2023-H1
  date: 2023-07-05
activities:
  - { date: 2023-03-11, title: 召开会议, tags: [会议] }
  - { date: 2023-04-13, title: 召开专题会议, tags: [会议] }
`;

const NESTED = `${HEAD}intro: 现将有关情况报告如下：
sections:
  - title: 围绕中心，履职尽责
    text: 街道人大工委紧紧围绕中心工作。
    sections:
      - lead: 加快追赶超越，经济发展持续向好
        text: 上半年共召开会议{{count tag="会议"}}次。
        sequence: 第一
        points: [抓学习。, 抓调研。]
        sections:
          - title: 组织开展科普宣传周活动
            sections:
              - lead: 广泛宣传
                text: 悬挂横幅8条。
              - lead: '{{year}}年进校园'
                text: 邀请学生参加。
          - lead: 开展“防震减灾”宣传
            text: 通过展板宣传。
      - title: 强化代表履职
        runs:
          - text: 对于委组的地位和作用，我们要有这样的认识：
            sequence: 第一
            layout: paragraphs
            points: [它是创新。, 它是延伸。, 它是拓展。]
          - sequence: 首先
            points: [学习。, 调研。, 督办。]
          - sequence: none
            bold: true
            points:
              - { lead: 双联, text: 发放连心卡。 }
              - { lead: 双述, text: 开展述职。 }
  - title: 存在的问题
    bold: true
    points:
      - { lead: 学习不够, text: 有待加强。 }
      - { lead: 调研不深, text: 有待深入。, bold: false }
next: 下半年，我们将继续努力。
`;

/** A notes repo holding one report file; returns the report's path. */
function notesRepo(report: string): string {
  const dir = path.join(tempDir(), '笔记');
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  writeFileSync(path.join(dir, '2023-h1.yaml'), report);
  return path.join(dir, '2023-h1.yaml');
}

async function built(report: string, formats: ('md' | 'docx')[] = ['md']) {
  const file = notesRepo(report);
  const out = tempDir();
  const result = await build(file, { formats, outDir: out });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { markdown: formats.includes('md') ? readFileSync(path.join(out, '2023-h1.md'), 'utf8') : '', docx: formats.includes('docx') ? path.join(out, '2023-h1.docx') : '' };
}

/** The Markdown's blocks, without the fingerprint trailer. */
function blocks(markdown: string): string[] {
  return markdown.replace(/\n<!-- plan-report[^\n]*\n$/, '').trim().split('\n\n');
}

describe('structure: every level, numbered by the program', () => {
  it('nests 一、（一）1.（1）, restarts each level below a higher one, and runs leads into their paragraphs', async () => {
    const { markdown } = await built(NESTED);
    expect(blocks(markdown)).toEqual([
      '# 青溪街道人大工委2023年上半年工作总结',
      '现将有关情况报告如下：',
      '## 一、围绕中心，履职尽责',
      '街道人大工委紧紧围绕中心工作。',
      '**（一）加快追赶超越，经济发展持续向好**。上半年共召开会议2次。第一，抓学习。第二，抓调研。',
      '#### 1.组织开展科普宣传周活动',
      '**（1）广泛宣传**。悬挂横幅8条。',
      '**（2）2023年进校园**。邀请学生参加。',
      '**2.开展“防震减灾”宣传**。通过展板宣传。',
      '### （二）强化代表履职',
      '对于委组的地位和作用，我们要有这样的认识：',
      '第一，它是创新。',
      '第二，它是延伸。',
      '第三，它是拓展。',
      '首先，学习。其次，调研。最后，督办。',
      '**双联**。发放连心卡。**双述**。开展述职。',
      '## 二、存在的问题',
      '**一是学习不够**。有待加强。二是调研不深。有待深入。',
      '下半年，我们将继续努力。',
      '青溪街道人大工委\\\n2023年7月5日',
    ]);
  });

  it('starts at a lower level when report.numbering says so: 篇(3) items 1. with run-in leads', async () => {
    const report = `${HEAD.replace('  date: 2023-07-05\n', '  date: 2023-07-05\n  numbering: "1."\n')}sections:
  - lead: 组织开展科普宣传周活动
    text: 围绕“创新引领、共享发展”主题开展活动。
  - lead: 重视科普宣传栏作用
    text: 坚持每月更换一次。
    points: [与健康保健相结合, 与城市文明相结合]
    sections:
      - title: 宣传栏
`;
    const { markdown } = await built(report);
    expect(blocks(markdown).slice(1, 5)).toEqual([
      '**1.组织开展科普宣传周活动**。围绕“创新引领、共享发展”主题开展活动。',
      '**2.重视科普宣传栏作用**。坚持每月更换一次。一是与健康保健相结合二是与城市文明相结合',
      '##### （1）宣传栏',
      '青溪街道人大工委\\\n2023年7月5日',
    ]);
  });

  it('reads 1、 (the seeds\' informal spelling) as the level of 1., printed 1.', async () => {
    const report = (numbering: string) => `${HEAD.replace('  date: 2023-07-05\n', `  date: 2023-07-05\n  numbering: ${numbering}\n`)}sections:\n  - lead: 组织开展科普宣传周活动\n    text: 开展活动。\n`;
    const formal = await built(report('"1."'));
    const informal = await built(report('1、'));
    expect(blocks(informal.markdown)[1]).toBe('**1.组织开展科普宣传周活动**。开展活动。');
    expect(blocks(informal.markdown)).toEqual(blocks(formal.markdown));
  });

  it('refuses a fifth level below a report that starts at 1., at the list of sections too deep', async () => {
    const report = `${HEAD.replace('  date: 2023-07-05\n', '  date: 2023-07-05\n  numbering: "1."\n')}sections:
  - title: 一级
    sections:
      - title: 二级
        sections:
          - title: 三级
`;
    const result = await check([notesRepo(report)]);
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['section-too-deep', 15, 11]]);
  });
});

describe('points laid out one paragraph each', () => {
  it('keeps a point\'s own further paragraphs and carries the numbering past them', async () => {
    const report = `${HEAD}sections:
  - title: 怎样准确定位政协委组的职责与任务
    text: 这些任务和职责可以概括为三项：
    layout: paragraphs
    bold: true
    points:
      - lead: 发挥优势，履行职能
        text: |-
          每个组都有区别于其他组的特点和优势。

          恰当地运用这些优势，我们的委组工作完全可以“出彩”。
      - { lead: 联系委员，开展活动, text: 政协组织相对比较松散。 }
`;
    const { markdown } = await built(report);
    expect(blocks(markdown).slice(2, 6)).toEqual([
      '这些任务和职责可以概括为三项：',
      '**一是发挥优势，履行职能**。每个组都有区别于其他组的特点和优势。',
      '恰当地运用这些优势，我们的委组工作完全可以“出彩”。',
      '**二是联系委员，开展活动**。政协组织相对比较松散。',
    ]);
  });
});

describe('structure in the docx', () => {
  it('sets a run-in heading in its level\'s font, bold leads in bold, and own-line headings with outline levels', async () => {
    const { docx } = await built(NESTED, ['docx']);
    const pkg = readDocx(readFileSync(docx));
    const document = pkg.part('word/document.xml');
    const runIn = paragraphsWithText(document, '（一）加快追赶超越，经济发展持续向好。上半年共召开会议2次。第一，抓学习。第二，抓调研。')[0]!;
    const [headingRun, bodyRun] = elements(runIn, 'w:r');
    expect(textOf(headingRun!)).toBe('（一）加快追赶超越，经济发展持续向好。');
    expect(attr(headingRun!, 'w:rFonts', 'w:eastAsia')).toBe('楷体');
    expect(attr(bodyRun!, 'w:rFonts', 'w:eastAsia')).toBeUndefined();
    expect(attr(runIn, 'w:pStyle', 'w:val')).toBeUndefined();

    const level1RunIn = paragraphsWithText(document, '（1）广泛宣传。悬挂横幅8条。')[0]!;
    expect(attr(elements(level1RunIn, 'w:r')[0]!, 'w:rFonts', 'w:eastAsia')).toBe('仿宋');

    const problems = paragraphsWithText(document, '一是学习不够。有待加强。二是调研不深。有待深入。')[0]!;
    const runs = elements(problems, 'w:r');
    expect(runs.map(textOf)).toEqual(['一是学习不够。', '有待加强。', '二是调研不深。有待深入。']);
    expect(runs.map((run) => /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(run))).toEqual([true, false, false]);

    const own = paragraphsWithText(document, '1.组织开展科普宣传周活动')[0]!;
    expect(attr(own, 'w:pStyle', 'w:val')).toBe('Heading3');
    const styles = pkg.part('word/styles.xml');
    for (const level of [1, 2, 3, 4]) expect(attr(styleById(styles, `Heading${level}`)!, 'w:outlineLvl', 'w:val')).toBe(String(level - 1));
  });
});
