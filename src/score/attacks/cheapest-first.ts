/**
 * Indices 0..count-1 of `prices`, cheapest first, ties in index order: exactly the order a stable
 * sort by price gives (Array.prototype.sort is stable). An insertion sort into a caller's scratch,
 * for the handful of variants an attack prices per password (breached-base.ts: at most 10): the
 * built-in sort with a comparator closure over objects cost ~220 B of allocation per evaluation.
 */
export function cheapestFirst(prices: Float64Array, count: number, order: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const price = prices[i]!;
    let j = i - 1;
    while (j >= 0 && prices[order[j]!]! > price) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
}
