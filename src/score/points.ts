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
  const tokens: ScoredToken[] = [];
  const matches: TermMatch[] = [];

  if (exact || (index && index.size > 0)) {
    if (!exact) index!.findExact(folded, 0, n, matches);
    // longestFirst sorts a copy: the caller's array is left as it was.
    for (const m of longestFirst(exact ?? matches)) {
      if (claim(claimed, m.start, m.end)) tokens.push({ start: m.start, end: m.end, kind: 'banned', termId: m.termId, distance: 0 });
    }
  }
  if (patterns.length > 0) {
    const order = sortSmall(patterns.map((_, i) => i), (a, b) => spanOrder(patterns[a]!, patterns[b]!));
    for (const i of order) {
      const p = patterns[i]!;
      if (claim(claimed, p.start, p.end)) tokens.push({ start: p.start, end: p.end, kind: 'pattern', patternIndex: i });
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
      matches.length = 0;
      index.fuzzy.findFuzzy(folded, a, b, matches);
      for (const m of longestFirst(matches)) {
        if (claim(claimed, m.start, m.end)) tokens.push({ start: m.start, end: m.end, kind: 'banned', termId: m.termId, distance: 1 });
      }
      a = b;
    }
  }
  let leftover = 0;
  for (let i = 0; i < n; i++) {
    // A surrogate pair is one character: count its high half only.
    if (!claimed[i] && !isLowSurrogateAfterHigh(folded, i)) leftover++;
  }
  sortSmall(tokens, byStart);
  let bannedCount = 0;
  for (const t of tokens) if (t.kind === 'banned') bannedCount++;
  return { tokens, bannedCount, leftover, points: tokens.length + leftover };
}

function spanOrder(a: Span, b: Span): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function longestFirst(matches: readonly TermMatch[]): readonly TermMatch[] {
  return matches.length < 2 ? matches : sortSmall(matches.slice(), spanOrder);
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
