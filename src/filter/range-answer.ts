/**
 * One range answer, parsed strictly and held compactly. The answer is `SUFFIX:COUNT` lines
 * (CRLF or LF; blank lines carry nothing and are skipped): SUFFIX exactly the digest's remaining
 * hex digits, COUNT 1–10 decimal digits and nothing else — no sign, space, `0x` or exponent,
 * which `Number()` would take. Anything else, and an answer with no line at all, is an error: a range
 * server never has nothing to say (padding alone gives hundreds of lines), so an empty or
 * garbled answer is a broken or hostile server, not "not breached".
 *
 * The parse is one pass over the bytes (no regex, no decoded copy). Only breached lines (count
 * > 0) are kept, in one string of upper-case suffixes and one Float64Array of counts, so what
 * an answer costs in memory is known (`bytes`), and the cache can be bounded in bytes.
 */
export interface RangeAnswerTable {
  /** The kept suffixes, each `suffixLength` characters, one after another. */
  readonly suffixes: string;
  readonly counts: Float64Array;
  /** What this table holds on the heap, give or take a few dozen bytes: what the cache charges. */
  readonly bytes: number;
}

export class RangeAnswerError extends Error {}

const COLON = 0x3a;
const CR = 0x0d;
const LF = 0x0a;
/** Fixed cost of a table (two objects, a string header, an ArrayBuffer and its view). */
const TABLE_OVERHEAD = 256;
const MAX_COUNT_DIGITS = 10;

/** The hex digit's upper-case char code, or -1. */
function hexDigit(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46)) return c;
  if (c >= 0x61 && c <= 0x66) return c - 0x20;
  return -1;
}

/** Parses an answer; throws RangeAnswerError('empty response' | 'malformed response'). */
export function parseRangeAnswer(body: Uint8Array, suffixLength: number): RangeAnswerTable {
  const suffixes: string[] = [];
  const counts: number[] = [];
  const code: number[] = new Array<number>(suffixLength);
  const malformed = () => new RangeAnswerError('malformed response');
  let lines = 0;
  let at = 0;
  const end = body.length;
  while (at < end) {
    // A blank line: LF or CRLF.
    if (body[at] === LF) {
      at++;
      continue;
    }
    if (body[at] === CR && body[at + 1] === LF) {
      at += 2;
      continue;
    }
    // One line: SUFFIX ':' DIGITS ['\r'] ('\n' | end of body).
    if (end - at < suffixLength + 2) throw malformed();
    for (let i = 0; i < suffixLength; i++) {
      const h = hexDigit(body[at + i]!);
      if (h < 0) throw malformed();
      code[i] = h;
    }
    at += suffixLength;
    if (body[at++] !== COLON) throw malformed();
    let count = 0;
    let digits = 0;
    while (at < end && body[at]! >= 0x30 && body[at]! <= 0x39) {
      count = count * 10 + (body[at]! - 0x30);
      at++;
      if (++digits > MAX_COUNT_DIGITS) throw malformed();
    }
    if (digits === 0) throw malformed();
    if (at < end && body[at] === CR) at++;
    if (at < end) {
      if (body[at] !== LF) throw malformed();
      at++;
    }
    lines++;
    if (count > 0) {
      suffixes.push(String.fromCharCode(...code));
      counts.push(count);
    }
  }
  if (lines === 0) throw new RangeAnswerError('empty response');
  const table = new Float64Array(counts);
  return { suffixes: suffixes.join(''), counts: table, bytes: TABLE_OVERHEAD + suffixes.length * (suffixLength + 8) };
}

/** The count for `suffix` (upper-case hex of `suffixLength`), 0 when the answer does not list it. */
export function countOf(table: RangeAnswerTable, suffix: string, suffixLength: number): number {
  let from = 0;
  for (;;) {
    const i = table.suffixes.indexOf(suffix, from);
    if (i < 0) return 0;
    // A match that straddles two suffixes is not one: only aligned positions count.
    if (i % suffixLength === 0) return table.counts[i / suffixLength]!;
    from = i + 1;
  }
}
