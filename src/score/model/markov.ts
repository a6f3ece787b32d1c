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
  // stepBits inlined, with the context index carried along (a·A² + b·A + c, shifted one symbol
  // per character) and the tables in locals: the same reads and the same float additions in the
  // same order, so the same value, for a fraction of the cost per character.
  const index3 = model.index3;
  const rows3 = model.rows3;
  const rows2 = model.rows2;
  let ctx = 0; // (a·A + b)·A + c with a = b = c = BOUNDARY (0)
  let bits = 0;
  const n = plain.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? plain.charCodeAt(i) : -1;
    const s = code < 0 ? BOUNDARY : code < 0x80 ? ASCII_SYMBOL[code]! : OTHER_CLASS;
    const row = index3[ctx]!;
    if (row === NO_ROW) {
      const r = ctx % (A * A);
      if (model.ready2[r] === 0) {
        readyRow(rows2, model.quantised2, r * A, A);
        model.ready2[r] = 1;
      }
      bits += rows2[r * A + s]!;
    } else {
      if (model.ready3[row] === 0) {
        readyRow(rows3, model.quantised3, row * A, A);
        model.ready3[row] = 1;
      }
      bits += rows3[row * A + s]!;
    }
    if (s === SYMBOL_CLASS) bits += model.symbolBits[symbolIndex(code)]!;
    else if (s === OTHER_CLASS) bits += OTHER_BITS;
    ctx = (ctx % (A * A)) * A + s;
  }
  return bits;
}

/** symbolOf of every code unit below 0x80, read instead of computed per character. */
const ASCII_SYMBOL = Uint8Array.from({ length: 0x80 }, (_, c) => symbolOf(c));

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
