/**
 * Issue 20 item 10: what a custom check returns is searched for the password's copies, not only
 * the password itself — reversed, percent-encoded (`%20` or `+`, once or twice), base64 and
 * base64url (alone or inside other text) — and a `code` may not hold any 8 consecutive
 * characters of it (in any of those forms). Such a text is withheld as a plain copy is; such a
 * code is a rejecting CHECK_ERROR.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, type EvaluationResult } from '../../src/index.js';
import type { AsyncCheck } from '../../src/types.js';
import { fixedText } from './no-password-helpers.js';

const PASSWORD = 'Zebulon Quartz/77&ü';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const b64 = (s: string) => utf8(s).toString('base64');
const b64url = (s: string) => utf8(s).toString('base64url');
const reverse = (s: string) => [...s].reverse().join('');
const form = (s: string) => new URLSearchParams({ a: s }).toString().slice(2);

/** Copies of the password a careless check might return; none may reach a result. */
const TRANSFORMS: [string, (p: string) => string][] = [
  ['reversed', reverse],
  ['reversed, lower-cased', (p) => reverse(p).toLowerCase()],
  ['encodeURIComponent', encodeURIComponent],
  ['encodeURIComponent, lower-case hex', (p) => encodeURIComponent(p).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  ['form-encoded (+ for space)', form],
  ['encoded twice', (p) => encodeURIComponent(encodeURIComponent(p))],
  ['base64', b64],
  ['base64 without padding', (p) => b64(p).replace(/=+$/, '')],
  ['base64url', b64url],
  ['base64 of the password after one other byte', (p) => b64(`x${p}`)],
  ['base64 of the password after two other bytes, in a sentence', (p) => `token ${b64(`xy${p}`)} expired`],
  ['base64 of the lower-cased password', (p) => b64(p.toLowerCase())],
];

async function returned(items: unknown[], password = PASSWORD): Promise<EvaluationResult> {
  const c = await createChecker({ breached: false, checks: [(() => items) as AsyncCheck] });
  return c.evaluate(password);
}
const byCode = (r: EvaluationResult, code: string) => r.findings.find((f) => f.code === code);

describe('a custom check cannot pass a copy of the password through', () => {
  it.each(TRANSFORMS)('%s: dropped from term, message, params values and keys', async (_n, t) => {
    const copy = t(PASSWORD);
    const r = await returned([{ code: 'MY_A', term: copy, message: `It was ${copy}.`, params: { v: copy, [copy.slice(0, 64)]: 1, n: 3 } }]);
    const f = byCode(r, 'MY_A')!;
    expect(f.term).toBeUndefined();
    expect(f.message).toBe('MY_A');
    expect(f.params).toEqual({ n: 3 });
    expect(JSON.stringify(r)).not.toContain(copy.slice(0, 12));
  });

  it.each([
    ['a 10-character prefix', PASSWORD.slice(0, 10)],
    ['8 characters from the middle, upper-cased', `MY_${PASSWORD.slice(4, 12).toUpperCase()}`],
    ['8 characters reversed', `X_${reverse(PASSWORD).slice(0, 8)}`],
    ['8 characters percent-encoded', `X_${encodeURIComponent(PASSWORD.slice(6, 14))}`],
    ['the base64 of 9 characters', b64(PASSWORD.slice(0, 9))],
  ])('a code holding %s is a rejecting CHECK_ERROR that says why', async (_n, code) => {
    const r = await returned([{ code, message: 'x' }]);
    expect(r.accepted).toBe(false);
    expect(byCode(r, 'CHECK_ERROR')).toMatchObject({ severity: 'reject', params: { reason: 'the check returned a code that holds part of the password' } });
    expect(JSON.stringify(r)).not.toContain(code);
  });

  it('text that only shares a little with the password is kept', async () => {
    const r = await returned([
      { code: 'ZEBULON', term: 'zebulon', message: 'Do not use the name of the cat.', params: { who: 'Quartz', b: b64('Zebulon') } },
      { code: 'MY_CHECK_1', message: 'Base64 and %20 are fine: YWJj, a%2Fb.' },
    ]);
    expect(byCode(r, 'ZEBULON')).toMatchObject({ term: 'zebulon', message: 'Do not use the name of the cat.', params: { who: 'Quartz', b: b64('Zebulon') } });
    expect(byCode(r, 'MY_CHECK_1')!.message).toBe('Base64 and %20 are fine: YWJj, a%2Fb.');
    expect(byCode(r, 'CHECK_ERROR')).toBeUndefined();
  });
});

describe('property: no transform of a password of 8 or more characters reaches any string of the result', () => {
  const fixed = fixedText([]);
  const alphabet = [...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789!@#$%&/+= -_.~é'];
  it('for every transform, wherever the check puts it', async () => {
    let items: unknown[] = [];
    const c = await createChecker({ breached: false, checks: [(() => items) as AsyncCheck] });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 8, maxLength: 24 }), (password) => {
        const copies = [...TRANSFORMS.map(([, t]) => t(password)), password.slice(0, 10)];
        fc.pre(copies.every((x) => !fixed.includes(x.toLowerCase())));
        items = copies.map((copy, i) => ({ code: copy.length <= 64 ? copy : `MY_${i}`, term: copy, message: copy, params: { v: copy, [copy.slice(0, 64)]: true } }));
        const r = c.evaluate(password);
        const strings: string[] = [];
        const walk = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v);
          else if (Array.isArray(v)) v.forEach(walk);
          else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) (strings.push(k), walk(x));
        };
        walk(JSON.parse(JSON.stringify(r)));
        // Whole copies: in no string at all. The 10-character prefix: in no code (a built-in term
        // may name part of the password: `constructor` in `constructorpro`).
        const whole = copies.slice(0, -1);
        for (const copy of whole) expect(strings.find((s) => s.includes(copy)), `${JSON.stringify(password)} → ${JSON.stringify(copy)}`).toBeUndefined();
        const prefix = copies.at(-1)!;
        expect(r.findings.find((f) => f.code.includes(prefix))?.code, `${JSON.stringify(password)}: a code holds its prefix`).toBeUndefined();
        expect(r.accepted).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
