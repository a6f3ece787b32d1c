import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker, type Checker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';

/**
 * POST /v1/evaluate answers exactly `JSON.stringify(await checker.evaluateAsync(…))` for the
 * body's password, context and locale (or the negotiated one), whichever way the route gets there:
 * the route calls plain `evaluate` when the checker needs nothing asynchronous for this call (no
 * custom checks, no remote source, no stored hashes to verify), which saves the service a promise
 * chain per request (bench/server-overhead.ts). `evaluateAsync` is the oracle; a checker with an
 * asynchronous check shows the route still waits for it.
 */
let plain: Checker;
let withCheck: Checker;
beforeAll(async () => {
  [plain, withCheck] = await Promise.all([
    createChecker({ profile: 'entra', breached: false }),
    createChecker({
      profile: 'entra',
      breached: false,
      // Asynchronous, and rejecting: the answer shows whether the route waited for it.
      checks: [async (input) => (input.password.includes('7') ? [{ code: 'CUSTOM_SEVEN', source: 'check' as const, message: 'no sevens', severity: 'reject' as const }] : [])],
    }),
  ]);
});

async function answer(checker: Checker, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await createHandler(checker)(
    new Request('http://passgate.test/v1/evaluate', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
  );
  return { status: res.status, text: await res.text() };
}

const password = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Winter2020!', 'jsmith-2024', 'correct horse battery staple', 'Summer2024!', 'abc'));
const context = fc.option(
  fc.record({ username: fc.constantFrom('jsmith', 'ana'), extraTerms: fc.array(fc.constantFrom('acme', 'winter'), { maxLength: 2 }) }, { requiredKeys: [] }),
  { nil: undefined },
);
const locale = fc.option(fc.constantFrom('en', 'fr', 'de', 'es'), { nil: undefined });

describe('POST /v1/evaluate', () => {
  it('answers what evaluateAsync answers, for any password, context and locale (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(password, context, locale, async (pw, ctx, loc) => {
        const got = await answer(plain, { password: pw, ...(ctx && { context: ctx }), ...(loc && { locale: loc }) });
        expect(got.status).toBe(200);
        expect(got.text).toBe(JSON.stringify(await plain.evaluateAsync(pw, ctx, loc ? { locale: loc } : undefined)));
      }),
      { numRuns: 150 },
    );
  });

  it('answers what evaluateAsync answers for the language negotiated from Accept-Language', async () => {
    for (const [header, loc] of [['fr-CH, fr;q=0.9', 'fr'], ['de', 'de'], ['xx', undefined]] as const) {
      const got = await answer(plain, { password: 'Winter2020!' }, { 'accept-language': header });
      expect(got.text).toBe(JSON.stringify(await plain.evaluateAsync('Winter2020!', undefined, loc ? { locale: loc } : undefined)));
    }
  });

  it('still waits for an asynchronous custom check', async () => {
    const got = await answer(withCheck, { password: 'Korvath#9x7' });
    expect(JSON.parse(got.text).findings.map((f: { code: string }) => f.code)).toContain('CUSTOM_SEVEN');
    expect(got.text).toBe(JSON.stringify(await withCheck.evaluateAsync('Korvath#9x7')));
    // Plain evaluate could not have answered this: it reports the check as needing evaluateAsync.
    expect(JSON.stringify(withCheck.evaluate('Korvath#9x7'))).not.toBe(got.text);
  });
});
