import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';

let checker: Checker;
beforeAll(async () => {
  checker = await createChecker({ customBannedTerms: ['contoso'] });
});

describe('recommended profile rejects the helpdesk pattern family', () => {
  it.each([
    'Welcome01', 'Winter2020', 'Winter2020!', 'Summer2024!', 'P@ssw0rd1', 'Passw0rd!', 'Spring2025#',
    'Qwerty123!', 'Contoso2024', 'C0nt0s0!2024', 'Password123!', 'Welcome2024!!', 'Autumn2023$',
    'Letmein1!', 'Football1', 'Iloveyou2', 'Monkey123', 'December2022', 'qwertyuiop', '1qaz2wsx',
    'Aaaaaaaa1', 'abc12345678', 'Dragon2020!', 'Pa$$w0rd2024', 'Company2024',
    // Shapes that got through on held-out breach lists before the structure rules (QUALITY.md):
    'goldengate37', 'bestlove1990', '0593938031', '12061987', 'WhatNow1234',
  ])('%s', (pw) => {
    const r = checker.evaluate(pw);
    expect(r.accepted, JSON.stringify(r.policy.rejectedBy)).toBe(false);
    expect(r.feedback.warning).toEqual(expect.any(String));
  });

  it('rejects a first name with a year and names the field', () => {
    const r = checker.evaluate('Margaret1990', { firstName: 'Margaret' });
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'CONTEXT_TERM')).toMatchObject({ start: 0, end: 8, params: { field: 'firstName' } });
  });

  it('rejects the email local part and display-name words', () => {
    expect(checker.evaluate('xx-jsmithers-77!', { email: 'jsmithers@example.com' }).accepted).toBe(false);
    expect(checker.evaluate('Lopez!Garden#42', { displayName: 'Anna Lopez' }).accepted).toBe(false);
  });

  it('counts an affix as one token: Winter2020! is winter + 2020 + !', () => {
    const r = checker.evaluate('Winter2020!');
    expect(r.score).toBe(3);
    expect(r.policy.rejectedBy).toContain('LOW_SCORE');
  });
});

describe('recommended profile accepts strong passwords', () => {
  it.each([
    'lantern-oyster-cobalt-meadow', 'violet.tundra.marble.quiver', 'Gx7#pQ2!vLm9', 'k2R$w8nZ@e4Tq',
    'plinth otter saffron crumble', 'xqtrmbzkwvnd', 'Tq8%Lz3!Wp6&Yh', 'copper_lantern_orbit_meadow',
    '7305940182631', // thirteen random digits: enough even after the digits-only discount
  ])('%s', (pw) => {
    const r = checker.evaluate(pw);
    expect(r.accepted, JSON.stringify(r.findings.map((f) => [f.code, f.term]))).toBe(true);
    expect(r.feedback.warning).toBeNull();
  });
});

describe('length rules', () => {
  it('refuses over-long input as TOO_LONG before any other work', () => {
    const r = checker.evaluate('a'.repeat(1_000_000));
    expect(r.findings.map((f) => f.code)).toEqual(['TOO_LONG']);
    expect(r.accepted).toBe(false);
  });
  it('counts code points, not UTF-16 units', async () => {
    const c = await createChecker({ minLength: 8, breached: false, globalBannedTerms: [] });
    const emoji = '🦊🐙🦉🐝🦋🐢🦔'; // 7 code points, 14 units
    expect(c.evaluate(emoji).findings.some((f) => f.code === 'TOO_SHORT')).toBe(true);
    expect(c.evaluate(emoji + '🐬').findings.some((f) => f.code === 'TOO_SHORT')).toBe(false);
  });
});

describe('audit mode', () => {
  it('accepts, says it would reject, and keeps the findings', async () => {
    const c = await createChecker({ mode: 'audit' });
    const r = c.evaluate('Winter2020!');
    expect(r).toMatchObject({ accepted: true, wouldReject: true });
    expect(r.policy.rejectedBy).toContain('LOW_SCORE');
  });
});

describe('locales', () => {
  it.each([
    ['en', /banned word/],
    ['fr', /mot interdit/],
    ['de', /gesperrte Wort/],
    ['es', /palabra prohibida/],
  ])('%s', async (locale, pattern) => {
    const c = await createChecker({ locale, customBannedTerms: ['contoso'], breached: false });
    const r = c.evaluate('contoso12');
    expect(r.findings.find((f) => f.code === 'BANNED_TERM')?.message).toMatch(pattern);
  });
  it('can be overridden per call', () => {
    expect(checker.evaluate('short', undefined, { locale: 'de' }).feedback.warning).toMatch(/zu kurz/);
  });
});

describe('custom checks', () => {
  it('run with the same input as built-in checks and can reject', async () => {
    const c = await createChecker({
      breached: false,
      checks: [(input) => (input.text.folded.includes('acme') ? [{ code: 'ACME_WORD', source: 'check' }] : [])],
    });
    expect(c.evaluate('my-acme-horse-battery').policy.rejectedBy).toEqual(['ACME_WORD']);
    expect(c.evaluate('violet.tundra.marble.quiver').accepted).toBe(true);
  });
  it('async checks need evaluateAsync; in evaluate they fail closed', async () => {
    const history = async () => [{ code: 'REUSED', source: 'check' as const }];
    const c = await createChecker({ breached: false, checks: [history] });
    expect(c.evaluate('violet.tundra.marble.quiver').policy.rejectedBy).toEqual(['CHECK_ERROR']);
    expect((await c.evaluateAsync('violet.tundra.marble.quiver')).policy.rejectedBy).toEqual(['REUSED']);
  });
  it('a check that throws does not let the password through nor leak its message', async () => {
    const c = await createChecker({ breached: false, checks: [(i) => { throw new Error(`bad ${i.password}`); }] });
    const r = c.evaluate('Xq9#vLm2!pTz8kW');
    expect(r.accepted).toBe(false);
    expect(JSON.stringify(r)).not.toContain('Xq9#vLm2!pTz8kW');
    expect(JSON.stringify(r)).not.toContain('bad');
  });
});

describe('custom checks cannot corrupt later evaluations', () => {
  it('a check that scribbles over the offset maps does not change the next result', async () => {
    const vandal = (input: { text: { start: Uint32Array; end: Uint32Array } }) => {
      input.text.start.fill(7);
      input.text.end.fill(9);
      return [];
    };
    const clean = await createChecker({ customBannedTerms: ['contoso'], breached: false });
    const dirty = await createChecker({ customBannedTerms: ['contoso'], breached: false, checks: [vandal as never] });
    dirty.evaluate('xxcontoso12');
    expect(clean.evaluate('Contoso2024').findings).toEqual(dirty.evaluate('Contoso2024').findings);
  });
});
