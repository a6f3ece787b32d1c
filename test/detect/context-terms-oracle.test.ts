import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contextTerms, CONTEXT_MIN_LENGTH, MAX_CONTEXT_TERMS, MAX_CONTEXT_VALUE_LENGTH, readContext, type ContextTerm } from '../../src/detect/context.js';
import { normaliseTermForms } from '../../src/normalise/normalise.js';
import { compileSubstitutions, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';

// contextTerms splits each value into words without an array per word and skips words too short
// to be terms before slicing them (issue 19, speed: a context at its limits made ~7 k slices per
// evaluation). Oracle: the first version (tuples per word, every word sliced then refused).
const config = { unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) } as const;

function naiveTerms(context: Parameters<typeof contextTerms>[0]): ContextTerm[] {
  if (context === undefined || context === null) return [];
  const { fields, extraTerms } = readContext(context);
  const out: ContextTerm[] = [];
  const seen = new Set<string>();
  let budget = 512;
  const add = (term: string, field: string) => {
    if (out.length < MAX_CONTEXT_TERMS && term.length >= CONTEXT_MIN_LENGTH && !seen.has(term)) {
      seen.add(term);
      out.push({ term, field });
    }
  };
  const addWithParts = (raw: string, field: string) => {
    const { plain, folded, slowUnits } = normaliseTermForms(raw, config, MAX_CONTEXT_VALUE_LENGTH, budget);
    budget -= slowUnits;
    add(folded, field);
    for (const [a, b] of wordSpans(plain)) if (b - a < folded.length) add(folded.slice(a, b), field);
  };
  for (const [field, raw] of fields) {
    if (out.length >= MAX_CONTEXT_TERMS) break;
    let value = raw.slice(0, MAX_CONTEXT_VALUE_LENGTH);
    if (field === 'email') {
      const at = value.lastIndexOf('@');
      if (at >= 0) value = value.slice(0, at);
    }
    addWithParts(value, field);
  }
  for (const extra of extraTerms) {
    if (out.length >= MAX_CONTEXT_TERMS) break;
    addWithParts(extra.slice(0, MAX_CONTEXT_VALUE_LENGTH), 'extraTerms');
  }
  return out;
}

function wordSpans(plain: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = -1;
  for (let i = 0; i < plain.length; ) {
    const cp = plain.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const letter = cp < 0x80 ? (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) : plain.slice(i, i + len).toLowerCase() !== plain.slice(i, i + len).toUpperCase();
    if (letter || (cp >= 0x30 && cp <= 0x39 && from < 0)) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      spans.push([from, i]);
      from = -1;
    }
    i += len;
  }
  if (from >= 0) spans.push([from, plain.length]);
  return spans;
}

describe('contextTerms (naive oracle: the first version)', () => {
  const value = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab Z1234.-_@éß\u{1d400}ǅ'.split('')), maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );
  const context = fc.record({
    firstName: value, lastName: value, username: value, email: value, tenantName: value, displayName: value,
    extraTerms: fc.array(value, { maxLength: 60 }),
  }, { requiredKeys: [] });

  it('gives the same terms, fields and order', () => {
    fc.assert(fc.property(context, (c) => {
      expect(contextTerms(c, config)).toEqual(naiveTerms(c));
    }), { numRuns: 400 });
    const digits = (k: number) => Array.from({ length: 256 }, (_, i) => String((i * 7 + k) % 10)).join('');
    const limits = { firstName: digits(1), email: `${digits(4)}@example.com`, displayName: 'Anna Maria Lopez', extraTerms: Array.from({ length: 50 }, (_, k) => digits(k)) };
    expect(contextTerms(limits, config)).toEqual(naiveTerms(limits));
  });
});
