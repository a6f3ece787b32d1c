import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactTrie } from '../../src/match/exact-trie.js';
import { TermIndex, type TermMatch } from '../../src/match/index.js';
import { naiveScan } from './naive-scan.js';

/** Small alphabets force shared prefixes, nested terms and long chains; the last has surrogates. */
const ALPHABETS = ['ab', 'abc', 'abcdefgh', 'a\uD83D\uDE00\uDE01\uD800'];

const fromAlphabet = (alphabet: string, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { maxLength: max }).map((a) => a.join(''));

const caseArb = fc.constantFrom(...ALPHABETS).chain((alphabet) =>
  fc.record({
    terms: fc.array(fromAlphabet(alphabet, 7), { maxLength: 40 }),
    text: fromAlphabet(alphabet + 'z', 30),
  }),
);

function find(index: { findExact(t: string, f: number, to: number, out: TermMatch[]): void }, text: string, from = 0, to = text.length): TermMatch[] {
  const out: TermMatch[] = [];
  index.findExact(text, from, to, out);
  return out;
}

describe('ExactTrie', () => {
  it('finds exactly what a naive scan finds, like an exact-only TermIndex', () => {
    fc.assert(
      fc.property(caseArb, ({ terms, text }) => {
        const trie = ExactTrie.build(terms);
        const expected = naiveScan(terms, text, 0, text.length, 0);
        expect(find(trie, text)).toEqual(expected);
        expect(find(TermIndex.build(terms, { fuzzyMinLength: 1 << 30 }), text)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('honours from/to bounds', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -2, max: 32 }), fc.integer({ min: -2, max: 32 }), ({ terms, text }, from, to) => {
        expect(find(ExactTrie.build(terms), text, from, to)).toEqual(naiveScan(terms, text, from, to, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('answers identically after a round trip through bytes', () => {
    fc.assert(
      fc.property(caseArb, ({ terms, text }) => {
        const trie = ExactTrie.build(terms);
        const bytes = trie.toBytes();
        // An unaligned copy must work too (it is copied into an aligned buffer).
        const shifted = new Uint8Array(bytes.length + 1).subarray(1);
        shifted.set(bytes);
        for (const read of [ExactTrie.fromBytes(bytes), ExactTrie.fromBytes(shifted)]) {
          expect(find(read, text)).toEqual(find(trie, text));
          expect([read.size, read.minTermLength, read.maxTermLength]).toEqual([trie.size, trie.minTermLength, trie.maxTermLength]);
          expect(read.toBytes()).toEqual(bytes);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names terms by id and knows whole terms', () => {
    fc.assert(
      fc.property(caseArb, ({ terms, text }) => {
        const trie = ExactTrie.build(terms);
        const distinct = new Set(terms.filter((t) => t.length > 0));
        expect(trie.size).toBe(distinct.size);
        for (const t of distinct) expect(trie.term(terms.indexOf(t))).toBe(t);
        expect(trie.has(text)).toBe(distinct.has(text));
        // idOf names the first occurrence, as findExact does.
        for (const t of [...distinct, text]) expect(trie.idOf(t)).toBe(distinct.has(t) ? terms.indexOf(t) : -1);
        // Every prefix and one-unit extension of a term: walks that end inside a label, at a node
        // without a term, or past a leaf (idOf walks alone, without collecting matches).
        for (const t of distinct) {
          for (let k = 1; k <= t.length + 1; k++) {
            const q = k <= t.length ? t.slice(0, k) : t + 'a';
            expect(trie.idOf(q)).toBe(distinct.has(q) ? terms.indexOf(q) : -1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('handles the edge cases', () => {
    const empty = ExactTrie.build([]);
    expect(find(empty, 'abc')).toEqual([]);
    expect([empty.size, empty.minTermLength, empty.maxTermLength]).toEqual([0, 0, 0]);
    expect(find(ExactTrie.fromBytes(empty.toBytes()), 'abc')).toEqual([]);
    const onlyEmpty = ExactTrie.build(['', '']);
    expect(onlyEmpty.size).toBe(0);
    // Duplicates keep the first id; a term longer than the 14-bit label field is split.
    const long = 'x'.repeat(20_000);
    const trie = ExactTrie.build(['b', long, 'a', 'b', long + 'y']);
    expect(find(trie, 'ab').map((m) => [m.start, m.end, m.termId])).toEqual([[0, 1, 2], [1, 2, 0]]);
    expect(find(trie, long + 'y').filter((m) => m.start === 0).map((m) => [m.end, m.termId])).toEqual([[20_000, 1], [20_001, 4]]);
    expect(() => trie.term(3)).toThrow(RangeError);
    expect(() => ExactTrie.build([1 as unknown as string])).toThrow(TypeError);
  });

  it('rejects damaged bytes with a RangeError', () => {
    const trie = ExactTrie.build(['password', 'pass', 'word', 'dragon', 'drag', 'abc', 'ab\uD83D\uDE00']);
    const bytes = trie.toBytes();
    const damaged = (f: (b: Uint8Array) => Uint8Array) => () => ExactTrie.fromBytes(f(bytes.slice()));
    expect(damaged((b) => b.subarray(0, 16))).toThrow(/shorter than the header/);
    expect(damaged((b) => b.subarray(0, b.length - 8))).toThrow(/length/);
    expect(damaged((b) => { b[0] = 0; return b; })).toThrow(/magic/);
    expect(damaged((b) => { b[4] = 9; return b; })).toThrow(/version/);
    expect(damaged((b) => { b[12] = 99; return b; })).toThrow(/terms/);
    expect(damaged((b) => { b[20] = 0; return b; })).toThrow(RangeError); // id limit below the ids
    expect(() => ExactTrie.fromBytes([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
    // Any single corrupted unit of the node array either still reads as a valid trie or is
    // rejected; it never makes a query read out of bounds or loop.
    for (let at = 32; at < bytes.length; at += 2) {
      for (const value of [0, 1, 0x7fff, 0xffff]) {
        const b = bytes.slice();
        new DataView(b.buffer).setUint16(at, value, true);
        let read: ExactTrie;
        try {
          read = ExactTrie.fromBytes(b);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          continue;
        }
        for (const m of find(read, 'passworddragonabc\uD83D\uDE00')) {
          expect(m.termId).toBeGreaterThanOrEqual(0);
          expect(m.termId).toBeLessThan(7);
          expect(m.end).toBeGreaterThan(m.start);
        }
      }
    }
  });
});
