/**
 * Issue 20 items 3 and 7: one breached-source interface (the range API applies the filter's rules:
 * the lowercase probe and the breached strength), every surface waits for asynchronous sources,
 * and no asynchronous check can hang an evaluation.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildFilter, createChecker, type CheckInput } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();
const LIST: Record<string, number> = { winterharbour77: 50, 'Summer2023!x': 120 };
const STRONG = 'vq7#mZp2!rTx9Lw-kept';

/** A range API answering from LIST through an injected fetch (no network at all). */
const rangeFetch: typeof fetch = async (input) => {
  const prefix = String(input).slice(-5);
  const lines = Object.entries(LIST)
    .map(([p, n]) => [sha1(p), n] as const)
    .filter(([h]) => h.startsWith(prefix))
    .map(([h, n]) => `${h.slice(5)}:${n}`);
  return new Response(lines.join('\r\n') + '\r\n0000000000000000000000000000000000A:0');
};
const range = { rangeUrl: 'https://range.invalid/range/', fetch: rangeFetch };
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('one breached source: the range API follows the filter file rules', () => {
  it.each([
    ['typed as listed', 'Summer2023!x'],
    ['case varied from a lowercase entry (the lowercase probe)', 'WinterHarbour77'],
  ])('%s: same verdict, findings and strength as a filter holding the same list', async (_, password) => {
    const viaRange = await createChecker({ breached: range });
    const viaFilter = await createChecker({ breached: { bytes: buildFilter(Object.keys(LIST)) } });
    const a = await viaRange.evaluateAsync(password);
    const b = viaFilter.evaluate(password);
    expect(a.accepted).toBe(false);
    expect(codes(a)).toEqual(codes(b));
    expect(a.strength).toEqual(b.strength);
    expect(a.policy.rejectedBy).toEqual(b.policy.rejectedBy);
    expect(a.findings.filter((f) => f.code === 'BREACHED')).toHaveLength(1);
  });

  it('an unknown strong password is accepted through the range source', async () => {
    const c = await createChecker({ breached: range });
    expect((await c.evaluateAsync(STRONG)).accepted).toBe(true);
  });

  it('nist, which probes only the password as typed, does not find the case variant', async () => {
    const c = await createChecker({ profile: 'nist', mfa: true, breached: range });
    expect(codes(await c.evaluateAsync('WinterHarbour77'))).not.toContain('BREACHED');
  });
});

describe('every surface waits for asynchronous sources', () => {
  it('passgate/fetch with a range source judges (it answered CHECK_ERROR for every password)', async () => {
    const handler = createHandler(await createChecker({ breached: range }));
    const post = async (password: string) => {
      const res = await handler(new Request('http://x/v1/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) }));
      expect(res.status).toBe(200);
      return (await res.json()) as { accepted: boolean; findings: { code: string }[] };
    };
    const good = await post(STRONG);
    expect(codes(good)).not.toContain('CHECK_ERROR');
    expect(good.accepted).toBe(true);
    const bad = await post('WinterHarbour77');
    expect(bad.accepted).toBe(false);
    expect(codes(bad)).toContain('BREACHED');
  });

  it('passgate/fetch waits for an asynchronous custom check', async () => {
    const history = async (input: CheckInput) => (input.password === STRONG ? [{ code: 'IN_HISTORY', source: 'check' as const, severity: 'reject' as const }] : []);
    const handler = createHandler(await createChecker({ checks: [history] }));
    const res = await handler(new Request('http://x/v1/evaluate', { method: 'POST', body: JSON.stringify({ password: STRONG }) }));
    const body = (await res.json()) as { accepted: boolean; findings: { code: string }[] };
    expect(codes(body)).toContain('IN_HISTORY');
    expect(body.accepted).toBe(false);
  });

  it('plain evaluate with a range source fails closed and says evaluateAsync is needed', async () => {
    const c = await createChecker({ breached: range });
    expect(c.needsAsync).toBe(true);
    // The rotation source applies only to calls that pass stored hashes: alone it needs no evaluateAsync.
    expect((await createChecker({ breached: false })).needsAsync).toBe(false);
    const r = c.evaluate(STRONG);
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'CHECK_ERROR')?.params?.reason).toMatch(/evaluateAsync/);
  });
});

describe('checkTimeoutMs: no asynchronous check can hang an evaluation', () => {
  it('a custom check that never settles is a rejecting CHECK_ERROR after the limit', async () => {
    const never = () => new Promise<never>(() => undefined);
    const c = await createChecker({ checks: [never], checkTimeoutMs: 50 });
    const r = await c.evaluateAsync(STRONG);
    expect(r.accepted).toBe(false);
    const f = r.findings.find((x) => x.code === 'CHECK_ERROR');
    expect(f).toMatchObject({ severity: 'reject', params: { reason: 'no answer within 50 ms' } });
  });

  it('a range source whose fetch never answers is bounded by the same limit', async () => {
    const hang: typeof fetch = () => new Promise<never>(() => undefined);
    const c = await createChecker({ breached: { rangeUrl: 'https://range.invalid/', fetch: hang, timeoutMs: 60_000 }, checkTimeoutMs: 50 });
    const r = await c.evaluateAsync(STRONG);
    expect(r.accepted).toBe(false);
    expect(r.policy.rejectedBy).toContain('CHECK_ERROR');
  });

  it.each([0, -1, 1.5, 120_001, '100'])('checkTimeoutMs %p is refused', async (v) => {
    await expect(createChecker({ checkTimeoutMs: v as number })).rejects.toThrow(/checkTimeoutMs/);
  });

  it('the default is documented and finite: 10 s', async () => {
    const { DEFAULT_CHECK_TIMEOUT_MS } = await import('../../src/engine/async-sources.js');
    expect(DEFAULT_CHECK_TIMEOUT_MS).toBe(10_000);
  });
});
