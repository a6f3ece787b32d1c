/**
 * A flat multimap from 32-bit keys to term ids: open addressing with linear probing in one
 * `Uint32Array`, one 4-byte word per slot.
 *
 * Each occupied word packs `fingerprint << idBits | (id + 1)`; 0 marks an empty slot. The
 * fingerprint is the key's low bits, while the slot comes from its high bits, so the two are
 * independent and a probe rejects most foreign entries without touching term data. With
 * 1 M terms ids take 20 bits and fingerprints 12, so about 1 in 4096 unrelated entries seen
 * on a probe costs a (cheap, always-correct) verification. Equal keys may repeat: every term
 * that shares a deletion string gets its own word, and a probe walks the whole run.
 */
export class KeyTable {
  /** Packed slots; read directly by the index's probe loops. */
  readonly slots: Uint32Array;
  readonly capacity: number;
  readonly idBits: number;
  readonly idMask: number;
  /** Mask applied to a key to get its fingerprint. */
  readonly fingerprintMask: number;
  /** capacity / 2^32: maps a 32-bit key onto [0, capacity) with one multiply. */
  private readonly scale: number;

  /**
   * @param keyCount how many insertions will follow (duplicates included)
   * @param idLimit  every id inserted is < idLimit
   * @param loadFactor slots filled at most; lower means shorter probe runs but more memory
   */
  static create(keyCount: number, idLimit: number, loadFactor: number): KeyTable {
    // One spare slot guarantees an empty word, so every probe loop terminates.
    const capacity = Math.max(8, Math.ceil(keyCount / loadFactor) + 1);
    return new KeyTable(new Uint32Array(capacity), 32 - Math.clz32(idLimit)); // room for id + 1 ≤ idLimit
  }

  /** Wraps existing slots (a fresh table, or one read back by `TermIndex.fromBytes`). */
  constructor(slots: Uint32Array, idBits: number) {
    this.slots = slots;
    this.capacity = slots.length;
    this.idBits = idBits;
    this.idMask = this.idBits >= 32 ? 0xffff_ffff : 2 ** this.idBits - 1;
    const fingerprintBits = 32 - this.idBits;
    this.fingerprintMask = fingerprintBits <= 0 ? 0 : 2 ** fingerprintBits - 1;
    this.scale = this.capacity / 4_294_967_296;
  }

  /** First slot to look at for `key` (an unsigned 32-bit integer). */
  slotOf(key: number): number {
    return Math.floor(key * this.scale);
  }

  /** The word a matching entry for `key` carries above its id bits. */
  fingerprintOf(key: number): number {
    return key & this.fingerprintMask;
  }

  /** The packed word that stores `id` under `key`. */
  wordOf(key: number, id: number): number {
    // idBits may be 32 (then the fingerprint is 0 and the shift, taken mod 32, is harmless).
    return ((this.fingerprintOf(key) << this.idBits) | (id + 1)) >>> 0;
  }

  insert(key: number, id: number): void {
    const word = this.wordOf(key, id);
    const { slots, capacity } = this;
    let slot = this.slotOf(key);
    while (slots[slot] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
    slots[slot] = word;
  }
}
