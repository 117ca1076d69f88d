import path from 'node:path';

/** The i-th of n parts of a batch (1-based), as `--shard i/n` names it. */
export interface Shard {
  index: number;
  count: number;
}

/** "2/4" -> { index: 2, count: 4 }; undefined for anything else (0/4, 5/4, 2/0, a/b). */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The items of one shard. The items are ordered by their path relative to `root` with / as the
 * separator, so every machine of a CI matrix orders them alike whatever its OS, and dealt in turn:
 * the shards together hold every item exactly once and differ in size by at most one.
 */
export function itemsOfShard<T>(items: readonly T[], shard: Shard, keyOf: (item: T) => string, root: string): T[] {
  const key = (item: T) => path.relative(root, keyOf(item)).split(path.sep).join('/');
  const ordered = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return ordered.filter((_, i) => i % shard.count === shard.index - 1);
}
