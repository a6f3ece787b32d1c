import { ALPHABET_SIZE, BOUNDARY, OTHER_BITS, OTHER_CLASS, SYMBOL_CLASS, symbolIndex, symbolOf } from './alphabet.js';
import { NO_ROW, rowBits, type CharModel } from './model-bytes.js';

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
  return walkBits(model, plain, false);
}

/**
 * stringBits of `plain`, keeping what `prefixStringBits` needs to give the bits of any prefix of
 * it without a second walk (model/readings.ts prices the password before its suffix too).
 * Module scratch: valid until the next call.
 */
export function stringBitsKeepingPrefixes(model: CharModel, plain: string): number {
  if (prefixBefore.length <= plain.length) {
    const size = Math.max(plain.length + 1, prefixBefore.length * 2);
    prefixBefore = new Float64Array(size);
    prefixContext = new Int32Array(size);
  }
  return walkBits(model, plain, true);
}

/**
 * stringBits(model, plain.slice(0, k)) for the `plain` of the last stringBitsKeepingPrefixes call
 * (0 ≤ k ≤ its length): the bits summed before character k, plus the end of string in the
 * context there — the same additions in the same order, so the same value.
 */
export function prefixStringBits(model: CharModel, k: number): number {
  return prefixBefore[k]! + contextBits(model, prefixContext[k]!, BOUNDARY);
}

let prefixBefore = new Float64Array(64);
let prefixContext = new Int32Array(64);

function walkBits(model: CharModel, plain: string, keep: boolean): number {
  // stepBits inlined, with the context index carried along (a·A² + b·A + c, shifted one symbol
  // per character; `last2` = b·A + c and `last` = c carried too, so no division is needed) and the
  // tables in locals: the same reads and the same float additions in the same order, so the same
  // value, for a fraction of the cost per character.
  const index3 = model.index3;
  const quantised3 = model.quantised3;
  const shift3 = model.shift3;
  const quantised2 = model.quantised2;
  const shift2 = model.shift2;
  let ctx = 0; // (a·A + b)·A + c with a = b = c = BOUNDARY (0)
  let last2 = 0;
  let last = 0;
  let bits = 0;
  const n = plain.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? plain.charCodeAt(i) : -1;
    if (keep) {
      prefixBefore[i] = bits;
      prefixContext[i] = ctx;
    }
    const s = code < 0 ? BOUNDARY : code < 0x80 ? ASCII_SYMBOL[code]! : OTHER_CLASS;
    const row = index3[ctx]!;
    bits += row === NO_ROW ? rowBits(quantised2, shift2, last2, s) : rowBits(quantised3, shift3, row, s);
    if (s === SYMBOL_CLASS) bits += model.symbolBits[symbolIndex(code)]!;
    else if (s === OTHER_CLASS) bits += OTHER_BITS;
    ctx = last2 * A + s;
    last2 = last * A + s;
    last = s;
  }
  return bits;
}

/** −log2 P(next | context), the context as walkBits carries it ((a·A + b)·A + c). */
function contextBits(model: CharModel, ctx: number, next: number): number {
  return stepBits(model, Math.floor(ctx / (A * A)), Math.floor(ctx / A) % A, ctx % A, next);
}

/** symbolOf of every code unit below 0x80, read instead of computed per character. */
const ASCII_SYMBOL = Uint8Array.from({ length: 0x80 }, (_, c) => symbolOf(c));

/** −log2 P(next | a b c). */
export function stepBits(model: CharModel, a: number, b: number, c: number, next: number): number {
  const row = model.index3[(a * A + b) * A + c]!;
  return row === NO_ROW ? rowBits(model.quantised2, model.shift2, b * A + c, next) : rowBits(model.quantised3, model.shift3, row, next);
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
