import { describe, expect, it } from 'vitest';
import { serve, serveTo, type CoreRequest, type CoreState, type Route, type Served } from '../../src/server/core.js';
import type { Reply } from '../../src/server/reply.js';

/**
 * The node server takes its answer through serveTo (a callback: one promise and one microtask
 * fewer a request than `.then` on serve's promise). Whatever the handler does, serveTo must hand
 * over exactly the answer serve gives, exactly once — synchronously when serve's is synchronous.
 */
const OK: Reply = { status: 200, body: 'ok' };
const handlers: Record<string, Route<CoreState>['methods']['GET']> = {
  'answers at once': () => OK,
  'answers later': () => Promise.resolve(OK),
  'answers after a macrotask': () => new Promise<Reply>((r) => setTimeout(() => r(OK), 5)),
  'throws': () => {
    throw new TypeError('boom');
  },
  'rejects': () => Promise.reject(new RangeError('boom')),
  'returns a foreign thenable': () => ({ then: (ok: (r: Reply) => void) => ok(OK) }) as unknown as Promise<Reply>,
};
const routes: Route<CoreState>[] = Object.keys(handlers).map((name, i) => ({ template: `/r${i}`, methods: { GET: handlers[name]! } }));
const state = { checker: {} } as unknown as CoreState;
const request = (target: string, method = 'GET'): CoreRequest => ({ method, target, header: () => undefined, body: async () => ({ ok: true, bytes: new Uint8Array() }) });

describe('serveTo hands over what serve answers, exactly once', () => {
  const cases: [string, string, string][] = [
    ...Object.keys(handlers).map((name, i): [string, string, string] => [name, `/r${i}`, 'GET']),
    ['an unknown path', '/nowhere', 'GET'],
    ['a bad target', '//x', 'GET'],
    ['a method the route lacks', '/r0', 'POST'],
  ];
  it.each(cases)('%s', async (_name, target, method) => {
    const expected = await serve(request(target, method), state, routes);
    const got: Served[] = [];
    serveTo(request(target, method), state, routes, { answer: (s) => got.push(s) });
    const synchronous = !(serve(request(target, method), state, routes) instanceof Promise);
    if (synchronous) expect(got).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([expected]);
  });

  it('names a failing handler by its error type only, as serve does', async () => {
    const got: Served[] = [];
    serveTo(request('/r4'), state, routes, { answer: (s) => got.push(s) });
    await new Promise((r) => setTimeout(r, 0));
    expect(got[0]).toMatchObject({ route: '/r4', internalError: 'RangeError', reply: { status: 500 } });
  });
});
