import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { ATTACKS } from '../../src/score/attacks/index.js';
import { PREPEND_DIGIT_RANK, RULE_RANK } from '../../src/score/attacks/rule-ranks.js';
import { LOCALES } from '../../src/wording/locales.js';
import { messageFor } from '../../src/wording/feedback.js';

/**
 * Issue 19: what crackers try first — words reversed, a word and its reversal, a word twice, a
 * digit in front — is priced by the wordlist + mangling-rules attack (score/attacks/mangle.ts)
 * and rejected in `recommended`, the WEAK finding naming the attack; passphrases and random
 * strings are not touched.
 */
describe('wordlist + mangling rules (score/attacks/)', () => {
  let evaluate: (p: string) => EvaluationResult;
  beforeAll(async () => {
    const checker = await createChecker({ breached: false });
    evaluate = (p) => checker.evaluate(p);
  });
  const weakKind = (r: EvaluationResult) => r.findings.find((f) => f.code === 'WEAK')?.params?.kind;

  it.each([
    ['llabteksab', 'reversed-word'],
    ['elppaeniP', 'reversed-word'],
    ['!uoyevoli', 'reversed-word'],
    ['1enihsnus', 'reversed-word'],
    ['salmonnomlas', 'reflected-word'],
    ['drowssap12', 'reversed-word'],
    // Insertion rules undone: a run of digits or symbols inside a word (hashcat/John `iNX`).
    ['bolste60r', 'inserted-characters'],
    ['be2022llows', 'inserted-characters'],
    ['Sun#shine7', 'inserted-characters'],
    // Every character typed twice (hashcat `q`, dive.rule): the half is a listed password.
    ['aaNNGGEELL11', 'each-character-twice'],
    ['ppaasssswwoorrdd', 'each-character-twice'],
  ])('%s is rejected, the feedback naming the attack (%s)', (password, kind) => {
    const r = evaluate(password);
    expect(r.accepted).toBe(false);
    expect(weakKind(r)).toBe(kind);
    expect(r.feedback.warning).not.toBe('This password is easy to guess.');
    expect(JSON.stringify(r)).not.toContain(password);
  });

  it.each(['correct-horse-battery-staple', 'Tr4vel.Quartz.Mango.Lid', 'q8#Vz!2mLp', 'kx7Pq2Lw9Zr', 'ab12cd', 'monkey12house', 'xq7vbnmrt'])('%s is not read as a mangled word', (password) => {
    expect(weakKind(evaluate(password))).toBeUndefined();
  });

  it('never names an attack for random lowercase strings of 12 (where no word is reversed whole)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 12, maxLength: 12 }), (p) => {
        const r = evaluate(p);
        if (weakKind(r) !== undefined) expect(r.strength!.guesses).toBeLessThan(1e8 + 5);
      }),
      { numRuns: 300 },
    );
  });

  it('each attack is registered once, with rule ranks from the tools\' lists', () => {
    expect(ATTACKS.map((a) => a.name)).toEqual(['wordlist + mangling rules', 'combinator', 'breach list + mangling rules', 'interleave']);
    expect(RULE_RANK.reverse).toBeLessThan(RULE_RANK.duplicate);
    expect(PREPEND_DIGIT_RANK).toHaveLength(10);
    expect(Math.min(...PREPEND_DIGIT_RANK)).toBe(PREPEND_DIGIT_RANK[1]);
  });

  it('words every attack\'s kind in every locale, apart from the plain WEAK message', () => {
    const kinds = ATTACKS.flatMap((a) => a.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const locale of LOCALES) {
      const plain = messageFor({ code: 'WEAK', source: 'strength', params: { score: 1, guessesLog10: 5 } }, locale);
      const seen = new Set<string>();
      for (const kind of kinds) {
        const text = messageFor({ code: 'WEAK', source: 'strength', params: { score: 1, guessesLog10: 5, kind } }, locale);
        expect(text, `${locale} ${kind}`).not.toBe(plain);
        seen.add(text);
      }
      expect(seen.size, locale).toBe(kinds.length);
    }
  });
});
