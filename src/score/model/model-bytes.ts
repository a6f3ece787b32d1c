import { ALPHABET_SIZE, SYMBOL_COUNT } from './alphabet.js';

/**
 * The shipped form of the character model (`Assets.model`), written by the data build
 * (model/train.ts, model/calibrate.ts) and read by every checker of the recommended profile.
 *
 *   0   "PGM1"                       magic and version
 *   4   u32 rows4                    order-3 contexts with their own row (K)
 *   8   u32 calibration entries      (C)
 *   12  f32 calibration step         bits between two calibration entries
 *   16  32 × u8 symbol bits          −log2 P(symbol | SYMBOL_CLASS), in 1/8 bit
 *   48  40² × 40 × u8 order-2 rows   −log2 P(next | last two symbols), in 1/8 bit
 *   …   40³ × u16 row of each order-3 context (0xffff: none, use the order-2 row)
 *   …   K × 40 × u8 order-3 rows
 *   …   C × f32 calibration          log10 guesses at 0, step, 2·step … bits
 *
 * Rows are read from the shipped bytes, each row's renormalising shift computed on its first use
 * (rowBits), so decoding is a header check, a view on the order-3 index and one pass validating
 * it: createChecker does not pay ~1.1 M divisions for rows most processes never read, nor hold
 * 4 MB of dequantised rows. Scoring and the sampling that calibrated the table see the same
 * distribution.
 */
export interface CharModel {
  /** The order-3 row of each context (a·40 + b)·40 + c, or NO_ROW: use the order-2 row b·40 + c. */
  readonly index3: Uint16Array;
  /**
   * The shipped rows in 1/8 bit (views on the file's bytes): −log2 P(next | last two), row
   * (b·40 + c), and −log2 P(next | last three) for the contexts index3 names. Read by rowBits.
   */
  readonly quantised2: Uint8Array;
  readonly quantised3: Uint8Array;
  /**
   * Per row of quantised2 / quantised3: the shift normaliseRow would add to its dequantised
   * values (NaN until the row is first read: rowShift).
   */
  readonly shift2: Float64Array;
  readonly shift3: Float64Array;
  readonly symbolBits: Float32Array;
  readonly calibration: Float32Array;
  readonly calibrationStep: number;
}

const MAGIC = 0x314d4750; // "PGM1" little-endian
export const BITS_SCALE = 8;
const A = ALPHABET_SIZE;
export const NO_ROW = 0xffff;

export interface QuantisedModel {
  rows2: Uint8Array;
  index3: Uint16Array;
  rows3: Uint8Array;
  symbolBits: Uint8Array;
  calibration: Float32Array;
  calibrationStep: number;
}

export function encodeModel(m: QuantisedModel): Uint8Array {
  const k = m.rows3.length / A;
  const size = 48 + A * A * A + 2 * A * A * A + k * A + 4 * m.calibration.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, k, true);
  view.setUint32(8, m.calibration.length, true);
  view.setFloat32(12, m.calibrationStep, true);
  out.set(m.symbolBits, 16);
  let at = 48;
  out.set(m.rows2, at);
  at += A * A * A;
  for (let i = 0; i < m.index3.length; i++, at += 2) view.setUint16(at, m.index3[i]!, true);
  out.set(m.rows3, at);
  at += m.rows3.length;
  for (let i = 0; i < m.calibration.length; i++, at += 4) view.setFloat32(at, m.calibration[i]!, true);
  return out;
}

/** Decodes shipped bytes; throws on a damaged or foreign file (the caller fails closed). */
export function decodeModel(bytes: Uint8Array): CharModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 48 || view.getUint32(0, true) !== MAGIC) throw new Error('model: not a passgate character model');
  const k = view.getUint32(4, true);
  const c = view.getUint32(8, true);
  const step = view.getFloat32(12, true);
  const size = 48 + A * A * A + 2 * A * A * A + k * A + 4 * c;
  if (bytes.length !== size || k >= NO_ROW || !(step > 0) || c < 2) throw new Error('model: damaged character model');
  const symbolBits = new Float32Array(SYMBOL_COUNT);
  for (let i = 0; i < SYMBOL_COUNT; i++) symbolBits[i] = bytes[16 + i]! / BITS_SCALE;
  normaliseRows(symbolBits, SYMBOL_COUNT);
  let at = 48;
  const quantised2 = bytes.subarray(at, at + A * A * A);
  at += A * A * A;
  const index3 = readIndex(bytes, at, A * A * A);
  for (let i = 0; i < index3.length; i++) {
    const row = index3[i]!;
    if (row !== NO_ROW && row >= k) throw new Error('model: damaged character model');
  }
  at += 2 * A * A * A;
  const quantised3 = bytes.subarray(at, at + k * A);
  at += k * A;
  const calibration = new Float32Array(c);
  for (let i = 0; i < c; i++, at += 4) calibration[i] = view.getFloat32(at, true);
  return {
    index3,
    quantised2,
    quantised3,
    shift2: new Float64Array(A * A).fill(NaN),
    shift3: new Float64Array(k).fill(NaN),
    symbolBits,
    calibration,
    calibrationStep: step,
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `count` little-endian u16 at `at`: a view where the platform and alignment allow, else a copy. */
export function readIndex(bytes: Uint8Array, at: number, count: number, littleEndian = LITTLE_ENDIAN): Uint16Array {
  const offset = bytes.byteOffset + at;
  if (littleEndian && offset % 2 === 0) return new Uint16Array(bytes.buffer, offset, count);
  const view = new DataView(bytes.buffer, offset, 2 * count);
  const out = new Uint16Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, true);
  return out;
}

/**
 * −log2 P of column `s` in row `r` of 40-wide quantised rows: the very float an eager decode
 * stores (each row dequantised into a Float32Array, then normaliseRow), fround(q / 8 + the row's
 * shift), read from the 1-byte rows — a quarter of the bytes for the cache to hold, and no 4 MB
 * of dequantised rows. The row's shift is computed on its first read (test/score/model-lazy.test.ts
 * checks every context and symbol of the shipped model against the eager decode).
 */
export function rowBits(quantised: Uint8Array, shifts: Float64Array, r: number, s: number): number {
  let shift = shifts[r]!;
  if (shift !== shift) shift = shifts[r] = rowShift(quantised, r * A, A);
  return Math.fround(quantised[r * A + s]! / BITS_SCALE + shift);
}

function normaliseRows(bits: Float32Array, width: number): void {
  for (let r = 0; r < bits.length; r += width) normaliseRow(bits, r, width);
}

/**
 * The shift normaliseRow gives the row of quantised values at `from` once dequantised: the same
 * sum in the same order over the same values (q / 8 is exact in a float32), so the same shift.
 */
export function rowShift(quantised: Uint8Array, from: number, width: number): number {
  let sum = 0;
  for (let i = 0; i < width; i++) sum += 2 ** -(quantised[from + i]! / BITS_SCALE);
  return Math.log2(sum);
}

/** Shifts one row of −log2 values (at `from`) so its probabilities sum to 1. */
export function normaliseRow(bits: Float32Array, from: number, width: number): void {
  let sum = 0;
  for (let i = 0; i < width; i++) sum += 2 ** -bits[from + i]!;
  const shift = Math.log2(sum);
  for (let i = 0; i < width; i++) bits[from + i] = bits[from + i]! + shift;
}
