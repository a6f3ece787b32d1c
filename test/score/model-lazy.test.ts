import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Assets } from '../../src/assets/platform.js';
import { BITS_SCALE, decodeModel, encodeModel, NO_ROW, normaliseRow, readIndex } from '../../src/score/model/model-bytes.js';
import { stepBits, stringBits } from '../../src/score/model/markov.js';
import { OTHER_BITS, OTHER_CLASS, SYMBOL_CLASS, symbolIndex, symbolOf } from '../../src/score/model/alphabet.js';
import { trainModel } from '../../src/score/model/train.js';

const A = 40;
const bytes = () => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../data', Assets.model)));

/**
 * The eager decode the runtime used to do, as the oracle: every row dequantised, then every row
 * renormalised, from the file's layout (model-bytes.ts header comment).
 */
function eager(file: Uint8Array) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const k = view.getUint32(4, true);
  const deq = (q: Uint8Array) => {
    const bits = Float32Array.from(q, (x) => x / BITS_SCALE);
    for (let r = 0; r < bits.length; r += A) normaliseRow(bits, r, A);
    return bits;
  };
  const rows2 = deq(file.subarray(48, 48 + A ** 3));
  const index3 = Array.from({ length: A ** 3 }, (_, i) => view.getUint16(48 + A ** 3 + 2 * i, true));
  const at3 = 48 + 3 * A ** 3;
  const rows3 = deq(file.subarray(at3, at3 + k * A));
  return (a: number, b: number, c: number, x: number) => {
    const row = index3[(a * A + b) * A + c]!;
    return row === NO_ROW ? rows2[(b * A + c) * A + x]! : rows3[row * A + x]!;
  };
}

describe('the character model decoded lazily', () => {
  it('gives exactly the eager decode\'s bits for every context and symbol of the shipped model', () => {
    const file = bytes();
    const model = decodeModel(file);
    const oracle = eager(file);
    let differing = 0;
    // Contexts in a scattered order, so rows are first read in an order unlike the file's.
    for (let i = 0; i < A ** 3; i++) {
      const ctx = (i * 7919) % A ** 3;
      const [a, b, c] = [Math.floor(ctx / (A * A)), Math.floor(ctx / A) % A, ctx % A];
      for (let x = 0; x < A; x++) if (stepBits(model, a, b, c, x) !== oracle(a, b, c, x)) differing++;
    }
    expect(differing).toBe(0);
  });

  it('walks strings to exactly the eager decode\'s bits, reading the 1-byte rows (every 3-symbol string)', () => {
    // stringBits reads order-3 values as fround(q / 8 + the row's shift) from the quantised rows
    // (issue 19, speed): the same floats the eager decode stores. One unit per model symbol.
    const file = bytes();
    const model = decodeModel(file);
    const oracle = eager(file);
    const units = [...'abcdefghijklmnopqrstuvwxyz0123456789 !é'];
    const symbol = (u: string) => symbolOf(u.charCodeAt(0));
    let differing = 0;
    for (const x of units) for (const y of units) for (const z of units) {
      const s = x + y + z;
      let bits = 0;
      let [a, b, c] = [0, 0, 0];
      for (const u of [...s, '']) {
        const next = u === '' ? 0 : symbol(u);
        bits += oracle(a, b, c, next);
        if (next === SYMBOL_CLASS) bits += model.symbolBits[symbolIndex(u.charCodeAt(0))]!;
        else if (next === OTHER_CLASS) bits += OTHER_BITS;
        [a, b, c] = [b, c, next];
      }
      if (stringBits(model, s) !== bits) differing++;
    }
    expect(differing).toBe(0);
  });

  it('does no per-row work when decoding: no row is ready until it is read', () => {
    const model = decodeModel(bytes());
    // A row is ready once its shift is known (NaN: not yet read).
    const ready = (shifts: Float64Array) => shifts.reduce((n, x) => n + (Number.isNaN(x) ? 0 : 1), 0);
    expect(ready(model.shift2)).toBe(0);
    expect(ready(model.shift3)).toBe(0);
    stepBits(model, 1, 2, 3, 4);
    expect(ready(model.shift2) + ready(model.shift3)).toBe(1);
  });

  it('reads the order-3 index the same on the copying path (big-endian or misaligned bytes)', () => {
    const file = bytes();
    const at = 48 + A ** 3;
    const direct = readIndex(file, at, A ** 3);
    expect(readIndex(file, at, A ** 3, false)).toEqual(direct);
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    expect(readIndex(shifted.subarray(1), at, A ** 3)).toEqual(direct);
    // and a misaligned copy of the file decodes to the same bits
    const m1 = decodeModel(file), m2 = decodeModel(shifted.subarray(1));
    for (const [a, b, c, x] of [[0, 0, 0, 1], [16, 1, 19, 19], [1, 2, 3, 4], [39, 39, 39, 0]] as const) {
      expect(stepBits(m2, a, b, c, x)).toBe(stepBits(m1, a, b, c, x));
    }
  });

  it('still refuses an index naming a row the file does not have', () => {
    const small = trainModel(['password', 'sunshine1', 'dragon'], { minContextCount: 1 });
    const encoded = encodeModel(small);
    const k = new DataView(encoded.buffer).getUint32(4, true);
    new DataView(encoded.buffer).setUint16(48 + A ** 3, k, true); // first index entry → row k (out of range)
    expect(() => decodeModel(encoded)).toThrow(/damaged/);
  });
});
