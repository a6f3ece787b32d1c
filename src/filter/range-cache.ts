/**
 * The range client's cache of answers per prefix: least recently used first out, bounded in
 * entries AND in bytes (what each answer's table says it holds, src/filter/range-answer.ts),
 * and every entry expires `ttlMs` after it was fetched, so a long-running service picks up new
 * breaches and a bad answer cannot stay forever. A bound in entries alone let a hostile server
 * that fills each answer to the response cap grow the heap to entries × cap.
 */
import type { RangeAnswerTable } from './range-answer.js';

interface Entry {
  readonly table: RangeAnswerTable;
  readonly expires: number;
}

/** Charged per entry on top of its table: the key and the Map slot. */
const ENTRY_OVERHEAD = 96;

export class RangeCache {
  // Map iteration order is insertion order: re-inserting on a hit makes it an LRU.
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(prefix: string): RangeAnswerTable | undefined {
    const e = this.#entries.get(prefix);
    if (!e) return undefined;
    this.#delete(prefix, e);
    if (this.now() >= e.expires) return undefined;
    this.#entries.set(prefix, e);
    this.#bytes += e.table.bytes + ENTRY_OVERHEAD;
    return e.table;
  }

  set(prefix: string, table: RangeAnswerTable): void {
    const cost = table.bytes + ENTRY_OVERHEAD;
    if (this.maxEntries === 0 || cost > this.maxBytes) return;
    const old = this.#entries.get(prefix);
    if (old) this.#delete(prefix, old);
    this.#entries.set(prefix, { table, expires: this.now() + this.ttlMs });
    this.#bytes += cost;
    for (const [key, e] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#delete(key, e);
    }
  }

  /** Bytes charged for what is held now (at most maxBytes). */
  get bytes(): number {
    return this.#bytes;
  }

  #delete(key: string, e: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= e.table.bytes + ENTRY_OVERHEAD;
  }
}
