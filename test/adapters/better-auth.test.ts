import { beforeAll, describe, expect, it } from 'vitest';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { APIError } from 'better-auth/api';
import type { Checker } from '../../src/index.js';
import { passgate, PASSWORD_ENDPOINTS, PASSWORD_REJECTED } from '../../src/adapters/better-auth.js';
import { expectNoPassword, makeChecker, NAME, NAMED, STRONG, WEAK } from './helpers.js';

// passgate/better-auth in a real better-auth instance (in-memory database, offline), through its
// HTTP handler and its server API, as an app calls them.
let checker: Checker;
let auth: ReturnType<typeof makeAuth>;
const makeAuth = (c: Checker) =>
  betterAuth({
    baseURL: 'http://localhost:3000',
    secret: 'test-secret-test-secret-test-secret-0123',
    database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
    emailAndPassword: { enabled: true, maxPasswordLength: 256 },
    plugins: [passgate(c)],
    logger: { disabled: true },
  });
beforeAll(async () => {
  checker = await makeChecker();
  auth = makeAuth(checker);
});

let n = 0;
const signUp = (password: string, name = 'Ann Example') =>
  auth.handler(
    new Request('http://localhost:3000/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: `user${++n}@example.com`, password, name }),
    }),
  );

describe('passgate/better-auth plugin', () => {
  it.each([
    [STRONG, 'Ann Example', 200],
    [WEAK, 'Ann Example', 400],
    [NAMED, 'Ann Example', 200],
    [NAMED, NAME, 400],
  ])('sign-up with %j (name %j) → %i', async (password, name, status) => {
    const res = await signUp(password, name);
    expect(res.status).toBe(status);
    const text = await res.text();
    expectNoPassword(text, password);
    if (status === 400) {
      const body = JSON.parse(text);
      expect(body.code).toBe(PASSWORD_REJECTED);
      const verdict = await checker.evaluateAsync(password, { displayName: name, email: `user${n}@example.com` });
      expect(body.message).toBe(verdict.feedback.warning);
    }
  });

  it("refuses through the server API with better-auth's own APIError", async () => {
    const err = await auth.api.signUpEmail({ body: { email: 'api@example.com', password: WEAK, name: 'Api User' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe('BAD_REQUEST');
    expect((err as APIError).body).toMatchObject({ code: PASSWORD_REJECTED, reasons: [{ code: 'LOW_SCORE' }] });
    const ok = await auth.api.signUpEmail({ body: { email: 'api2@example.com', password: STRONG, name: 'Api User' } });
    expect(ok.user.email).toBe('api2@example.com');
  });

  it('judges the change-password body (newPassword) of a signed-in user', async () => {
    const email = 'changer@example.com';
    const { headers } = await auth.api.signUpEmail({ body: { email, password: STRONG, name: 'Changer' }, returnHeaders: true });
    const cookie = headers.get('set-cookie')!.split(';')[0]!;
    const change = (newPassword: string) =>
      auth.handler(
        new Request('http://localhost:3000/api/auth/change-password', {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost:3000' },
          body: JSON.stringify({ currentPassword: STRONG, newPassword }),
        }),
      );
    const refused = await change(WEAK);
    expect(refused.status).toBe(400);
    expect((await refused.json()).code).toBe(PASSWORD_REJECTED);
    expect((await change('another-Quilting-vortex-43-marmalade')).status).toBe(200);
  });

  it('covers the endpoints that set a password, each with its body field', () => {
    expect(PASSWORD_ENDPOINTS).toEqual({
      '/sign-up/email': 'password',
      '/change-password': 'newPassword',
      '/reset-password': 'newPassword',
      '/set-password': 'newPassword',
      '/email-otp/reset-password': 'password',
      '/phone-number/reset-password': 'newPassword',
      '/admin/create-user': 'password',
      '/admin/set-user-password': 'newPassword',
    });
    const plugin = passgate(checker);
    const matcher = plugin.hooks!.before![0]!.matcher as (ctx: { path?: string }) => boolean;
    expect(matcher({ path: '/sign-in/email' })).toBe(false);
    expect(matcher({ path: '/reset-password' })).toBe(true);
    expect(matcher({})).toBe(false);
  });
});
