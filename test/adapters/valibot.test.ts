import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createChecker, type Checker } from '../../src/index.js';
import { passwordCheck, passwordCheckAsync, refinePassword, refinePasswordAsync } from '../../src/adapters/valibot.js';
import { expectNoPassword, makeChecker, NAME, NAMED, STRONG, WEAK } from './helpers.js';

// passgate/valibot with the real valibot, in sync and async pipelines: one issue per reason with
// its message and code, never the password (not as input, received, path value or message).
let checker: Checker;
beforeAll(async () => {
  checker = await makeChecker();
});

const rejecting = (password: string, locale?: string) =>
  checker.evaluate(password, undefined, locale ? { locale } : undefined).findings.filter((f) => f.severity === 'reject');

describe('passgate/valibot', () => {
  /** What a user sees of a rejected parse: each issue's type, message and code, and that the password is in none. */
  const seen = (issues: readonly v.BaseIssue<unknown>[], password: string) => {
    expect(issues.every((i) => i.input === undefined)).toBe(true);
    expectNoPassword(JSON.stringify(issues), password);
    return issues.map((i) => [i.type, i.message, i.received]);
  };
  const expected = (password: string, locale?: string) => rejecting(password, locale).map((f) => ['raw_check', f.message, f.code]);

  it('sync pipeline: v.pipe(v.string(), passwordCheck(checker)) with v.parse / v.safeParse', () => {
    const Password = v.pipe(v.string(), passwordCheck(checker));
    expect(v.parse(Password, STRONG)).toBe(STRONG);
    const r = v.safeParse(Password, WEAK);
    expect(r.success).toBe(false);
    expect(seen(r.issues!, WEAK)).toEqual(expected(WEAK));
    expect(() => v.parse(Password, WEAK)).toThrow(rejecting(WEAK)[0]!.message!);
    expect(v.safeParse(Password, 42).issues!.map((i) => i.type)).toEqual(['string']); // the string schema's to report
    const fr = v.safeParse(v.pipe(v.string(), passwordCheck(checker, { locale: 'fr' })), WEAK);
    expect(seen(fr.issues!, WEAK)).toEqual(expected(WEAK, 'fr'));
  });

  it('async pipeline: v.pipeAsync(v.string(), passwordCheckAsync(checker)) with v.parseAsync', async () => {
    const Password = v.pipeAsync(v.string(), passwordCheckAsync(checker, { context: { displayName: NAME } }));
    expect(await v.parseAsync(Password, STRONG)).toBe(STRONG);
    const r = await v.safeParseAsync(Password, NAMED);
    expect(seen(r.issues!, NAMED)).toEqual([['raw_check', 'It contains your name.', 'CONTEXT_TERM']]);
    expect((await v.safeParseAsync(Password, 42)).issues!.map((i) => i.type)).toEqual(['string']);
  });

  it('an object field is judged with context from its siblings, on its path (sync and async)', async () => {
    const fields = v.object({ name: v.string(), email: v.string(), password: v.string() });
    const sync = v.pipe(fields, refinePassword(checker, { context: (d) => ({ displayName: d.name, email: d.email }) }));
    const async_ = v.pipeAsync(fields, refinePasswordAsync(checker, { context: (d) => ({ displayName: d.name, email: d.email }) }));
    for (const parse of [(x: unknown) => Promise.resolve(v.safeParse(sync, x)), (x: unknown) => v.safeParseAsync(async_, x)]) {
      expect((await parse({ name: 'Ann', email: 'ann@example.com', password: NAMED })).success).toBe(true);
      const r = await parse({ name: NAME, email: 'k@example.com', password: NAMED });
      expect(seen(r.issues!, NAMED)).toEqual([['raw_check', 'It contains your name.', 'CONTEXT_TERM']]);
      expect(v.flatten(r.issues!).nested).toEqual({ password: ['It contains your name.'] });
      // A missing field is the object schema's to report, not a second issue from passgate.
      const missing = await parse({ name: 'Ann', email: 'a@example.com' });
      expect(missing.issues!.map((i) => [i.type, v.getDotPath(i)])).toEqual([['object', 'password']]);
    }
  });

  it('the sync actions refuse a checker that needs evaluateAsync; the async ones run its checks', async () => {
    const withCheck = await createChecker({ profile: 'entra', breached: false, checks: [async () => [{ code: 'IN_HISTORY', source: 'check', message: 'You used this password before.', severity: 'reject' }]] });
    expect(() => passwordCheck(withCheck)).toThrow(/needs evaluateAsync.*passwordCheckAsync/);
    expect(() => refinePassword(withCheck)).toThrow(/refinePasswordAsync/);
    const r = await v.safeParseAsync(v.pipeAsync(v.string(), passwordCheckAsync(withCheck)), STRONG);
    expect(r.issues!.map((i) => [i.received, i.message])).toEqual([['IN_HISTORY', 'You used this password before.']]);
  });
});
