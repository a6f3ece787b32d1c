// Issue 10 item 5c: what custom checks return is validated before it reaches a result.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import type { AsyncCheck, Finding } from '../../src/types.js';

const PASSWORD = 'Zebulon-Quartz-77';

async function run(returned: unknown, password = PASSWORD) {
  const c = await createChecker({ breached: false, checks: [(() => returned) as AsyncCheck] });
  const r = c.evaluate(password);
  return { r, custom: r.findings.filter((f) => f.source === 'check' || f.code === 'CHECK_ERROR' || f.code.startsWith('MY_')), json: JSON.stringify(r) };
}

describe('custom findings are validated', () => {
  it('spans are clamped into the password, or dropped when they make no sense', async () => {
    const { custom } = await run([
      { code: 'MY_A', source: 'check', start: -5, end: 1e9 },
      { code: 'MY_B', source: 'check', start: 3, end: 6 },
      { code: 'MY_C', source: 'check', start: 9, end: 2 },
      { code: 'MY_D', source: 'check', start: 1.5, end: 'x' },
      { code: 'MY_E', source: 'check', start: Number.NaN, end: 4 },
    ]);
    const spans = Object.fromEntries(custom.map((f) => [f.code, [f.start, f.end]]));
    expect(spans).toEqual({ MY_A: [0, PASSWORD.length], MY_B: [3, 6], MY_C: [undefined, undefined], MY_D: [undefined, undefined], MY_E: [undefined, undefined] });
  });

  it('a term or message holding the password is withheld; a harmless one is kept', async () => {
    const { custom, json } = await run([
      { code: 'MY_A', source: 'check', term: PASSWORD, message: `You used ${PASSWORD} before` },
      { code: 'MY_B', source: 'check', term: PASSWORD.toLowerCase() },
      { code: 'MY_C', source: 'check', term: 'zebulon', message: 'Do not use the name of the cat.' },
    ]);
    expect(json).not.toContain(PASSWORD);
    expect(json.toLowerCase()).not.toContain(PASSWORD.toLowerCase());
    const byCode = Object.fromEntries(custom.map((f) => [f.code, f]));
    expect(byCode.MY_A!.term).toBeUndefined();
    expect(byCode.MY_A!.message).toBe('MY_A');
    expect(byCode.MY_B!.term).toBeUndefined();
    expect(byCode.MY_C).toMatchObject({ term: 'zebulon', message: 'Do not use the name of the cat.' });
  });

  it("keeps the check's own message (it was replaced by its code)", async () => {
    const { r } = await run([{ code: 'REUSED', source: 'check', message: 'You used this password before.' }]);
    expect(r.findings.find((f) => f.code === 'REUSED')!.message).toBe('You used this password before.');
    expect(r.feedback.warning).toBe('You used this password before.');
  });

  it('params keep strings, numbers and booleans; other values and password-bearing strings go', async () => {
    const { custom } = await run([{ code: 'MY_A', source: 'check', params: { n: 3, ok: true, s: 'fine', leak: `x${PASSWORD}`, obj: { a: 1 }, f: () => 1, inf: Infinity } }]);
    expect(custom[0]!.params).toEqual({ n: 3, ok: true, s: 'fine' });
  });

  it('an unknown source becomes "check"; severity is kept only when it is a severity', async () => {
    const { custom } = await run([
      { code: 'MY_A', source: 'mars', severity: 'warn' },
      { code: 'MY_B', source: 'custom', severity: 'whatever' },
    ]);
    expect(custom.map((f) => [f.code, f.source, f.severity])).toEqual([['MY_A', 'check', 'warn'], ['MY_B', 'custom', 'reject']]);
  });

  it.each([
    ['not an object', 42],
    ['no code', { source: 'check' }],
    ['an empty code', { code: '' }],
    ['a code that is the password', { code: PASSWORD }],
    ['a code of 10 kB', { code: 'X'.repeat(10_000) }],
  ])('an invalid finding (%s) fails closed as CHECK_ERROR', async (_, item) => {
    const { r, json } = await run([item]);
    expect(r.accepted).toBe(false);
    expect(r.policy.rejectedBy).toEqual(['CHECK_ERROR']);
    expect(json).not.toContain(PASSWORD);
  });

  it('at most 32 findings per check', async () => {
    const { custom } = await run(Array.from({ length: 1000 }, (_, i) => ({ code: `MY_${i}`, source: 'check' })));
    expect(custom).toHaveLength(32);
  });

  it('a check that throws or rejects with the password in its error gives a generic CHECK_ERROR', async () => {
    const boom: AsyncCheck = (i) => {
      throw new Error(`bad ${i.password}`);
    };
    const reject: AsyncCheck = async (i) => Promise.reject(new Error(`bad ${i.password}`));
    for (const check of [boom, reject]) {
      const c = await createChecker({ breached: false, checks: [check] });
      const r = await c.evaluateAsync(PASSWORD);
      expect(r.policy.rejectedBy).toEqual(['CHECK_ERROR']);
      const json = JSON.stringify(r);
      expect(json).not.toContain(PASSWORD);
      expect(json).not.toContain('bad');
    }
  });

  it('valid findings pass unchanged', async () => {
    const f: Finding = { code: 'MY_A', source: 'check', start: 0, end: 7, term: 'zebulon', distance: 0, params: { list: 'pets' } };
    const { custom } = await run([f]);
    expect(custom[0]).toMatchObject(f);
  });
});
