import { PassgateError } from '../errors.js';

/** What a popularity store does with counter positions (sketch.ts); it never sees a root. */
export interface PopularityStore {
  readonly kind: 'memory' | 'redis';
  /** The smallest of the counters (the count-min estimate); a synchronous store answers at once. */
  count(cells: Uint32Array): number | Promise<number>;
  /** Adds one to each counter, atomically as a whole (saturating at 65 535). */
  add(cells: Uint32Array): void | Promise<void>;
  /** The share of counters that are not zero (0–1): how full the sketch is. */
  fill(): number | Promise<number>;
  /** Writes what is pending and releases the connection; idempotent. */
  close(): Promise<void>;
}

/** Counters saturate here (16 bits each): far above any limit, so a saturated one still refuses. */
export const COUNTER_MAX = 0xffff;

/** A store failure, said without the URL (it may hold a password) or anything of the request. */
export class PopularityStoreError extends PassgateError {
  override readonly name: string = 'PopularityStoreError';
}
