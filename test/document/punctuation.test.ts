import { describe, expect, it } from 'vitest';
import { normalisePunctuation, punctuateBlocks } from '../../src/document/transforms/punctuation.js';

describe('normalisePunctuation (GB/T 15834)', () => {
  it.each([
    ['累计400张(每名代表20张),要求', '累计400张（每名代表20张），要求'],
    ['他说:"好的"; 然后?', '他说：“好的”；然后？'],
    ['收入1,000元', '收入1,000元'],
    ['上午9:30开会', '上午9:30开会'],
    ['网址https://example.org,请查阅', '网址https://example.org，请查阅'],
    ['English, as typed (no change)', 'English, as typed (no change)'],
    ['等等...', '等等……'],
    ['研究制定， 划分代表小组', '研究制定，划分代表小组'],
    ['街道 人大工委', '街道人大工委'],
    ['使用 Windows 系统', '使用 Windows 系统'],
  ])('%s -> %s', (input, expected) => expect(normalisePunctuation(input)).toBe(expected));
});

describe('punctuateBlocks', () => {
  it('treats the org of the signature as the title treats it: a folded org reads the same in both', () => {
    const [title, signature] = punctuateBlocks([
      { type: 'title', text: '青溪街道 人大工委2023年上半年工作总结' },
      { type: 'signature', org: '青溪街道 人大工委', date: '2023年7月5日' },
    ]);
    expect(title).toEqual({ type: 'title', text: '青溪街道人大工委2023年上半年工作总结' });
    expect(signature).toEqual({ type: 'signature', org: '青溪街道人大工委', date: '2023年7月5日' });
  });
});
