/**
 * Parsing Have I Been Pwned lines straight from bytes — no string per line — into the filter's
 * two lanes. Pure (no Node built-ins), so worker threads run the same code as the main thread.
 *
 * Line shapes: `HEX:COUNT` with the whole digest (40 hex digits for SHA-1, 32 for NTLM), or, in
 * the downloader's per-prefix files (`XXXXX.txt`), the digest minus its first 5 digits (35 / 27),
 * the prefix coming from the file name. Either hex case, space-padded counts, CRLF. Count 0 (the
 * range API's padding) and counts under `minCount` are skipped.
 */
import { HEX_VALUE, hexWordBytes } from './hex.js';

export interface HibpLineFormat {
  /** Hex digits before the colon: 40 / 32 (whole SHA-1 / NTLM digest) or 35 / 27 (per-prefix files). */
  readonly digits: number;
  /** The 5-digit prefix's value (0..0xfffff) for per-prefix files; null for whole digests. */
  readonly prefix: number | null;
  readonly minCount: number;
}

/** Counters one scan keeps (a worker keeps its own and the totals are summed). */
export interface LineCounts {
  lines: number;
  entries: number;
  skippedEmpty: number;
  skippedZeroCount: number;
  skippedBelowMinCount: number;
  malformed: number;
}

export const newCounts = (): LineCounts => ({ lines: 0, entries: 0, skippedEmpty: 0, skippedZeroCount: 0, skippedBelowMinCount: 0, malformed: 0 });

/** Lines longer than this are malformed (and never buffered whole): no real list line comes close. */
export const MAX_LINE_BYTES = 65536;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const COLON = 58;

export type AddLanes = (h1: number, h2: number) => void;
/** Reports a malformed line by its number within the scan and a reason (never its content). */
export type OnMalformed = (line: number, reason: string) => void;

export interface HibpParser {
  /**
   * Parses every complete line of `b[0..end)`; returns where the unfinished last line starts
   * (`end` when the chunk ends with LF). `final`: the input ends here, the tail is a line too.
   */
  chunk(b: Uint8Array, end: number, final: boolean): number;
}

export function hibpParser(fmt: HibpLineFormat, c: LineCounts, malformed: OnMalformed, add: AddLanes | null): HibpParser {
  const { digits, minCount } = fmt;
  const short = fmt.prefix !== null;
  const prefixBits = short ? (fmt.prefix! << 12) | 0 : 0;
  // Fast path: lane 1 starts from the prefix (per-prefix files) and takes n1 digits.
  const prefix0 = short ? fmt.prefix! : 0;
  const n1 = short ? 3 : 8;
  const bad = (reason: string): void => {
    c.malformed++;
    malformed(c.lines, reason);
  };
  const emit = (b: Uint8Array, s: number): void => {
    if (!add) return;
    // Whole digest: hex 0..7 and 8..15. Per-prefix: the prefix's 20 bits, then suffix digits.
    if (short) add(prefixBits | ((HEX_VALUE[b[s]!]! << 8) | (HEX_VALUE[b[s + 1]!]! << 4) | HEX_VALUE[b[s + 2]!]!), hexWordBytes(b, s + 3));
    else add(hexWordBytes(b, s), hexWordBytes(b, s + 8));
  };
  const counted = (count: number, b: Uint8Array, s: number): void => {
    if (count === 0) c.skippedZeroCount++;
    else if (count < minCount) c.skippedBelowMinCount++;
    else {
      c.entries++;
      emit(b, s);
    }
  };

  // One line, bytes [s, e) with the LF excluded: classifies every odd shape exactly.
  const slowLine = (b: Uint8Array, s: number, e: number): void => {
    if (e - s > MAX_LINE_BYTES) return bad(`longer than ${MAX_LINE_BYTES} bytes`);
    while (e > s && (b[e - 1] === CR || b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
    while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
    if (s === e) {
      c.skippedEmpty++;
      return;
    }
    if (e - s < digits + 2) return bad(`too short for HASH:COUNT (${digits} hex digits, a colon, a count)`);
    for (let i = s; i < s + digits; i++) if (HEX_VALUE[b[i]!]! < 0) return bad(`the hash is not ${digits} hex digits`);
    if (b[s + digits] !== COLON) return bad(`expected ':' after the ${digits}-digit hash`);
    let i = s + digits + 1;
    while (i < e && b[i] === SPACE) i++;
    if (i === e) return bad('missing count after the colon');
    let count = 0;
    for (; i < e; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return bad('the count is not a whole number');
      count = count * 10 + d; // past 2^53 only loses precision, never validity
    }
    counted(count, b, s);
  };

  return {
    chunk(b, end, final) {
      let p = 0;
      line: while (p < end) {
        c.lines++;
        const lineStart = p;
        // Fast path: the common shape `HEX:DIGITS[\r]\n`, one forward pass, no native calls.
        fast: {
          if (p + digits + 2 >= end) break fast;
          // Validate every digit and build the two lanes in the same pass (-1 has every bit set,
          // so one bad digit makes `badHex` negative; the polluted lanes are then never used).
          let badHex = 0;
          let v1 = prefix0;
          let v2 = 0;
          let i = p;
          for (const stop = p + n1; i < stop; i++) {
            const h = HEX_VALUE[b[i]!]!;
            badHex |= h;
            v1 = (v1 << 4) | h;
          }
          for (const stop = i + 8; i < stop; i++) {
            const h = HEX_VALUE[b[i]!]!;
            badHex |= h;
            v2 = (v2 << 4) | h;
          }
          for (const stop = p + digits; i < stop; i++) badHex |= HEX_VALUE[b[i]!]!;
          if (badHex < 0 || b[i] !== COLON) break fast;
          i++;
          let count = 0;
          const countStart = i;
          const stop = Math.min(end, i + 20);
          for (; i < stop; i++) {
            const d = b[i]! - 48;
            if (d < 0 || d > 9) break;
            count = count * 10 + d;
          }
          if (i === countStart || i >= end) break fast;
          if (b[i] === CR) i++;
          if (i >= end || b[i] !== LF) break fast;
          if (count === 0) c.skippedZeroCount++;
          else if (count < minCount) c.skippedBelowMinCount++;
          else {
            c.entries++;
            if (add) add(v1 | 0, v2 | 0);
          }
          p = i + 1;
          continue line;
        }
        let nl = lineStart;
        while (nl < end && b[nl] !== LF) nl++;
        if (nl === end && !final) {
          c.lines--;
          return lineStart;
        }
        slowLine(b, lineStart, nl);
        p = nl + 1;
      }
      return end;
    },
  };
}
