import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createChecker } from '../../src/index.js';
import { createBrowserPlatform } from '../../src/assets/browser.js';
import { bindApi } from '../../src/api.js';
import { Assets } from '../../src/assets/platform.js';
import { LOCALES } from '../../src/wording/locales.js';
import { decodeModel, encodeModel } from '../../src/score/model/model-bytes.js';
import { guessesLog10FromBits, prefixStringBits, stepBits, stringBits, stringBitsKeepingPrefixes } from '../../src/score/model/markov.js';
import { trainModel } from '../../src/score/model/train.js';
import { calibrate } from '../../src/score/model/calibrate.js';
import { bruteforceCardinality } from '../../src/score/model/charset.js';
import { modelShape } from '../../src/score/model/index.js';
import { BOUNDARY, OTHER_BITS, OTHER_CLASS, SYMBOL_CLASS, symbolIndex, symbolOf } from '../../src/score/model/alphabet.js';

const DATA = resolve(import.meta.dirname, '../../data');
const shipped = () => decodeModel(new Uint8Array(readFileSync(resolve(DATA, Assets.model))));

describe('the character model, trained and calibrated', () => {
  const corpus = ['password', 'passw0rd', 'sunshine1', 'monkey12', 'dragon', 'iloveyou', 'princess', 'letmein'];
  const small = calibrate(trainModel(corpus, { minContextCount: 1 }), { samples: 5_000, seed: 1, step: 0.25, maxLength: 32 });
  const model = decodeModel(encodeModel(small));

  it('finds what it was trained on far more probable than a random string of the same length', () => {
    expect(stringBits(model, 'password')).toBeLessThan(stringBits(model, 'xq7vzjkw') - 20);
  });

  it('gives every context a probability distribution over the next symbol', () => {
    for (let ctx = 0; ctx < 40 ** 3; ctx += 37) {
      const [a, b, c] = [Math.floor(ctx / 1600), Math.floor(ctx / 40) % 40, ctx % 40];
      let sum = 0;
      for (let x = 0; x < 40; x++) sum += 2 ** -stepBits(model, a, b, c, x);
      expect(sum).toBeCloseTo(1, 4);
    }
  });

  it('calibrates guesses that never fall as the probability falls, and stay below 1 / p', () => {
    const t = model.calibration;
    for (let i = 1; i < t.length; i++) expect(t[i]!).toBeGreaterThanOrEqual(t[i - 1]!);
    // Fewer than 1/p strings can each have probability above p (a sampling margin of 2x).
    for (let i = 0; i < t.length; i++) expect(t[i]!).toBeLessThanOrEqual(i * model.calibrationStep * Math.log10(2) + Math.log10(2));
    fc.assert(fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return guessesLog10FromBits(model, lo) <= guessesLog10FromBits(model, hi) + 1e-9;
    }));
  });

  it('refuses damaged bytes instead of scoring with them', () => {
    const bytes = encodeModel(small);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 1))).toThrow(/damaged/);
    const foreign = bytes.slice();
    foreign[0] = 0;
    expect(() => decodeModel(foreign)).toThrow(/not a passgate/);
  });

  it('is deterministic: the same corpus gives the same bytes', () => {
    const again = calibrate(trainModel(corpus, { minContextCount: 1 }), { samples: 5_000, seed: 1, step: 0.25, maxLength: 32 });
    expect(encodeModel(again)).toEqual(encodeModel(small));
  });
});

