/**
 * A name as it is meant rather than typed: NFKC folds the full-width letters and digits a Chinese
 * IME types (ｒｅｐｏｒｔ) into ASCII; case is ignored too.
 */
export function foldedName(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** "Did you mean …": the known name closest to what was typed, if any is close enough. */
export function closest(typed: string, known: Iterable<string>): string | undefined {
  const needle = foldedName(typed);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(needle, foldedName(name));
    if (distance <= tolerance(name) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Short names tolerate one slip; longer ones about one in three characters. */
function tolerance(name: string): number {
  return Math.max(1, Math.floor([...name].length / 3));
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** A list of names for a hint, cut short so that a message stays one line. */
export function listNames(names: Iterable<string>, max = 8): string {
  const all = [...names];
  const shown = all.slice(0, max).join('、');
  return all.length > max ? `${shown}…` : shown || '—';
}
