/**
 * Synthetic report documents for the docx writer's tests, already numbered (markers set), as the
 * numbering transform leaves them.
 */
import type { Block, Inline, ReportDocument } from '../../../src/document/ast.js';

export const ORG = '青溪街道人大工委';
export const DATE = '2023年7月5日';
export const TITLE = '青溪街道人大工委2023年上半年工作总结';

const text = (value: string): Inline => ({ type: 'text', text: value });
const item = (marker: string, value: string): Inline => ({ type: 'item', style: '一是', marker, text: value });

/** A short document touching every block type and all four heading levels. */
export function shortDocument(): ReportDocument {
  return {
    meta: { title: TITLE, org: ORG, date: '2023-07-05' },
    blocks: [
      { type: 'title', text: TITLE },
      { type: 'paragraph', content: [text('半年来，街道人大工委紧紧围绕街道中心工作，积极开展多种形式的代表活动。')] },
      { type: 'heading', level: 1, marker: '一、', text: '围绕“抓三双”，全面推进代表联系选民' },
      { type: 'heading', level: 2, marker: '（一）', text: '强化代表履职' },
      {
        type: 'paragraph',
        content: [
          item('一是', '在“双联”上，累计发放选民连心卡400张（每名代表20张）；'),
          item('二是', '在“双述”上，组织3名区人大代表向选民述职。'),
        ],
      },
      { type: 'heading', level: 3, marker: '1.', text: '代表之家建设' },
      { type: 'heading', level: 4, marker: '（1）', text: '阵地建设' },
      { type: 'paragraph', content: [text('在长山社区等地建立了3个代表之家。')] },
      { type: 'signature', org: ORG, date: DATE },
    ],
  };
}

/** Realistic report text long enough for three pages (about 22 lines × 27 characters a page). */
const SECTIONS: ReadonlyArray<{ heading: string; lead: string; items: string[]; close: string }> = [
  {
    heading: '围绕“抓三双”，全面推进代表联系选民',
    lead: '以开展“双联”“双述”“双接待”活动为抓手，做好代表联系选民工作，进一步密切代表与选民的联系。',
    items: [
      '在“双联”上，累计发放选民连心卡400张（每名代表20张），要求每名代表结合村民自治衔接和本职工作特点，到挂钩康居示范点和相关村居，认真做好经常性的联系选民、反映民意、为民办实事工作，提高选民对代表的信任度；',
      '在“双述”上，于年初制定区人大代表向选民述职计划安排，按照时间要求分四批开展代表向选民述职活动，3月份组织和仁片3名区人大代表向选民述职，增强了代表履职的自觉性和责任感；',
      '在“双接待”上，以八百、长山、樊集三个片人大代表之家为平台，把每月10日、20日、30日作为选民接待日，定期开展代表接待选民工作，街道领导班子成员中的区人大代表每周在街道办事处接待中心值班。',
    ],
    close: '同时，围绕“一个载体、两项制度”建设，按照“六有六建立”的要求，在长山社区、塘桥社区等地建立了3个代表之家，重点围绕“建、管、用”的原则安排各项代表活动，努力发挥代表之家作用。',
  },
  {
    heading: '围绕“促发展”，认真开展视察调研活动',
    lead: '街道人大工委围绕青奥场馆建设、城乡面貌改善、薄弱指标提升三大任务，积极发挥自身作用，全程开展工作督查。',
    items: [
      '组织代表进行视察调研、参观学习等活动3次，内容包括视察青奥场馆和新城建设、调研全街旅游工作和土地综合整治工作，为代表履职创造了良好条件；',
      '跟踪督办重点项目建设，青奥帆船比赛场馆、省水上训练基地等项目和第二污水处理厂等配套工程按序时进度推进，确保年底前全部竣工、交付使用；',
      '推动节能减排和民生工程，单位工业增加值能耗降幅达到31.5%，超过15%的年度节能目标，关闭整改燃煤锅炉6台的任务已完成5台。',
    ],
    close: '此外，认真做好代表建议办理工作，区三届人大二次会议交办我街主办的代表建议3件，及时召开会议落实任务，督促相关部门加快办理，目前已全部办理完毕，代表满意率100%。',
  },
  {
    heading: '围绕“促稳定”，着力做好来访接待工作',
    lead: '街道人大工委从关注群众生产生活、维护群众合法权益出发，强化来访接待和问题处理工作。',
    items: [
      '以人大代表之家为来访接待室，将在街的区人大代表编班，每次安排1名代表坐班接待，并制定了接待、登记、分类、交办、跟踪、督查等一整套制度；',
      '半年来共接待群众来信来访126人次，反映的问题主要涉及拆迁补偿安置、秸秆禁烧、土地综合整治和道路、自来水等民生工程建设，全部向有关部门进行了交办，并安排专人跟踪协调。',
    ],
    close: '目前这些问题已得到妥善处理，群众满意度在95%以上。下半年，我们将着重围绕区人大常委会部署的工作任务和群众关心关注的热点、难点问题开展工作，为街道经济社会发展作出新的贡献。',
  },
];

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五'];

/** The long document: title, an opening, three 一、 sections with 一是/二是 items, signature. */
export function longDocument(): ReportDocument {
  const blocks: Block[] = [
    { type: 'title', text: TITLE },
    {
      type: 'paragraph',
      content: [
        text(
          '半年来，街道人大工委在区人大常委会和街道党工委的领导下，紧紧围绕街道中心工作，积极开展多种形式的代表活动，推动各项工作落实，现将上半年工作总结如下。',
        ),
      ],
    },
  ];
  SECTIONS.forEach((section, index) => {
    blocks.push({ type: 'heading', level: 1, marker: `${CHINESE_ORDINALS[index]}、`, text: section.heading });
    blocks.push({
      type: 'paragraph',
      content: [
        text(section.lead),
        ...section.items.map((value, i) => item(`${CHINESE_ORDINALS[i]}是`, value)),
      ],
    });
    blocks.push({ type: 'paragraph', content: [text(section.close)] });
  });
  blocks.push({ type: 'signature', org: ORG, date: DATE });
  return { meta: { title: TITLE, org: ORG, date: '2023-07-05' }, blocks };
}
