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

  constructor(terms: readonly string[]) {
    let total = 0;
    for (const t of terms) total += t.length;
    this.size = terms.length;
    this.units = new Uint16Array(total);
    this.offsets = new Uint32Array(terms.length + 1);
    let at = 0;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k]!;
      for (let j = 0; j < t.length; j++) this.units[at + j] = t.charCodeAt(j);
      at += t.length;
      this.offsets[k + 1] = at;
    }
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
