import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Checker, EvaluationResult } from '../../src/index.js';
import { passgateDecorator, passwordPolicy } from '../../src/adapters/fastify.js';
import { expectNoPassword, makeChecker, NAME, NAMED, STRONG, WEAK } from './helpers.js';

// passgate/fastify in a real Fastify instance, driven by its inject().
let checker: Checker;
let app: FastifyInstance;
beforeAll(async () => {
  checker = await makeChecker();
  app = Fastify();
  await app.register(passgateDecorator);
  type Route = { Body: { password?: unknown; name?: string } };
  app.post<Route>('/signup', { preHandler: passwordPolicy<FastifyRequest<Route>>(checker, { context: (req) => ({ displayName: req.body?.name }) }) }, async (req) => ({
    created: true,
    accepted: (req as { passgate?: EvaluationResult | null }).passgate?.accepted,
  }));
  const failing = { evaluateAsync: () => Promise.reject(new RangeError('boom')) } as unknown as Checker;
  app.post('/broken', { preHandler: passwordPolicy(failing) }, async () => ({ reached: true }));
  await app.ready();
});
afterAll(() => app.close());

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

describe('passgate/fastify passwordPolicy', () => {
  it.each([
    [{ password: STRONG, name: 'Ann' }, 200],
    [{ password: WEAK }, 422],
    [{ password: NAMED }, 200],
    [{ password: NAMED, name: NAME }, 422],
    [{ name: 'x' }, 400],
    [{ password: ['x'] }, 400],
  ])('%j → %i', async (body, status) => {
    const res = await post('/signup', body);
    expect(res.statusCode).toBe(status);
    const { password } = body as { password?: unknown };
    if (typeof password === 'string') expectNoPassword(res.body, password);
    if (status === 200) expect(res.json()).toEqual({ created: true, accepted: true });
  });

  it('answers a rejection with the codes and messages of its reasons', async () => {
    const body = (await post('/signup', { password: WEAK })).json();
    expect(body.error.code).toBe('PASSWORD_REJECTED');
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(checker.evaluate(WEAK).policy.rejectedBy);
    expect(body.reasons.every((r: { message: string }) => r.message.length > 0)).toBe(true);
  });

  it('fails closed when the checker fails: a 500, the route never runs', async () => {
    const res = await post('/broken', { password: STRONG });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('reached');
  });
});
