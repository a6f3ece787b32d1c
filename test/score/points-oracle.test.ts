import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePoints, type ScoredToken, type Span } from '../../src/score/points.js';
import { TermIndex, type TermMatch } from '../../src/match/index.js';
import type { BannedMatcher } from '../../src/detect/banned-lists.js';

/**
 * scorePoints orders matches as indices in scratch and gathers tokens in scratch (copied out at
 * their size). The oracle is the straightforward reading: sorted copies of the matches (longest
 * first, then by start, stable), one fresh array per leftover run, tokens pushed, then sorted by
 * start — the same tokens, leftover and points.
 */
function naive(folded: string, index: BannedMatcher | null, patterns: readonly Span[], fuzzy: boolean, exact?: readonly TermMatch[]) {
  const n = folded.length;
  const claimed = new Uint8Array(n);
  const claim = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (claimed[i]) return false;
    claimed.fill(1, a, b);
    return true;
  };
  const order = (a: Span, b: Span) => b.end - b.start - (a.end - a.start) || a.start - b.start;
  const tokens: ScoredToken[] = [];
  if (exact || (index && index.size > 0)) {
    const found: TermMatch[] = [];
    if (!exact) index!.findExact(folded, 0, n, found);
    for (const m of [...(exact ?? found)].sort(order)) if (claim(m.start, m.end)) tokens.push({ start: m.start, end: m.end, kind: 'banned', termId: m.termId, distance: 0 });
  }
  const byLength = patterns.map((_, i) => i).sort((a, b) => order(patterns[a]!, patterns[b]!));
  for (const i of byLength) if (claim(patterns[i]!.start, patterns[i]!.end)) tokens.push({ start: patterns[i]!.start, end: patterns[i]!.end, kind: 'pattern', patternIndex: i });
  if (fuzzy && index && index.size > 0) {
    for (let a = 0; a < n; ) {
      if (claimed[a]) {
        a++;
        continue;
      }
      let b = a;
      while (b < n && !claimed[b]) b++;
      const run: TermMatch[] = [];
      index.fuzzy.findFuzzy(folded, a, b, run);
      for (const m of run.sort(order)) if (claim(m.start, m.end)) tokens.push({ start: m.start, end: m.end, kind: 'banned', termId: m.termId, distance: 1 });
      a = b;
    }
  }
  let leftover = 0;
  for (let i = 0; i < n; i++) if (!claimed[i]) leftover++;
  tokens.sort((x, y) => x.start - y.start);
  return { tokens, bannedCount: tokens.filter((t) => t.kind === 'banned').length, leftover, points: tokens.length + leftover };
}

const unit = fc.constantFrom('a', 'b', 'c', 'd');
const scenario = fc.record({
  terms: fc.array(fc.string({ unit, minLength: 1, maxLength: 6 }), { maxLength: 25 }),
  text: fc.string({ unit, maxLength: 90 }),
  spans: fc.array(fc.tuple(fc.nat(90), fc.integer({ min: 1, max: 6 })), { maxLength: 6 }),
  fuzzy: fc.boolean(),
  viaExact: fc.boolean(),
});

describe('scorePoints equals the straightforward points rule', () => {
  it('on random terms, texts (long enough for many matches) and pattern spans, with and without the exact matches given', () => {
    fc.assert(
      fc.property(scenario, ({ terms, text, spans, fuzzy, viaExact }) => {
        const index = TermIndex.build(terms, { fuzzyMinLength: 3 });
        const matcher: BannedMatcher = { size: index.size, findExact: (t, f, to, out) => index.findExact(t, f, to, out), fuzzy: index };
        const patterns = spans.filter(([s]) => s < text.length).map(([s, l]) => ({ start: s, end: Math.min(text.length, s + l) }));
        let exact: TermMatch[] | undefined;
        if (viaExact) {
          exact = [];
          index.findExact(text, 0, text.length, exact);
          exact.reverse(); // "in no particular order"
        }
        const before = exact ? [...exact] : undefined;
        expect(scorePoints(text, matcher, patterns, fuzzy, exact)).toEqual(naive(text, matcher, patterns, fuzzy, exact));
        if (exact) expect(exact).toEqual(before); // the caller's array is left as it was
      }),
      { numRuns: 400 },
    );
  });
});
