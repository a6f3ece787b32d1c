import { ALPHABET_SIZE, BOUNDARY, OTHER_BITS, OTHER_CLASS, SYMBOL_CLASS, symbolIndex, symbolOf } from './alphabet.js';
import { NO_ROW, readyRow, type CharModel } from './model-bytes.js';

/**
 * The character model's view of a string: −log2 of its probability under the order-3 Markov
 * model the data build trained on the shipped top-1M list and dictionaries (model/train.ts),
 * and the guesses that probability is worth — an attacker enumerating the model's strings from
 * the most probable down reaches it after about that many (Monte Carlo calibration,
 * model/calibrate.ts). Linear in the length: one table read per code unit.
 */
const A = ALPHABET_SIZE;

/** −log2 P(plain), end of string included; `plain` is the normalised (lowercase) password. */
export function stringBits(model: CharModel, plain: string): number {
  let a = BOUNDARY;
  let b = BOUNDARY;
  let c = BOUNDARY;
  let bits = 0;
  for (let i = 0; i <= plain.length; i++) {
    const code = i < plain.length ? plain.charCodeAt(i) : -1;
    const s = code < 0 ? BOUNDARY : symbolOf(code);
    bits += stepBits(model, a, b, c, s);
    if (s === SYMBOL_CLASS) bits += model.symbolBits[symbolIndex(code)]!;
    else if (s === OTHER_CLASS) bits += OTHER_BITS;
    a = b;
    b = c;
    c = s;
  }
  return bits;
}

/** −log2 P(next | a b c). */
export function stepBits(model: CharModel, a: number, b: number, c: number, next: number): number {
  const row = model.index3[(a * A + b) * A + c]!;
  if (row === NO_ROW) {
    const r = b * A + c;
    if (model.ready2[r] === 0) {
      readyRow(model.rows2, model.quantised2, r * A, A);
      model.ready2[r] = 1;
    }
    return model.rows2[r * A + next]!;
  }
  if (model.ready3[row] === 0) {
    readyRow(model.rows3, model.quantised3, row * A, A);
    model.ready3[row] = 1;
  }
  return model.rows3[row * A + next]!;
}

/**
 * log10 of the guesses for a string of `bits`: the calibration table, linearly interpolated;
 * past its end, each further bit doubles the guesses (the tail of rank(p) ≈ c / p).
 */
export function guessesLog10FromBits(model: CharModel, bits: number): number {
  const t = model.calibration;
  const x = Math.max(0, bits) / model.calibrationStep;
  const last = t.length - 1;
  if (x >= last) return t[last]! + (bits - last * model.calibrationStep) * Math.LOG10E * Math.LN2;
  const i = Math.floor(x);
  return t[i]! + (t[i + 1]! - t[i]!) * (x - i);
}
