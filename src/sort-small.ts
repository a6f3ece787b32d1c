/** Above this many items, `sortSmall` hands over to the built-in O(m log m) sort. */
const INSERTION_SORT_MAX = 64;

/**
 * Stable in-place sort for the few items an evaluation sorts (matches, tokens: usually 0–20,
 * often already nearly in order). Insertion sort does a handful of comparisons where
 * `Array.prototype.sort` paid its set-up on every call; being stable, it gives exactly the order
 * the stable built-in sort gives. Long lists (huge inputs) go to the built-in sort, so a crafted
 * input cannot make this quadratic.
 */
export function sortSmall<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  if (xs.length > INSERTION_SORT_MAX) return xs.sort(compare);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    if (compare(xs[j]!, x) <= 0) continue;
    do {
      xs[j + 1] = xs[j]!;
      j--;
    } while (j >= 0 && compare(xs[j]!, x) > 0);
    xs[j + 1] = x;
  }
  return xs;
}
