import { ALPHABET_SIZE, BOUNDARY, SYMBOL_CLASS, SYMBOL_COUNT, symbolIndex, symbolOf } from './alphabet.js';
import { BITS_SCALE, NO_ROW, type QuantisedModel } from './model-bytes.js';

/**
 * Data-build side of the character model: counts 4-grams of model symbols over the training
 * strings and smooths them by interpolated absolute discounting (the Kneser-Ney family: each
 * order keeps its counts minus a discount D and gives the discounted mass to the next lower
 * order, down to the uniform distribution; D = n1 / (n1 + 2·n2) per order, Ney's estimate).
 * Lower orders use plain counts, not Kneser-Ney continuation counts: string starts are padded
 * with the boundary symbol and continuation counts degenerate there.
 *
 * Order-3 contexts seen fewer than `minContextCount` times are not shipped: the scorer uses the
 * order-2 row for them, which is what the interpolation gives them anyway up to their own few
 * counts. Not shipped code: build time only (scripts/build-data.ts).
 */
const A = ALPHABET_SIZE;
/** Longer training strings are cut: past this the counts are noise from pasted text. */
export const MAX_TRAINING_LENGTH = 40;

export interface TrainingOptions {
  readonly minContextCount: number;
}

export function trainModel(strings: Iterable<string>, options: TrainingOptions): QuantisedModel {
  const c4 = new Float64Array(A * A * A * A);
  const symbols = new Float64Array(SYMBOL_COUNT).fill(1);
  for (const s of strings) {
    let a = BOUNDARY, b = BOUNDARY, c = BOUNDARY;
    const n = Math.min(s.length, MAX_TRAINING_LENGTH);
    if (n === 0) continue;
    for (let i = 0; i <= n; i++) {
      const code = i < n ? s.charCodeAt(i) : -1;
      const x = code < 0 ? BOUNDARY : symbolOf(code);
      if (x === SYMBOL_CLASS) symbols[symbolIndex(code)]! += 1;
      c4[((a * A + b) * A + c) * A + x]! += 1;
      a = b;
      b = c;
      c = x;
    }
  }
  const c3 = marginal(c4);
  const c2 = marginal(c3);
  const c1 = marginal(c2);
  // P1: unigram interpolated with the uniform distribution.
  const uniform = new Float64Array(A).fill(1 / A);
  const p1 = smooth(c1, uniform, 1, discount(c1));
  const p2 = smooth(c2, p1, A, discount(c2));
  const p3 = smooth(c3, p2, A * A, discount(c3));
  const p4 = smooth(c4, p3, A * A * A, discount(c4));

  const rows2 = quantise(p3);
  const index3 = new Uint16Array(A * A * A).fill(NO_ROW);
  const kept: number[] = [];
  for (let ctx = 0; ctx < A * A * A; ctx++) {
    let total = 0;
    for (let x = 0; x < A; x++) total += c4[ctx * A + x]!;
    if (total >= options.minContextCount && kept.length < NO_ROW) {
      index3[ctx] = kept.length;
      kept.push(ctx);
    }
  }
  const rows3 = new Uint8Array(kept.length * A);
  kept.forEach((ctx, row) => rows3.set(quantise(p4.subarray(ctx * A, ctx * A + A)), row * A));
  let symbolTotal = 0;
  for (const v of symbols) symbolTotal += v;
  const symbolBits = quantise(symbols.map((v) => v / symbolTotal));
  return { rows2, index3, rows3, symbolBits, calibration: new Float32Array([0, 0]), calibrationStep: 1 };
}

/** Counts of the order below: sums over the oldest symbol of the context. */
function marginal(counts: Float64Array): Float64Array {
  const lower = new Float64Array(counts.length / A);
  for (let i = 0; i < counts.length; i++) lower[i % lower.length]! += counts[i]!;
  return lower;
}

function discount(counts: Float64Array): number {
  let n1 = 0, n2 = 0;
  for (const v of counts) {
    if (v === 1) n1++;
    else if (v === 2) n2++;
  }
  return n1 + n2 === 0 ? 0.5 : Math.min(0.95, Math.max(0.05, n1 / (n1 + 2 * n2)));
}

/**
 * P(x | context) for every context of `counts` (row-major, A per row): discounted counts plus
 * the freed mass times the lower order's P(x | shorter context). `contexts` is the row count;
 * the shorter context of row r is r mod (rows of lower).
 */
function smooth(counts: Float64Array, lower: Float64Array, contexts: number, d: number): Float64Array {
  const p = new Float64Array(contexts * A);
  const lowerRows = lower.length / A;
  for (let r = 0; r < contexts; r++) {
    const lo = (r % lowerRows) * A;
    let total = 0, types = 0;
    for (let x = 0; x < A; x++) {
      const v = counts[r * A + x]!;
      total += v;
      if (v > 0) types++;
    }
    for (let x = 0; x < A; x++) {
      p[r * A + x] = total === 0 ? lower[lo + x]! : (Math.max(counts[r * A + x]! - d, 0) + d * types * lower[lo + x]!) / total;
    }
  }
  return p;
}

function quantise(p: Float64Array): Uint8Array {
  const q = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) q[i] = Math.min(255, Math.round(-Math.log2(p[i]!) * BITS_SCALE));
  return q;
}
