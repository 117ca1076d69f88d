import { HAN, perParagraph } from './finding.js';

/**
 * A paragraph that stops mid-sentence: cut off when it was pasted or when the rest was deleted
 * (篇(3) ends on “回顾和”). It ends on a comma or enumeration comma, or on a conjunction that joins
 * what follows and so never ends a sentence (和 与 以及 或 而). Words that end in those characters
 * and can end a line (平和, 参与, 普及, 祥和) are not conjunctions; a line without punctuation
 * otherwise (a signature, a date, a heading) is left alone.
 */
const CUT_OFF = new RegExp(`(?:[，、,]|以及|(?<=[${HAN}])(?:(?<![祥平温缓总饱调柔随共人谦暖附应唱违失])和|(?<![参给赋干])与|或|而))[\\s\\u3000]*$`, 'u');

export const unfinishedRule = perParagraph((text, paragraph) => {
  if (paragraph.role === 'title') return [];
  const end = CUT_OFF.exec(text);
  return end ? [{ offset: end.index, code: 'unfinished-paragraph', params: { text: text.slice(Math.max(0, end.index - 8)).trimEnd() } }] : [];
});
