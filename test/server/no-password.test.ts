// Issue 10 item 5b, the service side: POST /v1/evaluate answers never contain the password.
// Runs the built package (`passgate/server`, i.e. dist/): rebuild with `npx tsup` after changes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from 'passgate/server';
import type { ProfileName } from '../../src/types.js';
import { contextArb, expectNoPassword, fixedText, meaningful, passwordArb } from '../core/no-password-helpers.js';

type Started = Awaited<ReturnType<typeof startServer>>;
const servers = {} as Record<ProfileName, Started>;
let fixed: string;

async function evaluate(profile: ProfileName, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL('/v1/evaluate', servers[profile].url), { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passgate-nopw-'));
  const terms = join(dir, 'terms.txt');
  writeFileSync(terms, 'contoso\ncorrecthorse\n');
  for (const profile of ['recommended', 'entra', 'nist'] as const) {
    servers[profile] = await startServer({ host: '127.0.0.1', port: 0, config: { profile, customTermsFile: terms }, log: () => {}, watchIntervalMs: 0 });
  }
  const samples = [];
  for (const profile of ['recommended', 'entra', 'nist'] as const) {
    for (const p of ['x', 'qwertyuiop', 'aaaa1990', 'abcd1234', '12/12/2012', 'Password1!', 'Xq9#vLm2!pTz8kW', 'contoso']) {
      samples.push(JSON.parse((await evaluate(profile, { password: p, context: { firstName: 'Zz' } })).text));
    }
  }
  fixed = fixedText(samples);
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close(1000)));
});

describe('the service never answers with the password', () => {
  it('the reported cases', async () => {
    const a = await evaluate('recommended', { password: 'correcthorse', context: { username: 'correcthorse' } });
    expect(a.status).toBe(200);
    expectNoPassword(a.text, 'correcthorse', 'recommended');
    const b = await evaluate('nist', { password: 'sunshine' });
    expect(JSON.parse(b.text).accepted).toBe(false);
    expectNoPassword(b.text, 'sunshine', 'nist');
  });
  it.each(['recommended', 'entra', 'nist'] as const)('%s: random passwords and contexts', async (profile) => {
    await fc.assert(
      fc.asyncProperty(passwordArb.chain((p) => fc.tuple(fc.constant(p), fc.option(contextArb(p), { nil: undefined }))), async ([password, context]) => {
        fc.pre(meaningful(password, fixed, profile));
        const r = await evaluate(profile, context ? { password, context } : { password });
        expect(r.status).toBe(200);
        expectNoPassword(r.text, password, profile);
      }),
      { numRuns: 150 },
    );
  });
});
