import { beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Checker } from '../../src/index.js';
import { createZitadelHandler, verifyZitadelSignature } from '../../src/adapters/zitadel.js';
import { expectNoPassword, makeChecker, NAME, NAMED, STRONG, WEAK } from './helpers.js';

// passgate/zitadel: a ZITADEL Actions v2 target, fed the body ZITADEL sends for a request
// execution and signed the way ZITADEL signs it (pkg/actions: HMAC-SHA256 over "<t>.<body>",
// header `ZITADEL-Signature: t=<unix>,v1=<hex>`), computed here with node:crypto as the oracle.
const KEY = 'zitadel-target-signing-key-0123456789';
const NOW = 1_765_000_000_000;
let checker: Checker;
let handler: (request: Request) => Promise<Response>;
beforeAll(async () => {
  checker = await makeChecker();
  handler = createZitadelHandler(checker, { signingKey: KEY, now: () => NOW });
});

const sign = (body: string, t = Math.floor(NOW / 1000), key = KEY) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
const call = (payload: unknown, signature?: string) => {
  const body = JSON.stringify(payload);
  return handler(new Request('http://target.test/passgate', { method: 'POST', body, headers: { 'content-type': 'application/json', 'zitadel-signature': signature ?? sign(body) } }));
};
const envelope = (fullMethod: string, request: unknown) => ({ fullMethod, instanceID: '280000000000000001', orgID: '280000000000000002', projectID: '', userID: '280000000000000003', request });
const setPassword = (password: string) =>
  envelope('/zitadel.user.v2.UserService/SetPassword', { userId: '280000000000000004', newPassword: { password, changeRequired: false }, currentPassword: 'old-one-Zz9' });
const addHuman = (password: string, givenName = 'Ann') =>
  envelope('/zitadel.user.v2.UserService/AddHumanUser', {
    username: 'ann.example',
    profile: { givenName, familyName: 'Example', displayName: `${givenName} Example` },
    email: { email: 'ann@example.com', sendCode: {} },
    password: { password, changeRequired: false },
  });

describe('passgate/zitadel createZitadelHandler', () => {
  it.each([
    ['SetPassword, strong', 200, setPassword(STRONG)],
    ['SetPassword, weak', 400, setPassword(WEAK)],
    ['AddHumanUser, strong', 200, addHuman(STRONG)],
    ['AddHumanUser, weak', 400, addHuman(WEAK)],
    ['AddHumanUser, the given name in it', 400, addHuman(NAMED, NAME)],
    ['AddHumanUser, another name', 200, addHuman(NAMED)],
    ['CreateUser, weak', 400, envelope('/zitadel.user.v2.UserService/CreateUser', { organizationId: '1', human: { profile: { givenName: 'A', familyName: 'B' }, email: { email: 'a@b.c' }, password: { password: WEAK } } })],
    ['a hashed password (nothing to judge)', 200, envelope('/zitadel.user.v2.UserService/SetPassword', { userId: '4', newPassword: undefined, hashedPassword: { hash: '$2a$12$abc' } })],
    ['another method', 200, envelope('/zitadel.user.v2.UserService/GetUserByID', { userId: '4' })],
  ] as const)('%s → %i', async (_name, status, payload) => {
    const res = await call(payload);
    expect(res.status).toBe(status);
    const text = await res.text();
    for (const p of [STRONG, WEAK, NAMED]) if (status !== 200) expectNoPassword(text, p);
    if (status === 200) expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(payload.request)));
    else expect(JSON.parse(text)).toMatchObject({ error: { code: 'PASSWORD_REJECTED' }, reasons: expect.any(Array) });
  });

  it('refuses what is not signed with the key, too old, or malformed — before judging anything', async () => {
    const payload = setPassword(STRONG);
    const body = JSON.stringify(payload);
    const t = Math.floor(NOW / 1000);
    const table: [string | undefined, number][] = [
      ['', 401],
      [sign(body, t, 'another-key'), 401],
      [sign(body, t - 301), 401],
      [sign(body, t + 301), 401],
      [sign(body, t - 299), 200],
      [`t=${t},v1=${'0'.repeat(64)},v1=${sign(body).split('v1=')[1]}`, 200],
      [sign(body + ' '), 401],
      [`v1=${sign(body).split('v1=')[1]}`, 401],
    ];
    for (const [signature, status] of table) {
      const res = await handler(new Request('http://t/', { method: 'POST', body, headers: signature === undefined ? {} : { 'zitadel-signature': signature } }));
      expect(res.status, String(signature)).toBe(status);
    }
    expect((await handler(new Request('http://t/', { method: 'GET' }))).status).toBe(405);
    const big = 'x'.repeat(70_000);
    expect((await handler(new Request('http://t/', { method: 'POST', body: big, headers: { 'zitadel-signature': sign(big) } }))).status).toBe(413);
    expect((await handler(new Request('http://t/', { method: 'POST', body: '{', headers: { 'zitadel-signature': sign('{') } }))).status).toBe(400);
    expect(() => createZitadelHandler(checker, { signingKey: '' })).toThrow(/signingKey/);
  });

  it('verifies exactly the signatures node:crypto computes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ minLength: 1, maxLength: 40 }), fc.boolean(), async (body, key, tamper) => {
        const header = sign(body, Math.floor(NOW / 1000), key);
        const sent = tamper ? body + 'x' : body;
        expect(await verifyZitadelSignature(new TextEncoder().encode(sent), header, key, 300, NOW)).toBe(!tamper);
      }),
      { numRuns: 200 },
    );
  });
});