describe('the shipped model', () => {
  const model = shipped();
  const log10 = (p: string) => guessesLog10FromBits(model, stringBits(model, p));

  it.each([
    ['parveen143', 'x4ivyga51f'],
    ['sugarlips1', 'q8#kd!2@zp'],
    ['telechargement', 'wqzpxkvmrtyhgd'],
  ])('puts the human %s well before the random %s', (human, random) => {
    expect(log10(human)).toBeLessThan(log10(random) - 5);
  });

  it('costs one table read per character: any string scores finitely', () => {
    fc.assert(fc.property(fc.string({ maxLength: 64, unit: 'grapheme' }), (s) => Number.isFinite(stringBits(model, s.toLowerCase()))), { numRuns: 100 });
    for (const s of ['\u0000\uffff\ud800', 'пароль', '日本語パスワード', '~'.repeat(500)]) expect(Number.isFinite(stringBits(model, s))).toBe(true);
  });

  it('scores a string as the sum of its steps, symbol and other-class costs (naive oracle)', () => {
    // The definition stringBits implements with its context carried along: a fresh copy of the
    // shipped model, so the rows it readies are its own.
    const fresh = shipped();
    const oracle = (s: string) => {
      let a = BOUNDARY, b = BOUNDARY, c = BOUNDARY, bits = 0;
      for (let i = 0; i <= s.length; i++) {
        const code = i < s.length ? s.charCodeAt(i) : -1;
        const x = code < 0 ? BOUNDARY : symbolOf(code);
        bits += stepBits(fresh, a, b, c, x);
        if (x === SYMBOL_CLASS) bits += fresh.symbolBits[symbolIndex(code)]!;
        else if (x === OTHER_CLASS) bits += OTHER_BITS;
        [a, b, c] = [b, c, x];
      }
      return bits;
    };
    const strings = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ maxLength: 20, unit: fc.constantFrom(...'ab1 !~Zé\u007f\u0000'.split('')) }));
    fc.assert(fc.property(strings, (s) => stringBits(model, s) === oracle(s)), { numRuns: 300 });
    for (const s of ['password1', 'correct horse battery staple', 'Tr0ub4dor&3', 'пароль', '']) expect(stringBits(model, s)).toBe(oracle(s));
  });

  it('gives every prefix the bits stringBits gives it, from one walk (naive oracle)', () => {
    // model/readings.ts prices the password before its suffix from the whole password's walk.
    const strings = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ maxLength: 20, unit: fc.constantFrom(...'ab1 !~Zé\u007f\u0000'.split('')) }));
    const agrees = (s: string) => {
      const whole = stringBitsKeepingPrefixes(model, s);
      if (whole !== stringBits(model, s)) return false;
      // Re-walk each prefix (stringBits leaves the kept prefixes alone) and compare after.
      const expected = Array.from({ length: s.length + 1 }, (_, k) => stringBits(model, s.slice(0, k)));
      return expected.every((bits, k) => prefixStringBits(model, k) === bits);
    };
    fc.assert(fc.property(strings, agrees), { numRuns: 300 });
    for (const s of ['password1', 'inshaallah85', 'shiyas15*', 'correct horse battery staple', 'пароль', '']) expect(agrees(s)).toBe(true);
  });
});

describe('charset-aware brute force and the message shape', () => {
  it.each([
    ['abcdefgh', 26], ['abcDEF', 52], ['abc123', 36], ['Ab1!', 95], ['1234', 10], ['пароль', 100], ['', 10],
  ])('%s searches an alphabet of %i', (p, n) => expect(bruteforceCardinality(p)).toBe(n));

  it.each([
    ['parveen143', 'word-number'], ['parveen143!', 'word-number'], ['143parveen', 'string'], ['parveen', 'string'], ['a1b2', 'string'],
  ])('%s has the shape %s', (p, shape) => expect(modelShape(p)).toBe(shape));
});

describe('recommended with the model', () => {
  it('rejects human strings no list holds, and says what the model saw in every locale', async () => {
    for (const locale of LOCALES) {
      const checker = await createChecker({ breached: false, locale });
      for (const p of ['parveen143', 'sugarlips1', 'candygirl1']) {
        const r = checker.evaluate(p);
        expect(r.accepted, p).toBe(false);
        const f = r.findings.find((x) => x.code === 'PREDICTABLE_STRING');
        expect(f?.severity, p).toBe('reject');
        expect(f?.message, p).toBeTruthy();
        expect(r.feedback.suggestions.length, p).toBeGreaterThan(0);
      }
    }
  });

  it('accepts random alphanumerics with a chance near miss of a banned term (issue 11)', async () => {
    const checker = await createChecker({ breached: false });
    for (const p of ['w0lenKrcc', 'CAlrZBusN', 'qebs3DmAN', 'HuCkrarEd']) expect(checker.evaluate(p).accepted, p).toBe(true);
  });

  it('gives the browser the same verdicts and findings on the same data', async () => {
    const files = new Map<string, Uint8Array>();
    const f = (async (input: RequestInfo | URL) => {
      const name = new URL(String(input)).pathname.split('/').pop()!;
      if (!files.has(name)) {
        try {
          files.set(name, new Uint8Array(readFileSync(resolve(DATA, name))));
        } catch {
          return new Response('nope', { status: 404 });
        }
      }
      return new Response(new Uint8Array(files.get(name)!));
    }) as typeof fetch;
    // The full tier: the same data as Node (the light default is compared in test/browser/light-tier.test.ts).
    const web = await bindApi(createBrowserPlatform({ baseUrl: 'https://x.example/d/', fetch: f, tier: 'full' })).createChecker({ breached: false });
    const node = await createChecker({ breached: false });
    const codes = (r: { accepted: boolean; findings: readonly { code: string }[] }) => [r.accepted, r.findings.map((x) => x.code)];
    for (const p of ['parveen143', 'khuzaima786', 'x4ivyga51f', 'w0lenKrcc', 'correct horse battery staple', 'Tr0ub4dor&3', 'kovdir-Xyhpa4-qemfuz']) {
      expect(codes(web.evaluate(p)), p).toEqual(codes(node.evaluate(p)));
    }
    expect(files.has(Assets.model)).toBe(true);
  });
});
