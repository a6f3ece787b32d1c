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
  /**
   * Keys of length ≤ SHORT_MAX again, one bit each, in a bitmap small enough to stay in L1/L2
   * (≤ 64 KiB). Most reach walks end within three units, so at 1 M terms, where `words` is
   * tens of MiB and every read of it misses, the walks that go nowhere no longer touch it.
   * There are few distinct short prefixes (17 576 three-letter ones over a–z), so the bitmap
   * stays sparse; if a wide alphabet fills it anyway, `seal` turns it off.
   */
  private readonly short: Uint32Array;
  private readonly shortShift: number;
  /** Whether lookups of short keys use `short` (decided by `seal`). */
  private useShort: boolean;

  /**
   * @param keyCount upper bound on the keys added; sized at ~8 bits a key
   * @param termCount number of terms (sizes the short-key bitmap)
   */
  static create(keyCount: number, termCount = 0): ReachFilter {
    const size = Math.max(16, Math.ceil(keyCount / 4));
    // ~8 bits per possible short key, between 4 Ki and 512 Ki bits.
    const bits = Math.min(19, Math.max(12, 32 - Math.clz32(termCount * SHORT_MAX * 8)));
    return new ReachFilter(new Uint32Array(size), new Uint32Array(2 ** (bits - 5)), false);
  }

  /** Wraps existing arrays; `short.length` must be a power of two ≥ 2. */
  constructor(words: Uint32Array, short: Uint32Array, useShort: boolean) {
    this.words = words;
    this.scale = words.length / 4_294_967_296;
    this.short = short;
    this.shortShift = 32 - (31 - Math.clz32(short.length) + 5);
    this.useShort = useShort;
  }

  /** The arrays and flag `fromBytes` needs to rebuild this filter. */
  parts(): { words: Uint32Array; short: Uint32Array; useShort: boolean } {
    return { words: this.words, short: this.short, useShort: this.useShort };
  }

  /** Call once every key is in: enables the short-key bitmap unless it came out too full. */
  seal(): void {
    let set = 0;
    for (const w of this.short) set += popcount(w);
    this.useShort = set * 4 <= this.short.length * 32;
  }

  /** A filter that answers "maybe" to everything (for reach nobody will read). */
  static everything(): ReachFilter {
    const f = ReachFilter.create(0);
    f.words.fill(0xffff_ffff);
    f.short.fill(0xffff_ffff);
    return f;
  }

  /** Bytes held by the filter. */
  get byteLength(): number {
    return this.words.byteLength;
  }

  /**
   * `key` is an unsigned 32-bit mixed key of a prefix or suffix `length` units long; its high
   * bits pick the word, low bits the bits.
   */
  add(key: number, length: number): void {
    if (length <= SHORT_MAX) {
      const b = key >>> this.shortShift;
      this.short[b >>> 5]! |= 1 << (b & 31);
    }
    const w = Math.floor(key * this.scale);
    this.words[w]! |= (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
  }

  /**
   * Adds `key` marked as a whole term (not just a prefix of one): a fourth bit in the same
   * word, so the exact-match walk learns "could a term end here?" from the word it already
   * read, and probes the big table only then.
   */
  addTerminal(key: number, length: number): void {
    if (length <= SHORT_MAX) {
      const b = key >>> this.shortShift;
      this.short[b >>> 5]! |= 1 << (b & 31);
    }
    const w = Math.floor(key * this.scale);
    this.words[w]! |=
      (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31)) | (1 << ((key >>> 15) & 31));
  }

  /** 0: surely absent; 1: maybe present; 3: maybe present as a whole term (see addTerminal). */
  state(key: number, length: number): number {
    if (length <= SHORT_MAX && this.useShort) {
      const b = key >>> this.shortShift;
      if ((this.short[b >>> 5]! & (1 << (b & 31))) === 0) return 0;
    }
    const mask = (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
    const word = this.words[Math.floor(key * this.scale)]!;
    if ((word & mask) !== mask) return 0;
    return (word & (1 << ((key >>> 15) & 31))) === 0 ? 1 : 3;
  }

  mayContain(key: number, length: number): boolean {
    if (length <= SHORT_MAX && this.useShort) {
      const b = key >>> this.shortShift;
      return (this.short[b >>> 5]! & (1 << (b & 31))) !== 0;
    }
    const mask = (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
    return (this.words[Math.floor(key * this.scale)]! & mask) === mask;
  }
}

/** Prefixes and suffixes up to this long also go to the small bitmap. */
const SHORT_MAX = 3;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x5555_5555;
  x = (x & 0x3333_3333) + ((x >>> 2) & 0x3333_3333);
  x = (x + (x >>> 4)) & 0x0f0f_0f0f;
  return Math.imul(x, 0x0101_0101) >>> 24;
}
