import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Checker } from '../../src/checker.js';
import { rawExchange, rawStatus, startTestServer, type TestServer } from './helpers.js';

// Request targets that node:http's parser lets through but that are no URL (issue 10, item 1):
// each one used to end the process with an unhandled `TypeError: Invalid URL`.
const BAD_TARGETS = ['http://[x', '//[', 'http://', 'http://x:99999/', 'http://[::1', '//', '///v1/policy', 'https://a b/', '*'];

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const line = (method: string, target: string) => `${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;

describe('no request can end the service', () => {
  it.each(BAD_TARGETS)('answers 400 to the target %j and keeps serving', async (target) => {
    const before = s.lines.length;
    const answer = await rawExchange(s.url, line('GET', target));
    expect(rawStatus(answer)).toBe(400);
    expect((await s.get('/healthz')).status).toBe(200);
    // Nothing of the target reaches a log line (the one written for the 400 names no path).
    for (const l of s.lines.slice(before)) expect(l).not.toContain(target.length > 1 ? target : '\u0000');
  });

  it('answers 500 with a generic body when a handler throws, logs only the error type, and keeps serving', async () => {
    // The route calls evaluate, or evaluateAsync when the checker needs it: either one throws.
    const spy = vi.spyOn(Checker.prototype, 'evaluateAsync').mockImplementationOnce(async () => {
      throw new Error('exploded while judging Zq9-Leak-Canary');
    });
    const spySync = vi.spyOn(Checker.prototype, 'evaluate').mockImplementationOnce(() => {
      throw new Error('exploded while judging Zq9-Leak-Canary');
    });
    try {
      const before = s.lines.length;
      const a = await s.post('/v1/evaluate', JSON.stringify({ password: 'Zq9-Leak-Canary' }));
      expect(a.status).toBe(500);
      expect(a.json).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
      const logged = s.lines.slice(before).join('\n');
      expect(logged).toContain('internal error');
      expect(logged).not.toContain('Leak-Canary');
      expect(logged).not.toContain('exploded');
    } finally {
      spy.mockRestore();
      spySync.mockRestore();
    }
    expect((await s.post('/v1/evaluate', JSON.stringify({ password: 'Winter2020!' }))).status).toBe(200);
  });

  it('answers 500 when a handler throws something that is not an Error', async () => {
    // The route calls evaluate, or evaluateAsync when the checker needs it: either one throws.
    const spy = vi.spyOn(Checker.prototype, 'evaluateAsync').mockImplementationOnce(async () => {
      throw 'a bare string with Zq9-Leak-Canary';
    });
    const spySync = vi.spyOn(Checker.prototype, 'evaluate').mockImplementationOnce(() => {
      throw 'a bare string with Zq9-Leak-Canary';
    });
    try {
      const a = await s.post('/v1/evaluate', JSON.stringify({ password: 'x' }));
      expect(a.status).toBe(500);
      expect(s.lines.join('\n')).not.toContain('Leak-Canary');
    } finally {
      spy.mockRestore();
      spySync.mockRestore();
    }
  });
});
