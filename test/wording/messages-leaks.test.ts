import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker, type Checker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';
import { BUILT_IN_CODES } from '../../src/codes.js';
import { MESSAGE_PARAMS } from '../../src/wording/params.js';
import { resolveMessages } from '../../src/wording/overrides.js';
import type { Messages } from '../../src/wording/messages.js';
import { expectNoPassword, fixedText, meaningful, passwordArb } from '../core/no-password-helpers.js';

// Options `messages` never opens a way for the password into a result, and never makes evaluate
// throw: a template holds parameters only (term withheld as always), a function's text passes
// the redaction custom checks' texts pass (engine/redact.ts), else passgate's own message shows.

/** What the application holds while it judges a password: a message function could read it. */
let current = '';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const reversed = (s: string) => [...s].reverse().join('');

const LEAKS: Record<string, (pw: string) => string> = {
  typed: (pw) => `Your password ${pw} is weak.`,
  'upper-cased': (pw) => `Your password ${pw.toUpperCase()} is weak.`,
  reversed: (pw) => `Backwards: ${reversed(pw)}.`,
  base64: (pw) => `token=${b64(pw)}`,
  'percent-encoded': (pw) => `https://example.com/?p=${encodeURIComponent(pw)}`,
};

describe('a message function that reads the password from application state', () => {
  let checkers: Record<string, Checker>;
  beforeAll(async () => {
    checkers = {};
    for (const [name, leak] of Object.entries(LEAKS)) {
      const every = Object.fromEntries(BUILT_IN_CODES.map((code) => [code, { warning: () => leak(current), suggestion: () => leak(current) }]));
      checkers[name] = await createChecker({ messages: { en: every } as Messages });
    }
  });

  it.each(Object.keys(LEAKS))('%s: is withheld, and passgate’s own message shows', (name) => {
    for (const password of ['Kowalski-Riverbend-42', 'sunshine2024', 'abc', 'correct horse battery staple']) {
      current = password;
      const r = checkers[name]!.evaluate(password, { lastName: 'Kowalski' });
      const json = JSON.stringify(r).toLowerCase();
      for (const form of [password, reversed(password), b64(password), encodeURIComponent(password)]) expect(json).not.toContain(form.toLowerCase());
      expect(r.feedback.warning).not.toBeNull();
    }
  });

  it('property: for any password, no leaking function shows it in any form', async () => {
    // The text any result holds whatever the password (as test/core/no-password-in-result.test.ts).
    const plain = await createChecker();
    const fixed = fixedText(['x', 'qwertyuiop', 'aaaa1990', 'abcd1234', '12/12/2012', 'Password1!', 'Xq9#vLm2!pTz8kW'].map((p) => plain.evaluate(p)));
    await fc.assert(
      fc.property(passwordArb, fc.constantFrom(...Object.keys(LEAKS)), (password, name) => {
        fc.pre(meaningful(password, fixed, 'recommended'));
        current = password;
        expectNoPassword(JSON.stringify(checkers[name]!.evaluate(password)), password, 'recommended');
      }),
      { numRuns: 300 },
    );
  });

  it('a password refused as too long is not shown either (no normalised form exists)', async () => {
    current = 'y'.repeat(300);
    const r = checkers.typed!.evaluate(current);
    expect(r.findings.map((f) => f.code)).toEqual(['TOO_LONG']);
    expect(JSON.stringify(r)).not.toContain(current);
    expect(r.feedback.warning).toBe('It is too long: use at most 256 characters.');
  });

  it('a template cannot name the password: {term} is withheld when it would give it away', async () => {
    const checker = await createChecker({
      profile: 'entra',
      customBannedTerms: ['sunshine'],
      messages: { en: { BANNED_TERM: 'Banned: “{term}” (distance {distance}).' } },
    });
    expect(checker.evaluate('Sunsh1ne').findings.find((f) => f.code === 'BANNED_TERM')!.message).toMatch(/^Banned: “” \(distance \d\)\.$/);
    // A term that is only part of the password still names what to change.
    expect(checker.evaluate('sunshine-Meadow').findings.find((f) => f.code === 'BANNED_TERM')!.message).toBe('Banned: “sunshine” (distance 0).');
  });

  it('a function that throws, or returns no usable text, gives way to passgate’s message', async () => {
    const outs: unknown[] = [() => { throw new Error(`leaked ${current}`); }, () => 42, () => '', () => 'x'.repeat(501), () => undefined];
    for (const out of outs) {
      const checker = await createChecker({ messages: { en: { TOO_SHORT: out as () => string } } });
      current = 'abc';
      expect(checker.evaluate('abc').feedback.warning).toBe('It is too short: use at least 8 characters.');
    }
  });
});

