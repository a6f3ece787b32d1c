// Issue 10 item 7 (library part): a context that cannot be read is misuse, a TypeError naming
// the field (never its value, never what a getter threw), and each field is read exactly once.
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';
import type { PasswordContext } from '../../src/types.js';

const SECRET = 'Tr0ub4dor&3-secret';
let checker: Checker;
beforeAll(async () => {
  checker = await createChecker({ breached: false });
});

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('a context that cannot be read is a TypeError naming the field', () => {
  const throwingGetter = (field: string) =>
    Object.defineProperty({}, field, {
      get() {
        throw new Error(`getter saw ${SECRET}`);
      },
      enumerable: true,
    }) as PasswordContext;
  it.each([
    ['a getter that throws', throwingGetter('lastName'), /context\.lastName/],
    ['a getter on extraTerms that throws', throwingGetter('extraTerms'), /context\.extraTerms/],
    ['a Proxy whose get trap throws', new Proxy({}, { get: () => { throw new Error(SECRET); } }) as PasswordContext, /context\.firstName/],
    ['a revoked Proxy', (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy as PasswordContext; })(), /context\.firstName/],
    ['an extraTerms Proxy whose element trap throws', { extraTerms: new Proxy(['a'], { get: (t, k) => { if (k === '0') throw new Error(SECRET); return Reflect.get(t, k); } }) }, /context\.extraTerms\[0\]/],
    ['a field that is not a string', { username: 42 } as unknown as PasswordContext, /context\.username/],
    ['extraTerms that is not an array', { extraTerms: 'anna' } as unknown as PasswordContext, /context\.extraTerms/],
    ['an extra term that is not a string', { extraTerms: ['ok', {}] } as unknown as PasswordContext, /context\.extraTerms\[1\]/],
    ['a context that is not an object', 'anna' as unknown as PasswordContext, /`context`/],
  ])('%s', (_, context, field) => {
    for (const call of [() => checker.evaluate(SECRET, context), () => checker.evaluateMany([SECRET], context)]) {
      const e = thrown(call);
      expect(e).toBeInstanceOf(TypeError);
      expect((e as Error).message).toMatch(field);
      expect(String((e as Error).message)).not.toContain(SECRET);
      expect((e as Error).cause).toBeUndefined();
    }
  });
  it('evaluateAsync rejects the same way', async () => {
    await expect(checker.evaluateAsync(SECRET, throwingGetter('email'))).rejects.toThrow(TypeError);
  });
});

describe('each context field is read exactly once', () => {
  it('a Proxy sees one read per field, and the value it gave is the one checked', () => {
    const reads = new Map<string | symbol, number>();
    let calls = 0;
    const ctx = new Proxy({ firstName: 'Margaret', extraTerms: ['tenantx'] } as Record<string, unknown>, {
      get(target, key) {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        // A value that changes between reads would let a second read disagree with the first.
        if (key === 'username') return ++calls === 1 ? 'zebulon' : 'someoneelse';
        return Reflect.get(target, key);
      },
    }) as PasswordContext;
    const r = checker.evaluate('zebulon-1988-Margaret', ctx);
    for (const field of ['firstName', 'lastName', 'username', 'email', 'tenantName', 'displayName', 'extraTerms']) expect(reads.get(field)).toBe(1);
    const fields = r.findings.filter((f) => f.code === 'CONTEXT_TERM').map((f) => f.params?.field);
    expect(fields).toEqual(expect.arrayContaining(['firstName', 'username']));
  });
  it('null and undefined fields and contexts are fine', () => {
    expect(() => checker.evaluate(SECRET, { firstName: undefined, extraTerms: undefined })).not.toThrow();
    expect(() => checker.evaluate(SECRET, undefined)).not.toThrow();
    expect(() => checker.evaluate(SECRET, null as unknown as PasswordContext)).not.toThrow();
  });
});
