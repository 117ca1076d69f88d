import { describe, expect, it } from 'vitest';
import { readTextDraft } from '../../src/load/drafts/text.js';
import { recogniseStructure, sectionHead } from '../../src/import/structure.js';

const paragraphs = (lines: string[]) => readTextDraft('draft.txt', lines.join('\n'));

describe('recogniseStructure', () => {
  it('nests 一、 （一） 1. with their numbers stripped; opening, closing and the signature taken apart', () => {
    const body = recogniseStructure(
      paragraphs([
        '半年来，我们做了以下工作。',
        '一、加强组织领导',
        '（一）健全机制。成立领导小组。',
        '1.制定计划。明确分工。',
        '（二）抓好学习',
        '组织集中学习。',
        '二、存在的问题',
        '人员不足。',
        '下半年，我们将继续努力。',
        '某某街道人大工委',
        '2023年7月5日',
      ]),
    );
    expect(body).toEqual({
      intro: '半年来，我们做了以下工作。',
      sections: [
        {
          title: '加强组织领导',
          sections: [
            { lead: '健全机制', text: '成立领导小组。', sections: [{ lead: '制定计划', text: '明确分工。' }] },
            { title: '抓好学习', text: '组织集中学习。' },
          ],
        },
        { title: '存在的问题', text: '人员不足。' },
      ],
      next: '下半年，我们将继续努力。',
      date: '2023-07-05',
      signature: '某某街道人大工委',
      findings: [],
    });
  });

  it('starts at the level of the first heading: （一） gives numbering （一）', () => {
    const body = recogniseStructure(paragraphs(['（一）开展宣传', '发放资料。', '（二）开展培训', '举办讲座。']));
    expect(body.numbering).toBe('（一）');
    expect(body.sections.map((s) => s.title)).toEqual(['开展宣传', '开展培训']);
  });

  it('places points in the order the build prints: opening, runs, paragraphs; later points keep their numbers, said', () => {
    const lines = paragraphs(['一、工作', '做好两件事。一是甲。二是乙。', '另有两件。一是丙。二是丁。', '此外。', '还有。一是戊。二是己。']);
    const body = recogniseStructure(lines);
    expect(body.sections[0]).toEqual({
      title: '工作',
      text: '做好两件事。',
      sequence: '一是',
      points: [{ text: '甲。' }, { text: '乙。' }],
      runs: [{ text: '另有两件。', sequence: '一是', points: [{ text: '丙。' }, { text: '丁。' }] }],
      paragraphs: ['此外。', '还有。一是戊。二是己。'],
    });
    expect(body.findings.map((f) => [f.code, f.paragraph.text])).toEqual([['import-numbers-kept', '还有。一是戊。二是己。']]);
  });

  it('takes 第一，¶第二，¶ paragraphs as one run laid out one paragraph each', () => {
    const body = recogniseStructure(paragraphs(['一、看法', '我们要有这样的认识：', '第一，它是创新。根据章程。', '第二，它是延伸。就区政协而言。']));
    expect(body.sections[0]).toEqual({
      title: '看法',
      text: '我们要有这样的认识：',
      runs: [{ sequence: '第一', layout: 'paragraphs', points: [{ lead: '它是创新', text: '根据章程。' }, { lead: '它是延伸', text: '就区政协而言。' }] }],
    });
  });

  it('keeps text without headings as one section with a title to fill, said', () => {
    const body = recogniseStructure(paragraphs(['今年走访群众。', '明年继续。']));
    expect(body.sections).toEqual([{ title: '（请填写标题）', text: '今年走访群众。', paragraphs: ['明年继续。'] }]);
    expect(body.findings.map((f) => f.code)).toEqual(['import-no-structure']);
  });
});

describe('sectionHead', () => {
  it('drops the final mark of a heading on its own line, runs a short first sentence in, numbers a long one', () => {
    expect(sectionHead('围绕“抓三双”，全面推进代表联系选民。')).toEqual({ title: '围绕“抓三双”，全面推进代表联系选民' });
    expect(sectionHead('加快追赶超越，经济发展持续向好。上半年……')).toEqual({ lead: '加快追赶超越，经济发展持续向好', text: '上半年……' });
    const long = '开展科普宣传周活动，围绕创新引领共享发展的主题，组织辖区各社区和驻街单位开展形式多样的宣传活动。此后……';
    expect(sectionHead(long)).toEqual({ text: long });
  });
});
