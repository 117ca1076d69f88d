const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/**
 * 1 -> 一, 10 -> 十, 12 -> 十二, 101 -> 一百零一, 110 -> 一百一十, 1010 -> 一千零一十: the counting
 * of 一、 and 一是. A run of zeros inside the number reads as one 零; 一十 drops its 一 only at
 * the start (十二, but 一百一十二).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  const digits = [...String(n)].map(Number);
  let text = '';
  let zeroPending = false;
  digits.forEach((digit, i) => {
    if (digit === 0) {
      zeroPending = text !== '';
      return;
    }
    text += (zeroPending ? '零' : '') + DIGITS[digit] + UNITS[digits.length - 1 - i];
    zeroPending = false;
  });
  return n >= 10 && n < 20 ? text.slice(1) : text;
}
