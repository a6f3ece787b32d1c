/**
 * Distinct terms packed into one `Uint16Array` of UTF-16 units plus an offsets array, so
 * verifying a candidate reads two flat arrays instead of chasing a JS string per term
 * (and 1 M terms cost ~2 bytes a unit + 4 bytes a term instead of ~40 bytes of string
 * header each).
 */
export class TermStore {
  readonly units: Uint16Array;
  /** Term k occupies units[offsets[k] .. offsets[k+1]). */
  readonly offsets: Uint32Array;
  readonly size: number;

  /** Takes ownership of `units` and `offsets` (filled by the index build in one pass). */
  constructor(units: Uint16Array, offsets: Uint32Array) {
    this.units = units;
    this.offsets = offsets;
    this.size = offsets.length - 1;
  }

  length(k: number): number {
    return this.offsets[k + 1]! - this.offsets[k]!;
  }

  /** Decodes term k back into a string (chunked: `fromCharCode` takes its units as arguments). */
  text(k: number): string {
    const start = this.offsets[k]!;
    const end = this.offsets[k + 1]!;
    let s = '';
    for (let at = start; at < end; at += 4096) {
      s += String.fromCharCode(...this.units.subarray(at, Math.min(end, at + 4096)));
    }
    return s;
  }
}
