/**
 * The 'fast' key hash: a 64-bit hash, produced as two 32-bit lanes, of the password's UTF-16
 * code units. Hashing code units (not UTF-8) means no encoding step on the lookup path, and a JS
 * string is the same sequence of code units in Node and in every browser, lone surrogates
 * included. Only `Math.imul`, shifts, `^`, `+` and `| 0` are used, so every engine computes the
 * same bits (docs/filter-format.md spells the arithmetic out).
 *
 * It is not a cryptographic hash: it only has to spread keys evenly over blocks and bits.
 */

// Lane multipliers: the xxHash32 prime for lane a, a MurmurHash3 fmix constant for lane b.
// Odd, so each multiply is a bijection of the lane.
const PA = 0x9e3779b1 | 0;
const PB = 0x85ebca77 | 0;

/** Lane 2 of the last `fastHash` call (lane 1 is the return value): avoids allocating a pair. */
export let lane2 = 0;

/** MurmurHash3's 32-bit finaliser: full avalanche of one word (the checksum's last step). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * fast64-v2 (hash id 3). Hash `s` with `seed` (a u32). Returns lane 1 (signed int32) and leaves
 * lane 2 in `lane2`. Code units are taken two at a time as one 32-bit word `u[i] | u[i+1] << 16`;
 * an odd last unit is a word with a zero high half. The length goes into both lanes' start
 * states (so a trailing U+0000 changes both lanes) rather than into the tail, which keeps it
 * off the critical path.
 *
 * Why this shape (v1 did two multiplies per lane per word plus two full fmix32 and two lane
 * crossings): the lookup is dominated by this hash, and one multiply per lane per word plus a
 * half finaliser per lane measured as good in FPR as v1 on random and structured key sets at
 * 1e-2..1e-5 (docs/filter-format.md §1), while making `mayContain` ~1.25× faster at 1e6 keys.
 * Each step is a bijection of the lane for a fixed word and of the word for a fixed lane, so
 * two keys of one word never collide in a lane.
 */
export function fastHash(s: string, seed: number): number {
  const n = s.length;
  let a = (seed ^ 0x2d358dcc ^ n) | 0;
  let b = (seed ^ 0x6a09e667 ^ Math.imul(n, 0x27d4eb2f)) | 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ w, PA);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ w, PB);
    b = (b << 13) | (b >>> 19);
  }
  if (i < n) {
    const w = s.charCodeAt(i);
    a = Math.imul(a ^ w, PA);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ w, PB);
    b = (b << 13) | (b >>> 19);
  }
  // Half finalisers: after the multiply the top bits depend on every lane bit, and the final
  // shift-xor brings them down to the low bits the LCG probe steps also feed on.
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 16;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  // Lane 1 (the block) takes both lanes, so block and in-block pattern are not one lane's
  // function; (a + b, b) is a bijection of (a, b), so no entropy is lost.
  lane2 = b;
  return (a + b) | 0;
}
