/**
 * Node-only: the XXXXX.txt files of the downloader's per-prefix directory (16⁵ = 1,048,576 of
 * them), listed without holding a million names: which prefixes exist is one bit each, for the
 * two spellings a downloader writes (upper and lower case hex); a name mixing cases is rare and
 * kept as a string. A million `stat` promises at once, or a name array, cost memory per file
 * (issue 20: 256 k files took 1.43 GB); this costs 256 KiB whatever the count.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const PREFIX_FILE = /^[0-9A-Fa-f]{5}\.txt$/;
const PREFIXES = 1 << 20;
/** How many `stat` calls run at once when summing sizes. */
const STAT_CONCURRENCY = 16;

export class PrefixDir {
  readonly #upper = new Uint8Array(PREFIXES >>> 3);
  readonly #lower = new Uint8Array(PREFIXES >>> 3);
  readonly #mixed = new Map<number, string[]>();
  #count = 0;

  private constructor(readonly dir: string) {}

  /** Lists `dir` (streamed: opendir reads a few entries at a time). */
  static async list(dir: string): Promise<PrefixDir> {
    const out = new PrefixDir(dir);
    const handle = await opendir(dir, { bufferSize: 256 });
    for await (const entry of handle) out.#add(entry.name);
    return out;
  }

  #add(name: string): void {
    if (!PREFIX_FILE.test(name)) return;
    const stem = name.slice(0, 5);
    const prefix = parseInt(stem, 16);
    const bit = 1 << (prefix & 7);
    if (stem === stem.toUpperCase()) this.#upper[prefix >>> 3]! |= bit;
    else if (stem === stem.toLowerCase()) this.#lower[prefix >>> 3]! |= bit;
    else {
      const list = this.#mixed.get(prefix) ?? [];
      list.push(name);
      list.sort();
      this.#mixed.set(prefix, list);
    }
    this.#count++;
  }

  /** How many XXXXX.txt names the directory holds. */
  get count(): number {
    return this.#count;
  }

  /**
   * The names in prefix order; for one prefix, the upper-case spelling, then the lower-case one,
   * then any mixed ones (sorted). Digits-only names count as upper case.
   */
  *names(): Generator<string> {
    if (this.#count === 0) return;
    for (let prefix = 0; prefix < PREFIXES; prefix++) {
      const byte = prefix >>> 3;
      const bit = 1 << (prefix & 7);
      if ((this.#upper[byte]! | this.#lower[byte]!) & bit || this.#mixed.size > 0) {
        const hex = prefix.toString(16).padStart(5, '0');
        if (this.#upper[byte]! & bit) yield `${hex.toUpperCase()}.txt`;
        if (this.#lower[byte]! & bit) yield `${hex}.txt`;
        const mixed = this.#mixed.get(prefix);
        if (mixed) yield* mixed;
      }
    }
  }

  /** The files' total size (for progress), `STAT_CONCURRENCY` stats at a time; a vanished file counts 0. */
  async totalBytes(): Promise<number> {
    const names = this.names();
    let total = 0;
    const worker = async (): Promise<void> => {
      for (let r = names.next(); !r.done; r = names.next()) {
        try {
          // Awaited first, then added: `total += await …` would read `total` before the await
          // and lose the other workers' additions.
          const { size } = await stat(join(this.dir, r.value));
          total += size;
        } catch {
          // read (and reported) when its turn comes
        }
      }
    };
    await Promise.all(Array.from({ length: STAT_CONCURRENCY }, worker));
    return total;
  }
}
