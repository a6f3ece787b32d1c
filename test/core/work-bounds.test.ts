// Issue 10 item 2: the work an evaluation does is bounded after normalisation, not only before.
// Behaviour only (no timings): what is refused, what reaches the detectors, and that the fast
// detectors answer exactly as their naive oracles do.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';
import type { CheckInput } from '../../src/types.js';
import { normalise, normaliseTerm, normaliseTermForms } from '../../src/normalise/normalise.js';
import { compileSubstitutions, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';
import { findContextHits } from '../../src/detect/context-match.js';
import {
  contextTerms,
  MAX_CONTEXT_TERMS,
  MAX_CONTEXT_VALUE_LENGTH,
  MAX_EXTRA_TERMS,
  type ContextTerm,
} from '../../src/detect/context.js';
import { withinOneEdit } from '../../src/detect/edit-distance.js';
import { NORMALISED_LENGTH_FACTOR } from '../../src/engine/evaluate.js';

const config = { unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) } as const;
const FDFA = '\ufdfa'; // NFKC: 18 units

let seen: CheckInput[] = [];
let checker: Checker;
beforeAll(async () => {
  checker = await createChecker({ checks: [(i) => (seen.push(i), [])] });
});

describe('the normalised length is capped too', () => {
  it('refuses an input that NFKC expands past the cap as TOO_LONG, without analysing it', () => {
    seen = [];
    const r = checker.evaluate(FDFA.repeat(256)); // 256 code points: within maxLength before normalisation
    expect(r.findings.map((f) => f.code)).toEqual(['TOO_LONG']);
    expect(r.findings[0]!.params).toEqual({ max: 256 });
    expect(r).toMatchObject({ accepted: false, score: 0, strength: null });
    expect(seen).toEqual([]); // no check ran: nothing past the cap was analysed
  });

  it.each([
    // [password, maxLength, refused?] — the bound is NORMALISED_LENGTH_FACTOR × maxLength units
    [FDFA.repeat(2), 20, false], // 36 units ≤ 40
    [FDFA.repeat(2) + 'abcd', 20, false], // 40 units: exactly at the bound
    [FDFA.repeat(2) + 'abcde', 20, true], // 41 units
    ['🦊'.repeat(20), 20, false], // 20 code points, 40 units: every unexpanded password fits
    ['é'.repeat(20), 20, false],
  ] as const)('%s at maxLength %i: refused %s', async (pw, maxLength, refused) => {
    const c = await createChecker({ maxLength, breached: false });
    const codes = c.evaluate(pw).findings.map((f) => f.code);
    expect(codes.includes('TOO_LONG')).toBe(refused);
    if (refused) expect(codes).toEqual(['TOO_LONG']);
  });

  it('the factor is the one the raw cap allows: a code point is at most two units', () => {
    expect(NORMALISED_LENGTH_FACTOR).toBe(2);
  });
});

describe('context terms are capped after normalisation, in number and length', () => {
  it('caps every term at MAX_CONTEXT_VALUE_LENGTH units however far NFKC expands it', () => {
    const terms = contextTerms({ displayName: FDFA.repeat(256), extraTerms: [FDFA.repeat(64) + 'x'] }, config);
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) expect(t.term.length).toBeLessThanOrEqual(MAX_CONTEXT_VALUE_LENGTH);
  });

  it('takes at most MAX_EXTRA_TERMS extra terms and MAX_CONTEXT_TERMS terms in all', () => {
    const letters = (k: number) => String.fromCharCode(97 + (k % 26), 97 + Math.floor(k / 26));
    const extra = Array.from({ length: MAX_EXTRA_TERMS + 10 }, (_, k) => `name${letters(k)}`);
    const terms = contextTerms({ extraTerms: extra }, config);
    expect(terms.map((t) => t.term)).toEqual([...new Set(extra.slice(0, MAX_EXTRA_TERMS).map((t) => normaliseTerm(t, config)))]);
    // Names of many words: each word is a term, but never more than MAX_CONTEXT_TERMS in all.
    const words = (k: number) => Array.from({ length: 40 }, (_, j) => `w${letters(k)}${letters(j)}`).join(' ');
    const many = contextTerms({ displayName: words(0), extraTerms: Array.from({ length: MAX_EXTRA_TERMS }, (_, k) => words(k + 1)) }, config);
    expect(many.length).toBe(MAX_CONTEXT_TERMS);
  });

  it('what a check receives is the capped list', () => {
    seen = [];
    checker.evaluate('Xy7!pQ2#vLm9', { displayName: FDFA.repeat(256), extraTerms: Array.from({ length: 200 }, (_, k) => `name${k}zz`) });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.contextTerms.length).toBeLessThanOrEqual(MAX_CONTEXT_TERMS);
    for (const t of seen[0]!.contextTerms) expect(t.term.length).toBeLessThanOrEqual(MAX_CONTEXT_VALUE_LENGTH);
  });

  it('still finds a name in the password (the caps do not blind the check)', () => {
    const r = checker.evaluate('xx-margaret-77!', { displayName: 'Margaret ' + FDFA.repeat(255) });
    expect(r.findings.some((f) => f.code === 'CONTEXT_TERM')).toBe(true);
  });
});

