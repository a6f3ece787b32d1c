import type { KeyTable } from './key-table.js';

/**
 * Which fingerprints a `KeyTable` holds, one bit each (at most 2^FINGERPRINT_BITS_MAX bits:
 * 64 KiB). A probe only ever matches a slot whose word carries the key's fingerprint, so a key
 * whose fingerprint no slot carries matches nothing: `mayHold` false means the probe would find
 * nothing, and skipping it changes no answer.
 *
 * Why: the banned index's fuzzy search queues tens of probes per long password and finds one or
 * two terms; each probe reads the table (220 KiB for the shipped lists) at a random slot, a cache
 * miss on a machine where the trie, the model and the filters compete for the caches. The shipped
 * table's fingerprints are 19 bits wide and 6.6 % of them occur: this bitmap turns ~15 of 16
 * probes away from one read in a 64 KiB array that stays warmer. Built once from the slots (no
 * format change); off (every key "may be held") when it would be more than half full, e.g. a 1 M
 * term table whose fingerprints are 12 bits.
 */
export class FingerprintBits {
  private constructor(
    private readonly bits: Uint32Array | null,
    private readonly mask: number,
    private readonly shift: number,
  ) {}

  static of(table: KeyTable): FingerprintBits {
    const fpBits = 32 - table.idBits;
    if (fpBits <= 0 || table.fingerprintMask === 0) return new FingerprintBits(null, 0, 0);
    // Wider fingerprints are read by their top bits: still exact about "no slot carries it".
    const width = Math.min(fpBits, FINGERPRINT_BITS_MAX);
    const shift = fpBits - width;
    const bits = new Uint32Array(Math.max(1, 2 ** width / 32));
    const { slots, idBits } = table;
    let set = 0;
    for (let i = 0; i < slots.length; i++) {
      const word = slots[i]!;
      if (word === 0) continue;
      const b = (word >>> idBits) >>> shift;
      const m = 1 << (b & 31);
      if ((bits[b >>> 5]! & m) === 0) {
        bits[b >>> 5]! |= m;
        set++;
      }
    }
    if (set * 2 > 2 ** width) return new FingerprintBits(null, 0, 0);
    return new FingerprintBits(bits, table.fingerprintMask, shift);
  }

  /** False only if no slot of the table carries `key`'s fingerprint. */
  mayHold(key: number): boolean {
    const bits = this.bits;
    if (bits === null) return true;
    const b = (key & this.mask) >>> this.shift;
    return (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** 2^19 bits = 64 KiB: the shipped banned table's fingerprints exactly. */
export const FINGERPRINT_BITS_MAX = 19;
