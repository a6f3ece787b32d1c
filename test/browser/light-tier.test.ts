// The light tier (the browser default, src/assets/tiers.ts) only drops knowledge: it may miss a
// weak password the full tier refuses, never refuse one the full tier accepts, apart from its
// smaller filter's false positives (so the filters are off here). A page may then show its verdict
// as provisional and leave the final word to the server without ever being stricter than it.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { tierChecker } from '../../bench/light-tier.js';
import { ROOT, ensureBuilt } from './ensure-built.js';
import type { Checker } from '../../src/index.js';

let light: Checker;
let full: Checker;
let words: string[];

beforeAll(async () => {
  ensureBuilt();
  [light, full] = await Promise.all([tierChecker('light', { breached: false }), tierChecker('full', { breached: false })]);
  // Words the light tier keeps (the most common of the English list).
  words = readFileSync(`${ROOT}data/dictionary-en.txt`, 'utf8').split('\n').filter(Boolean).slice(0, 900);
}, 120_000);

const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 6, maxLength: 20 });

describe('the light tier against the full tier (breached filters off)', () => {
  const agree = (password: string) => {
    const l = light.evaluate(password);
    const f = full.evaluate(password);
    if (!l.accepted) expect(f.accepted, password).toBe(false);
    expect(l.strength!.guessesLog10, password).toBeGreaterThanOrEqual(f.strength!.guessesLog10 - 1e-9);
  };

  it('never refuses what the full tier accepts, and never prices lower: random strings', () => {
    fc.assert(fc.property(printable, agree), { numRuns: 1500, seed: 22 });
  });

  // Known gaps, bounded here: on word-built passwords the model's readings also explain; without
  // them the estimate's word-pair rule can lower a score the full tier keeps (`what since$`: score 2
  // with more guesses than the full tier's score 3). Counted on bench/RESULTS.md's breach lists too.
  it('on words joined, capitalised, with digits and symbols: priced lower and stricter each on under 0.5 %', () => {
    const word = fc.integer({ min: 0, max: 899 }).map((i) => words[i]!);
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '-', ' ', '.', '_'), fc.boolean(), fc.stringMatching(/^[0-9!@#$]{0,4}$/))
      .map(([ws, sep, cap, tail]) => (cap ? ws.map((w) => w[0]!.toUpperCase() + w.slice(1)) : ws).join(sep) + tail);
    const sample = fc.sample(phrase, { numRuns: 2000, seed: 22 });
    let stricter = 0;
    let lower = 0;
    for (const p of sample) {
      const l = light.evaluate(p);
      const f = full.evaluate(p);
      if (!l.accepted && f.accepted) stricter++;
      if (l.strength!.guessesLog10 < f.strength!.guessesLog10 - 1e-9) lower++;
    }
    console.log(`light tier on ${sample.length} word-built passwords: ${stricter} refused that the full tier accepts, ${lower} priced lower`);
    // Before main's mangling/combinator attacks (issue 19) none was priced lower; those attacks
    // price by the lists' sizes, which the light tier cuts (`news words$`: 10^8 light, 10^11.4
    // full). 3 and 3 of 2,000 on 2026-12-07 after that merge: to fix by pricing the light tier's
    // attacks with the full lists' counts.
    expect(lower).toBeLessThan(sample.length * 0.005);
    expect(stricter).toBeLessThan(sample.length * 0.005);
  });

  // A near-banned term in a string the estimate puts at 3+ is chance on both tiers (evaluate.ts).
  it.each(['buttes0#@', 'United-Short!', 'Password1', 'Summer2024!', 'correct horse battery staple', 'tG7#pL2!vQ9@xZ4', 'Glacier-Umbrella-Falcon-42', 'qwertyuiop123'])('%s', (p) => agree(p));
});
