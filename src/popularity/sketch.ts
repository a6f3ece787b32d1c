/**
 * Where a root lands in the count-min sketch: d counters, one a row, picked by HMAC-SHA-256 keyed
 * with the deployment's secret. Only these positions reach a store — never the root, never an
 * unkeyed hash of it — so a copy of the sketch (a snapshot file, a Redis dump) cannot be tested
 * against a wordlist without the secret. Node only (node:crypto): the feature is server-side.
 */
import { createHmac } from 'node:crypto';
import { MIN_FALSE_POSITIVE_RATE, type SketchSize } from './sizing.js';

/** The password's root once located: its counters, and whether it is one of the decoys. */
export interface Located {
  /** Flat counter positions, `row * width + column`, one per row. */
  readonly cells: Uint32Array;
  /** A decoy root: refused whatever its count (MIN_FALSE_POSITIVE_RATE). */
  readonly decoy: boolean;
}

const DECOY_BELOW = Math.floor(MIN_FALSE_POSITIVE_RATE * 2 ** 32);

export class SketchKey {
  readonly #secret: Buffer;
  readonly size: SketchSize;
  /**
   * Names the sketch a key built (secret and size): 12 hex digits of a keyed hash of a constant.
   * A store keeps counts under it, so another secret or size starts a new sketch instead of
   * reading one it cannot interpret. It says nothing about the secret.
   */
  readonly id: string;

  constructor(secret: Uint8Array, size: SketchSize) {
    if (size.depth > 7) throw new RangeError('sketch depth must be at most 7'); // 8 × 32 bits of digest, one kept for the decoy
    this.#secret = Buffer.from(secret);
    this.size = size;
    this.id = createHmac('sha256', this.#secret).update(`passgate-popularity-id\0${size.width}x${size.depth}`).digest('hex').slice(0, 12);
  }

  locate(root: string): Located {
    const digest = createHmac('sha256', this.#secret).update('passgate-popularity-root\0').update(root, 'utf8').digest();
    const { width, depth } = this.size;
    const cells = new Uint32Array(depth);
    // 32 bits per row: modulo a width ≤ 2^23 is uniform within 2^-9, far below the sketch's own error.
    for (let row = 0; row < depth; row++) cells[row] = row * width + (digest.readUInt32BE(row * 4) % width);
    return { cells, decoy: digest.readUInt32BE(28) < DECOY_BELOW };
  }

  toString(): string {
    return `[passgate SketchKey ${this.id}]`;
  }
}
