import type { Finding, NormalisedText } from '../types.js';
import type { ContextTerm } from './context.js';
import { withinOneEdit } from './edit-distance.js';

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
export function findContextHits(s: string, terms: readonly ContextTerm[], fuzzy: boolean, force?: 'direct' | 'linear'): ContextHit[] {
  const hits: ContextHit[] = [];
  const n = s.length;
  let text: Uint16Array | null = null;
  let reversed: Uint16Array | null = null;
  for (const t of terms) {
    const m = t.term.length;
    if (m > n + 1) continue; // cannot be in the text, not even one deletion away
    const needFuzzy = fuzzy && m >= FUZZY_MIN_LENGTH;
    // Comparing the term at every window directly costs up to 3 · (n − m + 2) · m unit
    // comparisons: little when the term is short or nearly as long as the text. In between (a
    // long term in a text twice its length) the linear match-length arrays (~6 · (n + m)) win.
    if (force === 'direct' || (force !== 'linear' && (n - m + 2) * m <= 2 * (n + m) + DIRECT_SLACK)) {
      const hit = directHit(s, t, needFuzzy);
      if (hit) hits.push(hit);
      continue;
    }
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

/** Unit comparisons the direct scan may spend beyond the linear one's cost (its set-up is dearer). */
const DIRECT_SLACK = 256;

/** The same answer by the obvious scan: indexOf, then every window of length m − 1, m, m + 1. */
function directHit(s: string, t: ContextTerm, fuzzy: boolean): ContextHit | null {
  const m = t.term.length;
  const at = s.indexOf(t.term);
  if (at >= 0) return { term: t, start: at, end: at + m, distance: 0 };
  if (!fuzzy) return null;
  for (let len = m - 1; len <= m + 1; len++) {
    for (let i = 0; i + len <= s.length; i++) if (withinOneEdit(s, i, i + len, t.term)) return { term: t, start: i, end: i + len, distance: 1 };
  }
  return null;
}

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
  if (terms.length === 0) return []; // most calls: no context, nothing to search or map
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
