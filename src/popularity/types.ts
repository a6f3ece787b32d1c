/**
 * The popularity source as the engine sees it. Types only, so the portable engine can hold one
 * without importing node:crypto; the Node platform builds it (source.ts), browsers have none.
 */
import type { Finding } from '../types.js';

export interface PopularityStats {
  readonly store: 'memory' | 'redis';
  /** Share of the sketch's counters that are not zero (null: the store could not say). */
  readonly fill: number | null;
  /** Store failures since start (commands that failed or timed out, lost connections). */
  readonly errors: number;
}

export interface PopularitySource {
  /** True when the store answers synchronously (in process): `evaluate` can check. */
  readonly sync: boolean;
  /** The check for `evaluate`; only when `sync`. Never throws. */
  checkSync(password: string): Finding[];
  /** The check for `evaluateAsync`: POPULAR_PASSWORD, or POPULARITY_UNCHECKED when the store fails. Never throws. */
  check(password: string): Promise<Finding[]>;
  /** Counts the password's root once. Rejects with PopularityStoreError when the store fails. */
  record(password: string): Promise<void>;
  stats(): Promise<PopularityStats>;
  close(): Promise<void>;
}
