import type { Finding, NormalisedText } from '../types.js';
import type { ContextTerm } from './context.js';

/** Where a context term sits in the folded password, in units of the normalised text. */
export interface ContextHit {
  readonly term: ContextTerm;
  readonly start: number;
  readonly end: number;
  readonly distance: 0 | 1;
}

/** Fuzzy matching starts at five units: one edit away from a four-letter name is most of anything. */
const FUZZY_MIN_LENGTH = 5;

/**
 * Entra's substring rule, plus (when `fuzzy`) windows one edit away from terms of ≥ 5 units:
 * per term the first exact occurrence, else the first window of length m−1, then m, then m+1
 * (m = the term's length) within one insertion, deletion or substitution.
 *
 * Linear per term: the longest common prefix of the term with the text at every position, and
 * the longest common suffix ending at every position (Z-algorithm, O(n + m)), decide every
 * window at once — a window w of length m+d (d ∈ −1..1) starting at i is within one edit iff
 * prefix(i) + suffix(i + m + d) ≥ m − 1 + max(d, 0), each capped at the window's length.
 */
export function findContextHits(s: string, terms: readonly ContextTerm[], fuzzy: boolean): ContextHit[] {
  const hits: ContextHit[] = [];
  const n = s.length;
  let text: Uint16Array | null = null;
  let reversed: Uint16Array | null = null;
  for (const t of terms) {
    const m = t.term.length;
    if (m > n + 1) continue; // cannot be in the text, not even one deletion away
    if (m <= n) {
      // indexOf is the fast path; whether it is linear on every input is the engine's business,
      // so it is tried only where even a quadratic search is small.
      const at = m * n <= INDEXOF_WORK ? s.indexOf(t.term) : -1;
      if (at >= 0) {
        hits.push({ term: t, start: at, end: at + m, distance: 0 });
        continue;
      }
    }
    const needFuzzy = fuzzy && m >= FUZZY_MIN_LENGTH;
    if (m * n <= INDEXOF_WORK && !needFuzzy) continue;
    text ??= units(s, false);
    const pre = matchLengths(units(t.term, false), text, 0);
    const at = m <= n ? pre.indexOf(m) : -1;
    if (at >= 0) {
      hits.push({ term: t, start: at, end: at + m, distance: 0 });
      continue;
    }
    if (!needFuzzy) continue;
    reversed ??= units(s, true);
    const window = fuzzyWindow(n, m, pre, matchLengths(units(t.term, true), reversed, 1));
    if (window) hits.push({ term: t, start: window[0], end: window[1], distance: 1 });
  }
  return hits;
}

/** Below this many unit pairs (m·n) even a quadratic substring search costs nothing to speak of. */
const INDEXOF_WORK = 1 << 14;

function units(s: string, reverse: boolean): Uint16Array {
  const n = s.length;
  const out = new Uint16Array(n);
  for (let k = 0; k < n; k++) out[k] = s.charCodeAt(reverse ? n - 1 - k : k);
  return out;
}

/** The first window [start, end) one edit away from a term of length m, if any. */
function fuzzyWindow(n: number, m: number, pre: Int32Array, suf: Int32Array): [number, number] | null {
  for (let d = -1; d <= 1; d++) {
    const len = m + d;
    const need = m - 1 + Math.max(d, 0);
    for (let i = 0; i + len <= n; i++) {
      const p = Math.min(pre[i]!, len);
      const q = Math.min(suf[n - (i + len)]!, len);
      if (p + q >= need) return [i, i + len];
    }
  }
  return null;
}

/**
 * out[i] = length of the longest common prefix of text[i..] and `term` (out[n] = 0); on the
 * reversed strings, the longest common suffix of text[..n − i) and the term. The Z-algorithm:
 * the term's own Z-array, then one pass over the text that never compares a text unit again
 * once it was matched (O(n + m)).
 */
function matchLengths(term: Uint16Array, text: Uint16Array, slot: 0 | 1): Int32Array {
  const m = term.length;
  const n = text.length;
  const z = scratch(2, m);
  z[0] = m;
  for (let i = 1, l = 0, r = 0; i < m; i++) {
    let k = i < r ? Math.min(r - i, z[i - l]!) : 0;
    while (i + k < m && term[k] === term[i + k]) k++;
    z[i] = k;
    if (i + k > r) {
      l = i;
      r = i + k;
    }
  }
  const out = scratch(slot, n + 1);
  out[n] = 0;
  for (let i = 0, l = 0, r = 0; i < n; i++) {
    // [l, r): the rightmost stretch of the text known to equal term[0, r − l).
    let k = i < r ? Math.min(r - i, z[i - l]!) : 0;
    if (i + k >= r) {
      while (k < m && i + k < n && term[k] === text[i + k]) k++;
      if (i + k > r) {
        l = i;
        r = i + k;
      }
    }
    out[i] = k;
  }
  return out;
}

// Reused between terms and calls (evaluation is synchronous, nothing holds on to them): three
// arrays instead of four allocations per term.
const buffers: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];
function scratch(slot: number, length: number): Int32Array {
  if (buffers[slot]!.length < length) buffers[slot] = new Int32Array(Math.max(length, 2 * buffers[slot]!.length));
  return buffers[slot]!.subarray(0, length);
}

/** The findings for the context terms in the password, spans mapped back to the original. */
export function findContextTerms(text: NormalisedText, terms: readonly ContextTerm[], fuzzy: boolean): Finding[] {
  return findContextHits(text.folded, terms, fuzzy).map(({ term, start, end, distance }) => ({
    code: 'CONTEXT_TERM',
    source: 'context',
    start: text.start[start]!,
    end: text.end[end - 1]!,
    term: term.term,
    distance,
    params: { field: term.field },
  }));
}
