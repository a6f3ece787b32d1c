/**
 * The popularity check and its recording, over a store (memory or Redis). Node only.
 *
 * What is counted is the password's root — case, leet, the digits, years, seasons and symbols at
 * its ends folded away (src/rotation/root.ts, the root the rotated-password check uses) — so
 * `Zephyr#Lantern2024`, `zephyr#lantern2023!` and `Zephyr#Lantern2025` count as one choice, as a
 * sprayer guessing this organisation's passwords would treat them. Only keyed counter positions
 * reach the store (sketch.ts). Counting happens when a password was set (`recordChosen`), never
 * when one is evaluated: a page evaluates every keystroke, and those are not choices.
 */
import { resolve } from 'node:path';
import type { Finding } from '../types.js';
import { passwordRoot } from '../rotation/root.js';
import { SketchKey, type Located } from './sketch.js';
import { createMemoryStore } from './store-memory.js';
import { createRedisStore } from './store-redis.js';
import { PopularityStoreError, type PopularityStore } from './store.js';
import type { ResolvedPopularity } from './options.js';
import type { PopularitySource, PopularityStats } from './types.js';

/**
 * One store per place and sketch in a process, shared by the checkers that name it: a service
 * reload builds a new checker while the old one finishes its requests, and both must count into
 * the same sketch (and one Redis connection, not one per generation). Each checker's close()
 * releases its share; the last one closes the store (a snapshot is written then).
 */
interface Shared {
  readonly store: Promise<PopularityStore>;
  refs: number;
  errors: number;
}
const stores = new Map<string, Shared>();

export async function createPopularitySource(options: ResolvedPopularity): Promise<PopularitySource> {
  const key = new SketchKey(options.secret, options.size);
  const where = options.redisUrl ? `redis|${options.redisUrl}` : `memory|${options.file === undefined ? '' : resolve(options.file)}`;
  const id = `${where}|${key.id}`;
  let entry = stores.get(id);
  if (!entry) {
    const made: Shared = { store: null as unknown as Promise<PopularityStore>, refs: 0, errors: 0 };
    const failed = () => void made.errors++;
    (made as { store: Promise<PopularityStore> }).store = options.redisUrl
      ? createRedisStore(key, { url: options.redisUrl, timeoutMs: options.timeoutMs, onError: failed })
      : createMemoryStore(key, { file: options.file, onWriteError: failed });
    stores.set(id, (entry = made));
  }
  entry.refs++;
  let store: PopularityStore;
  try {
    store = await entry.store;
  } catch (err) {
    // Not remembered: the next checker tries again (a snapshot restored, Redis client installed).
    if (--entry.refs === 0 && stores.get(id) === entry) stores.delete(id);
    throw err;
  }
  const shared = entry;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    if (--shared.refs === 0) {
      if (stores.get(id) === shared) stores.delete(id);
      await store.close();
    }
  };
  return new Source(key, store, options, () => shared.errors, release);
}

const POPULAR: Finding = Object.freeze({ code: 'POPULAR_PASSWORD', source: 'popularity' });

class Source implements PopularitySource {
  readonly sync: boolean;
  readonly #key: SketchKey;
  readonly #store: PopularityStore;
  readonly #options: ResolvedPopularity;
  readonly #errors: () => number;
  readonly #release: () => Promise<void>;

  constructor(key: SketchKey, store: PopularityStore, options: ResolvedPopularity, errors: () => number, release: () => Promise<void>) {
    this.#key = key;
    this.#store = store;
    this.#options = options;
    this.#errors = errors;
    this.#release = release;
    this.sync = store.kind === 'memory';
  }

  checkSync(password: string): Finding[] {
    const at = this.#locate(password);
    if (at.decoy) return [{ ...POPULAR }];
    const n = this.#store.count(at.cells);
    if (typeof n !== 'number') throw new TypeError('this popularity store is asynchronous: use evaluateAsync()');
    return n >= this.#options.limit ? [{ ...POPULAR }] : [];
  }

  async check(password: string): Promise<Finding[]> {
    const at = this.#locate(password);
    // A decoy is refused without asking the store: the answer must not depend on its state.
    if (at.decoy) return [{ ...POPULAR }];
    try {
      return (await this.#store.count(at.cells)) >= this.#options.limit ? [{ ...POPULAR }] : [];
    } catch (err) {
      const reason = err instanceof PopularityStoreError ? err.message : 'the popularity store failed';
      return [{
        code: 'POPULARITY_UNCHECKED',
        source: 'popularity',
        severity: this.#options.onError === 'reject' ? 'reject' : 'warn',
        params: { reason },
      }];
    }
  }

  async record(password: string): Promise<void> {
    await this.#store.add(this.#locate(password).cells);
  }

  async stats(): Promise<PopularityStats> {
    let fill: number | null;
    try {
      fill = await this.#store.fill();
    } catch {
      fill = null;
    }
    return { store: this.#store.kind, fill, errors: this.#errors() };
  }

  /** Releases this checker's share of the store; requests still running on it are answered. */
  close(): Promise<void> {
    return this.#release();
  }

  /**
   * The root's counters. A password with no root (digits and symbols only, `19283746`) counts as
   * itself, case-folded: otherwise every such password would share one empty root and the first
   * few would ban them all. The NUL prefix keeps the two kinds of key apart.
   */
  #locate(password: string): Located {
    const root = passwordRoot(password);
    return this.#key.locate(root.length > 0 ? root : `\0whole\0${password.normalize('NFKC').toLowerCase()}`);
  }

  toString(): string {
    return '[passgate PopularitySource]';
  }
}
