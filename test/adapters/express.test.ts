import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Checker } from '../../src/index.js';
import { passwordPolicy } from '../../src/adapters/express.js';
import { expectNoPassword, makeChecker, NAME, NAMED, STRONG, WEAK } from './helpers.js';

// passgate/express in a real Express app, over real HTTP on 127.0.0.1.
let checker: Checker;
let server: Server;
let base: string;
beforeAll(async () => {
  checker = await makeChecker();
  const app = express();
  app.post(
    '/signup',
    express.json({ limit: '16kb' }),
    passwordPolicy<express.Request>(checker, { context: (req) => ({ displayName: req.body?.name }), locale: (req) => req.get('x-locale') }),
    (req, res) => {
      res.status(201).json({ created: true, accepted: (req as { passgate?: { accepted: boolean } }).passgate?.accepted });
    },
  );
  app.post('/reset', express.urlencoded({ extended: false }), passwordPolicy(checker, { field: 'newPassword', status: 400 }), (_req, res) => {
    res.json({ reset: true });
  });
  // Express 5 sends a rejected promise to the error handler; this one names only the error's type.
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ failed: err.name });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const post = (path: string, body: string, type = 'application/json', headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', body, headers: { 'content-type': type, ...headers } });

describe('passgate/express passwordPolicy', () => {
  it.each([
    [{ password: STRONG, name: 'Ann' }, 201],
    [{ password: WEAK, name: 'Ann' }, 422],
    [{ password: NAMED }, 201],
    [{ password: NAMED, name: NAME }, 422],
    [{ name: 'no password' }, 400],
    [{ password: 12345678 }, 400],
  ])('%j → %i', async (body, status) => {
    const res = await post('/signup', JSON.stringify(body));
    expect(res.status).toBe(status);
    const text = await res.text();
    const { password } = body as { password?: unknown };
    if (typeof password === 'string') expectNoPassword(text, password);
    if (status === 201) expect(JSON.parse(text)).toEqual({ created: true, accepted: true });
  });

  it('answers a rejection with the codes and messages of its reasons, in the asked locale', async () => {
    const res = await post('/signup', JSON.stringify({ password: WEAK }));
    const body = await res.json();
    const verdict = checker.evaluate(WEAK);
    expect(body).toEqual({
      error: { code: 'PASSWORD_REJECTED', message: verdict.feedback.warning },
      reasons: verdict.findings.filter((f) => f.severity === 'reject').map((f) => ({ code: f.code, message: f.message })),
      suggestions: verdict.feedback.suggestions,
    });
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(verdict.policy.rejectedBy);
    const fr = await (await post('/signup', JSON.stringify({ password: WEAK }), 'application/json', { 'x-locale': 'fr' })).json();
    expect(fr.error.message).toBe(checker.evaluate(WEAK, undefined, { locale: 'fr' }).feedback.warning);
  });

  it('reads another field from a form body, with another status', async () => {
    expect((await post('/reset', new URLSearchParams({ newPassword: STRONG }).toString(), 'application/x-www-form-urlencoded')).status).toBe(200);
    const res = await post('/reset', new URLSearchParams({ newPassword: WEAK }).toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('PASSWORD_REJECTED');
    const missing = await post('/reset', 'password=x', 'application/x-www-form-urlencoded');
    expect(await missing.json()).toEqual({ error: { code: 'INVALID_REQUEST', message: "'newPassword' is required and must be a string" } });
  });

  it('hands a checker failure to the error handler, never to the route', async () => {
    const failing = { evaluateAsync: () => Promise.reject(new RangeError('boom')) } as unknown as Checker;
    const errors: unknown[] = [];
    const mw = passwordPolicy(failing);
    let status = 0;
    await mw({ body: { password: STRONG } }, { status: (s) => ((status = s), { json: () => undefined }) }, (err) => errors.push(err));
    expect(status).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(RangeError);
  });
});