// The fuzzy context rule, written the obvious way: every window of length m−1, m, m+1 in order.
function naiveFindContext(folded: string, terms: readonly ContextTerm[]): [string, number, number, number][] {
  const out: [string, number, number, number][] = [];
  for (const { term } of terms) {
    const at = folded.indexOf(term);
    if (at >= 0) {
      out.push([term, at, at + term.length, 0]);
      continue;
    }
    if (term.length < 5) continue;
    search: for (let len = term.length - 1; len <= term.length + 1; len++) {
      for (let i = 0; i + len <= folded.length; i++) {
        if (withinOneEdit(folded, i, i + len, term)) {
          out.push([term, i, i + len, 1]);
          break search;
        }
      }
    }
  }
  return out;
}

describe('fuzzy context matching agrees with the naive window scan', () => {
  it('on random strings over a small alphabet (many near-misses)', () => {
    const str = (min: number, max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(str(0, 40), fc.array(str(4, 12), { maxLength: 6 }), (pw, raw) => {
        const text = normalise(pw, config);
        const terms = [...new Set(raw)].map((term) => ({ term, field: 'extraTerms' }));
        const got = findContextHits(text.folded, terms, true).map((h) => [h.term.term, h.start, h.end, h.distance]);
        expect(got).toEqual(naiveFindContext(text.folded, terms));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normaliseTermForms: the term fast path folds exactly as a password is folded', () => {
  // Strings where per-cluster and whole-string normalisation could part ways: Greek final sigma,
  // conjoining and compatibility Hangul jamo, half-width kana with voiced marks, decomposed
  // accents, ligatures, fullwidth forms, ﷺ, astral letters, lone surrogates.
  const tricky = fc.constantFrom(
    'Σ', 'σ', 'ς', 'ΑΣ', 'ᄀ', 'ᅡ', 'ᆨ', 'ㄱ', 'ㅏ', '가', 'ｶ', 'ﾞ', 'ﾟ', 'e\u0301', '\u0301', 'é', 'ﬃ', 'Ａ', '１',
    FDFA, '𝔄', '\ud800', '\udc00', 'İ', 'ß', 'ǅ', '¼', 'a', 'B', ' ', '.', '@', '0',
  );
  const strings = fc.oneof(fc.array(tricky, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
  const entra = { unicodeForm: 'none', foldDiacritics: false, foldConfusables: false, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) } as const;
  const nist = { unicodeForm: 'NFC', foldDiacritics: false, foldConfusables: false, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) } as const;
  it('both forms, for every profile', () => {
    fc.assert(
      fc.property(strings, (s) => {
        for (const c of [config, entra, nist]) {
          const t = normalise(s, c);
          const forms = normaliseTermForms(s, c, Infinity);
          expect([forms.plain, forms.folded]).toEqual([t.plain, t.folded]);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('cut at a limit: a prefix, never longer than the limit, never ending in half a pair', () => {
    fc.assert(
      fc.property(strings, fc.integer({ min: 0, max: 40 }), (s, limit) => {
        const whole = normalise(s, config).folded;
        const cut = normaliseTermForms(s, config, limit).folded;
        expect(cut.length).toBeLessThanOrEqual(limit);
        expect(whole.startsWith(cut)).toBe(true);
        const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
        if (!lone.test(s)) expect(lone.test(cut)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
