import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemsOfShard, parseShard } from '../../src/batch/shard.js';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 4/4 ', { index: 4, count: 4 }],
  ])('reads %j', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each(['0/4', '5/4', '2/0', '1', '1/2/3', 'a/b', '-1/2', '1.5/2', ''])('refuses %j', (text) => expect(parseShard(text)).toBeUndefined());
});

describe('itemsOfShard', () => {
  const root = path.resolve('repo');
  const files = ['b/2023-h1.yaml', 'a/2023-h2.yaml', 'a/2023-h1.yaml', 'c/2024.yaml', 'b/2023-h2.yaml'].map((file) => path.join(root, file));

  it('gives every item to exactly one shard, whatever the count, in sizes that differ by at most one', () => {
    for (let count = 1; count <= 7; count++) {
      const shards = Array.from({ length: count }, (_, i) => itemsOfShard(files, { index: i + 1, count }, (f) => f, root));
      expect(shards.flat().sort()).toEqual([...files].sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depend on the order the items came in', () => {
    const reversed = [...files].reverse();
    expect(itemsOfShard(reversed, { index: 1, count: 2 }, (f) => f, root)).toEqual(itemsOfShard(files, { index: 1, count: 2 }, (f) => f, root));
    expect(itemsOfShard(files, { index: 1, count: 2 }, (f) => f, root).map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual(['a/2023-h1.yaml', 'b/2023-h1.yaml', 'c/2024.yaml']);
  });
});
