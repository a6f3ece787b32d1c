/**
 * Sizing a blocked Bloom filter. A blocked filter puts all k bits of a key into one 512-bit
 * block, so blocks receive a Poisson-distributed number of keys and the overloaded ones
 * dominate the false-positive rate. The plain-Bloom formula under-estimates it; we use the
 * Putze–Sanders–Singler model instead ("Cache-, Hash- and Space-Efficient Bloom Filters", 2007):
 *
 *   FPR = Σ_i Poisson(i; λ) · (1 − (1 − 1/b)^(i·k))^k,   λ = n / blocks, b = 512
 *
 * i.e. the plain-Bloom FPR of one block holding i keys, averaged over the per-block load.
 */

export const BLOCK_BITS = 512;
export const BLOCK_WORDS = BLOCK_BITS / 32;
/** Largest k stored; more probes than this never pays off at any supported FPR. */
export const MAX_K = 32;
/**
 * The block count is a u32 in the header: up to 256 GiB of blocks, ~10^11 keys at 1e-4. The
 * blocks live in parts (format version 2), so no single array ever has to hold them all.
 */
export const MAX_BLOCKS = 2 ** 32 - 1;
export const MIN_FPR = 1e-9;
export const MAX_FPR = 0.5;

/** Expected FPR of a blocked Bloom filter holding `n` keys in `blocks` blocks with `k` probes. */
export function blockedBloomFpr(n: number, blocks: number, k: number): number {
  if (n <= 0) return 0;
  const lambda = n / blocks;
  const q = Math.log1p(-1 / BLOCK_BITS); // ln(1 − 1/b)
  // Sum the Poisson terms outwards from the mode so that no term underflows before it matters.
  const mode = Math.floor(lambda);
  const logLambda = Math.log(lambda);
  let logModeP = -lambda;
  for (let i = 1; i <= mode; i++) logModeP += logLambda - Math.log(i);
  const inner = (i: number): number => Math.pow(-Math.expm1(i * k * q), k);
  let total = 0;
  let logP = logModeP;
  for (let i = mode; i >= 0; i--) {
    const term = Math.exp(logP) * inner(i);
    total += term;
    if (i > 0) logP -= logLambda - Math.log(i);
    if (term < total * 1e-17 && i < mode - 3 * Math.sqrt(lambda)) break;
  }
  logP = logModeP;
  for (let i = mode + 1; ; i++) {
    logP += logLambda - Math.log(i);
    const p = Math.exp(logP);
    total += p * inner(i);
    // Past the mode, once the Poisson tail is negligible (inner ≤ 1) the sum is done.
    if (p < total * 1e-17 || p < 1e-300) break;
  }
  return Math.min(1, total);
}

export interface FilterShape {
  readonly blocks: number;
  readonly k: number;
  /** FPR the model predicts for exactly `n` keys in this shape. */
  readonly expectedFpr: number;
}

/**
 * Smallest filter (fewest blocks; among those, the lowest modelled FPR) whose modelled FPR for `n` keys is at
 * most `target`. Exhaustive over k (1..MAX_K) with a binary search over the block count:
 * the FPR falls monotonically as blocks are added.
 */
export function chooseShape(n: number, target: number): FilterShape {
  const keys = Math.max(1, Math.ceil(n));
  let best: FilterShape | null = null;
  for (let k = 1; k <= MAX_K; k++) {
    if (blockedBloomFpr(keys, MAX_BLOCKS, k) > target) continue;
    let lo = 1;
    let hi = MAX_BLOCKS;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (blockedBloomFpr(keys, mid, k) <= target) hi = mid;
      else lo = mid + 1;
    }
    const expectedFpr = blockedBloomFpr(keys, lo, k);
    // Same size, lower FPR wins (matters for small filters, where many k fit in one block).
    if (best === null || lo < best.blocks || (lo === best.blocks && expectedFpr < best.expectedFpr)) {
      best = { blocks: lo, k, expectedFpr };
    }
  }
  if (best === null) {
    throw new RangeError(
      `cannot reach a false-positive rate of ${target} for ${keys} keys within ${MAX_BLOCKS} blocks (256 GiB)`,
    );
  }
  return best;
}
