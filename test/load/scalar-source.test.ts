import { isScalar, parseDocument, type Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sourceRangeOf, valueSourceOffsets } from '../../src/load/scalar-source.js';

/** The value of `a:` and, for each of its characters, the character of the file it was typed as ('·' where none). */
function typedAs(yaml: string): [string, string] {
  const node = parseDocument(yaml).get('a', true);
  if (!isScalar(node)) throw new Error('no scalar a');
  const sources = valueSourceOffsets(yaml, node as Scalar)!;
  return [String(node.value), sources.map((s) => (s < 0 ? '·' : yaml[s])).join('')];
}

describe('where each character of a scalar was typed', () => {
  it.each([
    ['plain, over two lines', 'a: 第一行\n  第二行 # 注释\n', '第一行 第二行', '第一行·第二行'],
    ['single-quoted, with a doubled quote', "a: '单''引'\n", "单'引", '单·引'],
    ['double-quoted, with escapes and an escaped line break', 'a: "代\\"表\\u4eec\\\n  们"\n', '代"表们们', '代·表·们'],
    ['folded, with an empty line', 'a: >-\n  一\n  二\n\n  三\n', '一 二\n三', '一·二·三'],
    ['literal, keeping its final line break', 'a: |\n  一,\n  二\n', '一,\n二\n', '一,·二·'],
    ['folded, CRLF', 'a: >-\r\n  一\r\n  二\r\n', '一 二', '一·二'],
  ])('%s', (_name, yaml, value, typed) => {
    expect(typedAs(yaml)).toEqual([value, typed]);
  });

  it('has no map for a block scalar with an indentation indicator', () => {
    const node = parseDocument('a: |2\n   一\n').get('a', true) as Scalar;
    expect(valueSourceOffsets('a: |2\n   一\n', node)).toBeUndefined();
  });

  it('maps a range only when its characters are contiguous in the file', () => {
    expect(sourceRangeOf([10, 11, 12, -1, 20], 0, 3)).toEqual({ start: 10, end: 13 });
    expect(sourceRangeOf([10, 11, 12, -1, 20], 2, 2)).toBeUndefined();
    expect(sourceRangeOf([10, 11, 20], 1, 0)).toEqual({ start: 11, end: 11 });
    expect(sourceRangeOf([10, 11, 20], 2, 0)).toBeUndefined();
  });
});
