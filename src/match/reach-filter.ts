/**
 * Approximate set of (length, hash) keys for term prefixes or suffixes: a blocked Bloom
 * filter with three bits in one 32-bit word, so a lookup touches one word.
 *
 * It answers "could text[s..s+k) begin some term?" The index walks k = 1, 2, … until the
 * first "no", which is always a true "no" (Bloom filters have no false negatives), so the
 * reach it computes is never shorter than the true one: pruning with it can skip work, never
 * matches. False positives only cost extra probes. Unlike the main table it holds no ids, so
 * it is small (~1 byte a key) and mostly stays in cache even at 1 M terms.
 */
export class ReachFilter {
  private readonly words: Uint32Array;
  private readonly scale: number;

  /** @param keyCount upper bound on the keys added; sized at ~8 bits a key */
  constructor(keyCount: number) {
    const size = Math.max(16, Math.ceil(keyCount / 4));
    this.words = new Uint32Array(size);
    this.scale = size / 4_294_967_296;
  }

  /** A filter that answers "maybe" to everything (for reach nobody will read). */
  static everything(): ReachFilter {
    const f = new ReachFilter(0);
    f.words.fill(0xffff_ffff);
    return f;
  }

  /** Bytes held by the filter. */
  get byteLength(): number {
    return this.words.byteLength;
  }

  /** `key` is an unsigned 32-bit mixed key; its high bits pick the word, low bits the bits. */
  add(key: number): void {
    const w = Math.floor(key * this.scale);
    this.words[w]! |= (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
  }

  /**
   * Adds `key` marked as a whole term (not just a prefix of one): a fourth bit in the same
   * word, so the exact-match walk learns "could a term end here?" from the word it already
   * read, and probes the big table only then.
   */
  addTerminal(key: number): void {
    const w = Math.floor(key * this.scale);
    this.words[w]! |=
      (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31)) | (1 << ((key >>> 15) & 31));
  }

  /** 0: surely absent; 1: maybe present; 3: maybe present as a whole term (see addTerminal). */
  state(key: number): number {
    const mask = (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
    const word = this.words[Math.floor(key * this.scale)]!;
    if ((word & mask) !== mask) return 0;
    return (word & (1 << ((key >>> 15) & 31))) === 0 ? 1 : 3;
  }

  mayContain(key: number): boolean {
    const mask = (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
    return (this.words[Math.floor(key * this.scale)]! & mask) === mask;
  }
}
