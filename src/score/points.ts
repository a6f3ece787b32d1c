import type { TermMatch } from '../match/index.js';
import type { BannedMatcher } from '../detect/banned-lists.js';
import { sortSmall } from '../sort-small.js';

/** A span of the normalised password that counts as one point. */
export interface ScoredToken {
  readonly start: number;
  readonly end: number;
  readonly kind: 'banned' | 'pattern';
  /** For banned tokens: the term id in the index, and 0 (exact) or 1 (fuzzy). */
  readonly termId?: number;
  readonly distance?: 0 | 1;
  /** For pattern tokens: the position in the pattern list given. */
  readonly patternIndex?: number;
}

export interface PointsResult {
  readonly tokens: ScoredToken[];
  readonly bannedCount: number;
  readonly leftover: number;
  /** Entra's score: one point per token, one per remaining character. */
  readonly points: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Entra's points rule over the folded password. The order reproduces every published example:
 * exact banned terms first (longest first, no overlap), then — in profiles that use them —
 * predictable patterns (years, digit runs, keyboard walks) on what is left, then banned terms at
 * edit distance 1 inside each run of characters still unclaimed. Every token is one point, every
 * character left over is one point. `exact`, when given, are the exact banned matches already
 * found (by the dictionary scan, see word-scan.ts); `index` then only serves the fuzzy step.
 */
export function scorePoints(
  folded: string,
  index: BannedMatcher | null,
  patterns: readonly Span[],
  fuzzy: boolean,
  exact?: readonly TermMatch[],
): PointsResult {
  const n = folded.length;
  const claimed = claimedScratch(n);
  // Tokens are gathered in module scratch and copied out at their size; matches found here go to
  // one array made on first need (a pushed array reserves 17 slots, ~150 B, and `length = 0`
  // gives them back, so emptying it per run would reserve them again).
  let count = 0;
  let matches: TermMatch[] | null = null;

  if (exact || (index && index.size > 0)) {
    if (!exact) index!.findExact(folded, 0, n, (matches = []));
    const found = exact ?? matches!;
    const m = longestFirstOrder(found, 0);
    for (let k = 0; k < m; k++) {
      const t = found[order[k]!]!;
      if (claim(claimed, t.start, t.end)) tokenScratch[count++] = { start: t.start, end: t.end, kind: 'banned', termId: t.termId, distance: 0 };
    }
  }
  if (patterns.length > 0) {
    const byLength = sortSmall(patterns.map((_, i) => i), (a, b) => spanOrder(patterns[a]!, patterns[b]!));
    for (const i of byLength) {
      const p = patterns[i]!;
      if (claim(claimed, p.start, p.end)) tokenScratch[count++] = { start: p.start, end: p.end, kind: 'pattern', patternIndex: i };
    }
  }
  if (fuzzy && index && index.size > 0) {
    for (let a = 0; a < n; ) {
      if (claimed[a]) {
        a++;
        continue;
      }
      let b = a;
      while (b < n && !claimed[b]) b++;
      // Each run's matches are appended after the previous runs' and ordered from there.
      matches ??= [];
      const from = matches.length;
      index.fuzzy.findFuzzy(folded, a, b, matches);
      const m = longestFirstOrder(matches, from);
      for (let k = 0; k < m; k++) {
        const t = matches[order[k]!]!;
        if (claim(claimed, t.start, t.end)) tokenScratch[count++] = { start: t.start, end: t.end, kind: 'banned', termId: t.termId, distance: 1 };
      }
      a = b;
    }
  }
  let leftover = 0;
  for (let i = 0; i < n; i++) {
    // A surrogate pair is one character: count its high half only.
    if (!claimed[i] && !isLowSurrogateAfterHigh(folded, i)) leftover++;
  }
  const tokens = count === 0 ? [] : tokenScratch.slice(0, count);
  sortSmall(tokens, byStart);
  let bannedCount = 0;
  for (const t of tokens) if (t.kind === 'banned') bannedCount++;
  return { tokens, bannedCount, leftover, points: tokens.length + leftover };
}

/** Tokens of the current call (claims never overlap, so at most one per unit of the text). */
const tokenScratch: ScoredToken[] = [];

/** Indices into `order`: what longestFirstOrder sorted. */
let order = new Int32Array(64);

/**
 * Writes into `order` the indices of matches[from..], longest first then by start, ties in
 * their order (a stable sort by spanOrder, as sortSmall over a copy gave); returns how many.
 * An insertion sort of indices: no copy of the matches; past INSERTION_MAX a stable built-in
 * sort, so a long text's many matches cannot make it quadratic.
 */
function longestFirstOrder(matches: readonly TermMatch[], from: number): number {
  const m = matches.length - from;
  if (order.length < m) order = new Int32Array(Math.max(m, 2 * order.length));
  if (m > INSERTION_MAX) {
    const sorted = Array.from({ length: m }, (_, k) => from + k).sort((a, b) => spanOrder(matches[a]!, matches[b]!));
    for (let k = 0; k < m; k++) order[k] = sorted[k]!;
    return m;
  }
  for (let k = 0; k < m; k++) {
    const x = matches[from + k]!;
    let j = k - 1;
    while (j >= 0 && spanOrder(matches[order[j]!]!, x) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = from + k;
  }
  return m;
}

const INSERTION_MAX = 64;

function spanOrder(a: Span, b: Span): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start;
}

const byStart = (x: Span, y: Span): number => x.start - y.start;

/**
 * One claim map for every call, cleared on entry: an evaluation is synchronous and scorePoints
 * does not re-enter, and a fresh typed array per call was a visible share of short passwords.
 */
let claimedBuffer = new Uint8Array(64);

function claimedScratch(n: number): Uint8Array {
  if (claimedBuffer.length < n) claimedBuffer = new Uint8Array(Math.max(n, 2 * claimedBuffer.length));
  // The whole buffer, not a view: every loop here stops at n, and a view is an allocation too.
  claimedBuffer.fill(0, 0, n);
  return claimedBuffer;
}

function claim(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i]) return false;
  claimed.fill(1, start, end);
  return true;
}

function isLowSurrogateAfterHigh(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i);
  const p = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
}