describe('evaluate never throws with any override that passed validation (property)', () => {
  // Templates: random text with braces removed and random placeholders of the code's parameters;
  // functions: any return value, or a throw.
  const literal = fc.string({ maxLength: 30 }).map((s) => s.replace(/[{}]/g, ''));
  const template = (code: (typeof BUILT_IN_CODES)[number]) => {
    const names = Object.keys(MESSAGE_PARAMS[code]);
    const piece = names.length === 0 ? literal : fc.oneof(literal, fc.constantFrom(...names.map((n) => `{${n}}`)));
    return fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => `x${parts.join('')}`);
  };
  const fn = fc.oneof(
    fc.string({ maxLength: 600 }).map((s) => () => s),
    fc.constant(() => {
      throw new Error('no');
    }),
    fc.anything().map((v) => () => v as string),
    fc.constant((p: Record<string, unknown>) => JSON.stringify(p)),
  );
  const entry = (code: (typeof BUILT_IN_CODES)[number]) =>
    fc.oneof(template(code), fn, fc.record({ warning: fc.oneof(template(code), fn), suggestion: fc.oneof(template(code), fn, fc.constant(null)) }, { requiredKeys: [] }));
  const overrides = fc.record(Object.fromEntries(BUILT_IN_CODES.map((c) => [c, entry(c)])), { requiredKeys: [] });

  let base: Checker;
  beforeAll(async () => {
    base = await createChecker();
  });

  it('for any password and context: the same verdict, and every rejecting finding has words', async () => {
    const passwords = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('password1', 'abc', 'Kowalski-Riverbend-42', 'x'.repeat(300), 'Tr0ub4dor&3'));
    await fc.assert(
      fc.asyncProperty(overrides, passwords, async (en, password) => {
        expect(() => resolveMessages({ en })).not.toThrow();
        const checker = await createChecker({ messages: { en } as Messages });
        current = password;
        const r = checker.evaluate(password, { lastName: 'Kowalski' });
        expect(r.accepted).toBe(base.evaluate(password, { lastName: 'Kowalski' }).accepted);
        for (const f of r.findings) if (f.severity !== 'info') expect(typeof f.message === 'string' && f.message.length > 0).toBe(true);
        if (!r.accepted) expect(typeof r.feedback.warning).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});

describe('Accept-Language sees a language the checker added', () => {
  it('the fetch handler answers in it, and still in a built-in one', async () => {
    const sv: Record<string, unknown> = Object.fromEntries(BUILT_IN_CODES.map((c) => [c, `SV ${c}`]));
    sv.fields = { firstName: 'förnamn', lastName: 'efternamn', username: 'användarnamn', email: 'e-postadress', tenantName: 'organisationens namn', displayName: 'namn', extraTerms: 'uppgifter' };
    const checker = await createChecker({ messages: { sv } as Messages });
    const handler = createHandler(checker);
    const ask = async (language: string) => {
      const res = await handler(new Request('http://x/v1/evaluate', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify({ password: 'abc' }),
      }));
      return ((await res.json()) as { feedback: { warning: string } }).feedback.warning;
    };
    expect(await ask('sv-SE,sv;q=0.9,en;q=0.5')).toBe('SV TOO_SHORT');
    expect(await ask('da, sv;q=0.8')).toBe('SV TOO_SHORT');
    expect(await ask('de')).toBe(checker.evaluate('abc', undefined, { locale: 'de' }).feedback.warning);
    expect(await ask('da')).toBe(checker.evaluate('abc').feedback.warning);
  });
});
