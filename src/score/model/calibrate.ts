import { ALPHABET_SIZE, BOUNDARY, OTHER_BITS, OTHER_CLASS, SYMBOL_CLASS, SYMBOL_COUNT } from './alphabet.js';
import { decodeModel, encodeModel, type CharModel, type QuantisedModel } from './model-bytes.js';
import { stepBits } from './markov.js';

/**
 * Monte Carlo calibration of the character model (Dell'Amico & Filippone, "Monte Carlo
 * Strength Evaluation", CCS 2015, as cited in issue 11): draw N strings from the model itself;
 * an attacker who guesses the model's strings from the most probable down needs, to reach a
 * string of probability p, about
 *
 *     rank(p) ≈ Σ over samples with p_i > p of 1 / (N · p_i)
 *
 * guesses. The table keeps log10 rank at every `step` bits up to the 99.9th percentile of the
 * samples (past it too few samples remain; markov.ts extrapolates). Build time only.
 */
export interface CalibrationOptions {
  readonly samples: number;
  readonly seed: number;
  readonly step: number;
  readonly maxLength: number;
}

export function calibrate(quantised: QuantisedModel, options: CalibrationOptions): QuantisedModel {
  const model = decodeModel(encodeModel(quantised));
  const bits = sampleBits(model, options);
  bits.sort();
  const cut = bits[Math.floor(bits.length * 0.999)]!;
  const entries = Math.max(2, Math.floor(cut / options.step) + 1);
  const table = new Float32Array(entries);
  let rank = 0;
  let k = 0;
  for (let j = 0; j < entries; j++) {
    const b = j * options.step;
    while (k < bits.length && bits[k]! < b) rank += 2 ** bits[k++]! / bits.length;
    table[j] = Math.log10(Math.max(1, rank));
  }
  return { ...quantised, calibration: table, calibrationStep: options.step };
}

/** −log2 probabilities of `samples` strings drawn from the model (seeded, deterministic). */
export function sampleBits(model: CharModel, options: CalibrationOptions): Float64Array {
  const A = ALPHABET_SIZE;
  const next = xorshift(options.seed);
  const probs = new Float64Array(A);
  const out = new Float64Array(options.samples);
  for (let n = 0; n < options.samples; n++) {
    let a = BOUNDARY, b = BOUNDARY, c = BOUNDARY;
    let bits = 0;
    for (let len = 0; len <= options.maxLength; len++) {
      for (let x = 0; x < A; x++) probs[x] = 2 ** -stepBits(model, a, b, c, x);
      const s = pick(probs, next());
      bits += stepBits(model, a, b, c, s);
      if (s === BOUNDARY) break;
      if (s === SYMBOL_CLASS) {
        for (let x = 0; x < SYMBOL_COUNT; x++) probs[x] = 2 ** -model.symbolBits[x]!;
        bits += model.symbolBits[pick(probs.subarray(0, SYMBOL_COUNT), next())]!;
      } else if (s === OTHER_CLASS) bits += OTHER_BITS;
      a = b;
      b = c;
      c = s;
    }
    out[n] = bits;
  }
  return out;
}

function pick(probs: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < probs.length; i++) total += probs[i]!;
  let r = u * total;
  for (let i = 0; i < probs.length; i++) {
    r -= probs[i]!;
    if (r < 0) return i;
  }
  return probs.length - 1;
}

function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}
