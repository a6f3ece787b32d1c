/**
 * How large the count-min sketch is, from the number of accounts expected to record a password.
 * Portable (no Node built-ins): the options use it to validate and the README's table comes from it.
 *
 * A root nobody chose is refused when all `depth` counters it maps to already hold `limit` or more
 * (other roots' counts, by collision). With N recorded passwords spread over `width` counters a
 * row, one counter holds about Poisson(N / width), so that chance is
 * `P(Poisson(N / width) ≥ limit) ^ depth` — pessimistic, since real choices pile onto fewer
 * roots and leave more counters empty. The width is the smallest that keeps it at or under
 * SKETCH_FALSE_POSITIVE_TARGET when the expected number of accounts have recorded.
 */

/** Rows of the sketch: four 32-bit slices of one HMAC-SHA-256 digest. */
export const SKETCH_DEPTH = 4;
/** The sketch's own false-positive rate at the expected number of accounts. */
export const SKETCH_FALSE_POSITIVE_TARGET = 1e-3;
/**
 * The deliberate minimum: this share of roots (chosen by the keyed hash, so always the same ones
 * for one secret) is refused as popular whatever the counts, so a refusal never proves that
 * `limit` accounts chose a root — the check is no exact oracle, even on an empty sketch.
 */
export const MIN_FALSE_POSITIVE_RATE = 1e-3;
export const MIN_WIDTH = 1024;
/** 2^23 counters a row, 2 bytes each: 64 MiB at depth 4 is the most a sketch may take. */
export const MAX_WIDTH = 1 << 23;
export const DEFAULT_EXPECTED_ACCOUNTS = 100_000;
export const MAX_EXPECTED_ACCOUNTS = 100_000_000;
export const MAX_LIMIT = 1000;
/**
 * The sketch is sized for this limit, the lowest allowed, whatever `limit` is configured: the
 * size (and so the sketch's id and its stored counts) then depends on the expected accounts
 * only, and a limit can be raised or lowered without starting an empty sketch. Higher limits
 * collide less still; the decoys keep their floor. A limit of 1 is not offered: it would refuse
 * any root one other account holds, telling every user whether a colleague chose it.
 */
export const MIN_LIMIT = 2;

export interface SketchSize {
  readonly width: number;
  readonly depth: number;
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from the low side (k ≤ MAX_LIMIT, so the loop is bounded). */
export function poissonAtLeast(lambda: number, k: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.min(1, Math.max(0, 1 - below));
}

/** The sketch's own false-positive rate with `accounts` recorded (the decoys not counted). */
export function sketchFalsePositiveRate(size: SketchSize, accounts: number, limit: number): number {
  return poissonAtLeast(accounts / size.width, limit) ** size.depth;
}

/** The refusal rate of a root nobody chose: the decoys plus the sketch's collisions. */
export function falseRefusalRate(size: SketchSize, accounts: number, limit: number): number {
  return 1 - (1 - MIN_FALSE_POSITIVE_RATE) * (1 - sketchFalsePositiveRate(size, accounts, limit));
}

/** The smallest width (within MIN_WIDTH..MAX_WIDTH) meeting the target at `accounts`. */
export function sketchSize(accounts: number, limit: number): SketchSize {
  const depth = SKETCH_DEPTH;
  const meets = (width: number) => sketchFalsePositiveRate({ width, depth }, accounts, limit) <= SKETCH_FALSE_POSITIVE_TARGET;
  if (meets(MIN_WIDTH)) return { width: MIN_WIDTH, depth };
  if (!meets(MAX_WIDTH)) return { width: MAX_WIDTH, depth };
  let lo = MIN_WIDTH; // fails
  let hi = MAX_WIDTH; // meets
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return { width: hi, depth };
}

/**
 * The share of a sketch's counters that are non-zero after `accounts` distinct roots: what
 * /metrics shows as fill. Inverted, it estimates how many were recorded (bench, metrics).
 */
export function expectedFill(size: SketchSize, accounts: number): number {
  return 1 - Math.exp(-accounts / size.width);
}

/** The sketch's current false-positive rate, estimated from its fill (a counter is ≥ 1 with probability fill). */
export function falsePositiveFromFill(size: SketchSize, fill: number, limit: number): number {
  if (fill <= 0) return 0;
  if (fill >= 1) return 1;
  return sketchFalsePositiveRate(size, -Math.log(1 - fill) * size.width, limit);
}
