import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Checker } from '../../src/index.js';
import { passwordSchema, refinePassword } from '../../src/adapters/zod.js';
import { expectNoPassword, makeChecker, NAME, NAMED, STRONG, WEAK } from './helpers.js';

// passgate/zod with the real zod: issues carry the reasons' messages and codes, never the password.
let checker: Checker;
beforeAll(async () => {
  checker = await makeChecker();
});

describe('passgate/zod', () => {
  it('passwordSchema accepts what the checker accepts and explains what it rejects', async () => {
    const schema = passwordSchema(checker);
    expect(await schema.parseAsync(STRONG)).toBe(STRONG);
    const r = await schema.safeParseAsync(WEAK);
    expect(r.success).toBe(false);
    const verdict = checker.evaluate(WEAK);
    expect(r.error!.issues.map((i) => [i.code, i.message, (i as { params?: { passgate?: string } }).params?.passgate])).toEqual(
      verdict.findings.filter((f) => f.severity === 'reject').map((f) => ['custom', f.message, f.code]),
    );
    expectNoPassword(JSON.stringify(r.error!.issues), WEAK);
    expect((await schema.safeParseAsync(42)).success).toBe(false);
    const fr = await passwordSchema(checker, { locale: 'fr' }).safeParseAsync(WEAK);
    expect(fr.error!.issues[0]!.message).toBe(checker.evaluate(WEAK, undefined, { locale: 'fr' }).findings.find((f) => f.severity === 'reject')!.message);
  });

  it('refinePassword judges an object field with context from its siblings, on that field’s path', async () => {
    const SignUp = z
      .object({ name: z.string(), email: z.string(), password: z.string() })
      .superRefine(refinePassword(checker, { context: (d) => ({ displayName: d.name, email: d.email }) }));
    expect((await SignUp.safeParseAsync({ name: 'Ann', email: 'ann@example.com', password: NAMED })).success).toBe(true);
    const r = await SignUp.safeParseAsync({ name: NAME, email: 'k@example.com', password: NAMED });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toMatchObject([{ code: 'custom', path: ['password'], params: { passgate: 'CONTEXT_TERM' } }]);
    expectNoPassword(JSON.stringify(r.error!.issues), NAMED);
    // A missing field is the object schema's to report, not a second issue from passgate.
    const missing = await SignUp.safeParseAsync({ name: 'Ann', email: 'a@example.com' });
    expect(missing.error!.issues.map((i) => i.path)).toEqual([['password']]);
  });

  it('refuses to run synchronously (the check is asynchronous)', () => {
    expect(() => passwordSchema(checker).parse(STRONG)).toThrow();
  });
});

describe('the reasons every adapter reports', () => {
  it('name each rejecting code and message once, in the findings’ order', async () => {
    const { rejectionReasons } = await import('../../src/adapters/shared.js');
    const f = (code: string, message: string, severity: 'reject' | 'warn' = 'reject') => ({ code, message, severity, source: 'context' as const });
    const result = {
      findings: [f('CONTEXT_TERM', 'It contains your name.'), f('WEAK', 'w', 'warn'), f('CONTEXT_TERM', 'It contains your name.'), f('CONTEXT_TERM', 'It contains your email address.'), f('LOW_SCORE', 'l')],
      policy: { rejectedBy: ['CONTEXT_TERM', 'LOW_SCORE'] },
    } as unknown as Parameters<typeof rejectionReasons>[0];
    expect(rejectionReasons(result)).toEqual([
      { code: 'CONTEXT_TERM', message: 'It contains your name.' },
      { code: 'CONTEXT_TERM', message: 'It contains your email address.' },
      { code: 'LOW_SCORE', message: 'l' },
    ]);
  });
});
