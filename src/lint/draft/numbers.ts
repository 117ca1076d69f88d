import { type Finding, matchesOf, perParagraph } from './finding.js';

/** GB/T 15835 (numbers in publications), the slips a reviewer circles. */
type Check = (text: string) => Omit<Finding, 'paragraph'>[];

/** 2023年03月05日: no leading zero in a month or day written with 年月日. */
const leadingZero: Check = (text) =>
  matchesOf(text, /\d{4}年0[1-9]月(?:0?[1-9]\d?日)?|\d{4}年1[0-2]月0[1-9]日|(?<![\d年])\d{1,2}月0[1-9]日/gu).map((m) => {
    const replacement = m[0].replace(/(?<=年|月)0(?=[1-9])/gu, '');
    return { offset: m.index, code: 'date-leading-zero', params: { text: m[0], replacement }, fix: { offset: m.index, length: m[0].length, text: replacement } };
  });

/** 23年3月, 23年度: a year is written in full; the century is not ours to guess, so no fix. */
const abbreviatedYear: Check = (text) =>
  matchesOf(text, /(?<![\d０-９.])\d{2}年(?=\d{1,2}月|度|上半年|下半年|第[一二三四]季度)/gu).map((m) => ({ offset: m.index, code: 'year-abbreviated', params: { text: m[0] } }));

/** 二〇二三年3月: one date, one kind of numeral. */
const mixedNumerals: Check = (text) =>
  matchesOf(text, /[〇零一二三四五六七八九]{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?/gu).map((m) => ({
    offset: m.index,
    code: 'date-mixed-numerals',
    params: { text: m[0] },
  }));

/** 10~20%: each end of a range of percentages carries its sign, 10%～20%. */
const percentRange: Check = (text) =>
  matchesOf(text, /(?<![\d.%％])(\d+(?:\.\d+)?)[~～\-—－至到](\d+(?:\.\d+)?)[%％]/gu).map((m) => {
    const end = m.index + m[1]!.length;
    const sign = m[0].at(-1)!;
    return { offset: m.index, code: 'range-percent', params: { text: m[0], replacement: `${m[1]}${sign}${m[0].slice(m[1]!.length)}` }, fix: { offset: end, length: 0, text: sign } };
  });

/** 约100人左右, 约100多人: 约 already says “about”; a second approximation doubles it. */
const doubleApproximation: Check = (text) =>
  matchesOf(text, /约(?:\d[\d.,，]*|[一二三四五六七八九十百千万]+)[万千百亿]?(?:多|余)|约[^，。；！？,;!?]{0,12}?\d[^，。；！？,;!?]{0,8}?左右/gu).map((m) => ({
    offset: m.index,
    code: 'double-approximation',
    params: { text: m[0] },
  }));

export const numberRule = perParagraph((text) => [leadingZero, abbreviatedYear, mixedNumerals, percentRange, doubleApproximation].flatMap((check) => check(text)));
