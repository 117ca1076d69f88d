import { type DraftRule, HAN, matchesOf, perParagraph } from './finding.js';

/**
 * Text damaged on its way from a web page or another encoding: U+FFFD, pinyin with tone marks in
 * brackets (認(rèn)識), a ? or \ wedged into Chinese (当?shù)剡\用), mojibake of UTF-8 read as
 * Latin-1 (â€œ, Ã©), symbols left between sentences by a copied page (洽谈。/!/并邀请). Neighbouring pieces within a few characters are one finding.
 */
const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const GARBLE = new RegExp(
  [
    '\\uFFFD+',
    `[?？(（]?[a-zü]*[${TONE}][a-zü${TONE}]*[)）\\]]?`,
    `(?<=[${HAN}])\\?(?=[a-z])`,
    `(?<=[${HAN}])\\\\(?=[${HAN}])`,
    '[ÃÂ][\\u0080-\\u00ff]|â€.?|€',
    // Markup or link debris left between two Chinese sentences (洽谈。/!/并邀请): symbols, not punctuation.
    `(?<=[${HAN}，。；！？])(?=[!-/:-@[-\`{-~]*[/\\\\|#^<>{}=@$])[!-/:-@[-\`{-~]{2,}(?=[${HAN}])`,
  ].join('|'),
  'gu',
);
/** A character every GARBLE alternative needs: text without one (most prose) is not scanned by it. */
const GARBLE_CANDIDATE = new RegExp(`[\\uFFFD${TONE}?\\\\ÃÂâ€/|#^<>{}=@$]`, 'u');
const SAME_RUN_GAP = 6;

export interface Span {
  start: number;
  end: number;
}

export function garbledSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (!GARBLE_CANDIDATE.test(text)) return spans;
  for (const m of matchesOf(text, GARBLE)) {
    const previous = spans.at(-1);
    const end = m.index + m[0].length;
    if (previous && m.index - previous.end <= SAME_RUN_GAP) previous.end = end;
    else spans.push({ start: m.index, end });
  }
  return spans;
}

const garbledRule = perParagraph((text) => garbledSpans(text).map((s) => ({ offset: s.start, code: 'garbled-text', params: { text: text.slice(s.start, s.end) } })));

/**
 * Traditional characters in a Simplified draft, from a converted web page or a colleague's file.
 * Only characters whose Simplified form is unambiguous are listed, so the fix is safe
 * (乾, 於, 後 and the like, which map to more than one character or are also names, are left out).
 */
const TRADITIONAL = '們這來時會與為對發國說經過學還關開進體實現動應機點種麼樣區組織設計劃職議員務導領黨資產業當從無將長問題見頭邊讓給電話車門馬東書讀寫認識觀覽錢銀鐵華萬億歲條張場廣衛園圍圖團專幫廳廠縣鄉鎮穩勞執檢積極傳講權維護強責負擔辦擬確況態鬥爭濟質選舉貫徹級屬據聯繫參預總結報紙運營標準規範農夥項備個';
const SIMPLIFIED = '们这来时会与为对发国说经过学还关开进体实现动应机点种么样区组织设计划职议员务导领党资产业当从无将长问题见头边让给电话车门马东书读写认识观览钱银铁华万亿岁条张场广卫园围图团专帮厅厂县乡镇稳劳执检积极传讲权维护强责负担办拟确况态斗争济质选举贯彻级属据联系参预总结报纸运营标准规范农伙项备个';
const TO_SIMPLIFIED = new Map([...TRADITIONAL].map((c, i) => [c, SIMPLIFIED[i]!]));
const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, 'gu');

export const traditionalRule = perParagraph((text) =>
  matchesOf(text, TRADITIONAL_CHAR).map((m) => {
    const replacement = TO_SIMPLIFIED.get(m[0])!;
    return { offset: m.index, code: 'traditional-characters', params: { text: m[0], replacement }, fix: { offset: m.index, length: 1, text: replacement } };
  }),
);

export const garbledRules: DraftRule[] = [garbledRule, traditionalRule];
