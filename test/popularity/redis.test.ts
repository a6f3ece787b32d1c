import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, PopularityStoreError, type Checker, type CheckerOptions } from '../../src/index.js';
import { SketchKey } from '../../src/popularity/sketch.js';
import { createRedisStore } from '../../src/popularity/store-redis.js';
import { createMemoryStore } from '../../src/popularity/store-memory.js';
import fc from 'fast-check';
import { freePort, startRedis, type TestRedis } from './redis-server.js';

// A real redis-server (Debian's; .ci/run installs it), started here on a free loopback port.
const SECRET = 'test-secret-0123456789';
let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
const open: Checker[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});
async function checker(popularity: Record<string, unknown> = {}): Promise<Checker> {
  const c = await createChecker({ popularity: { limit: 3, secret: SECRET, redisUrl: redis.url, ...popularity } as CheckerOptions['popularity'] });
  open.push(c);
  return c;
}

describe('popularity through Redis', () => {
  it('shares the counts between two checkers (replicas): the fourth variant is refused on the other one', async () => {
    const secret = 'shared-secret-for-replicas-1';
    const [a, b] = [await checker({ secret }), await checker({ secret })];
    for (const p of ['Zephyr#Lantern2024', 'zephyr#lantern2023!', 'Zephyr#Lantern2022']) {
      expect((await b.evaluateAsync(p)).policy.rejectedBy).not.toContain('POPULAR_PASSWORD');
      await a.recordChosen(p);
    }
    const r = await b.evaluateAsync('Zephyr#Lantern2025');
    expect(r.accepted).toBe(false);
    expect(r.policy.rejectedBy).toEqual(['POPULAR_PASSWORD']);
    const stats = await b.popularityStats();
    expect(stats).toMatchObject({ store: 'redis', errors: 0 });
    expect(stats!.fill).toBeGreaterThan(0);
  });

  it('fails closed in plain evaluate, which cannot wait for Redis, saying to use evaluateAsync', async () => {
    const c = await checker();
    const r = c.evaluate('Quillon#Marsh2025');
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'CHECK_ERROR')).toMatchObject({ severity: 'reject', params: { source: 'popularity', reason: 'asynchronous check: use evaluateAsync()' } });
  });

  it('increments atomically: concurrent records from two clients all count', async () => {
    const key = new SketchKey(new TextEncoder().encode('atomic-secret-0123456789'), { width: 1024, depth: 4 });
    const [s1, s2] = [await createRedisStore(key, { url: redis.url, timeoutMs: 2000 }), await createRedisStore(key, { url: redis.url, timeoutMs: 2000 })];
    try {
      const cells = key.locate('concurrent').cells;
      await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? s1 : s2).add(cells)));
      expect(await s1.count(cells)).toBe(200);
      expect(await s2.fill()).toBeCloseTo(4 / 4096, 10);
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it('counts exactly as the in-process store does, for any sequence of records (property; memory store as oracle)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'fox'), { maxLength: 40 }), async (roots) => {
        // A fresh secret per run: a fresh Redis key, so runs do not add up.
        const key = new SketchKey(new TextEncoder().encode(`oracle-secret-0123456789-${run++}`), { width: 1024, depth: 4 });
        const [memory, remote] = [await createMemoryStore(key), await createRedisStore(key, { url: redis.url, timeoutMs: 2000 })];
        try {
          for (const r of roots) {
            memory.add(key.locate(r).cells);
            await remote.add(key.locate(r).cells);
          }
          for (const r of ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'fox']) expect(await remote.count(key.locate(r).cells)).toBe(memory.count(key.locate(r).cells));
          expect(await remote.fill()).toBeCloseTo(memory.fill() as number, 12);
        } finally {
          await remote.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keeps another secret\'s counts apart (rotating the secret starts a new sketch)', async () => {
    const a = await checker({ secret: 'rotation-secret-old-000', limit: 2 });
    await a.recordChosen('Marbleton!2024');
    await a.recordChosen('Marbleton!2023');
    const b = await checker({ secret: 'rotation-secret-new-000', limit: 2 });
    expect((await b.evaluateAsync('Marbleton!2025')).policy.rejectedBy).not.toContain('POPULAR_PASSWORD');
    expect((await a.evaluateAsync('Marbleton!2025')).policy.rejectedBy).toContain('POPULAR_PASSWORD');
  });
});

describe('when the store is unreachable', () => {
  it.each<['reject' | 'accept', boolean, string]>([
    ['reject', false, 'reject'],
    ['accept', true, 'warn'],
  ])('onError %s: accepted %s, with a POPULARITY_UNCHECKED finding (%s) that says so', async (onError, accepted, severity) => {
    const down = `redis://127.0.0.1:${await freePort()}`; // nothing listens there
    const c = await checker({ redisUrl: down, onError, timeoutMs: 200 });
    const r = await c.evaluateAsync('Quillon#Marsh2025');
    expect(r.accepted).toBe(accepted);
    const f = r.findings.find((x) => x.code === 'POPULARITY_UNCHECKED')!;
    expect(f).toMatchObject({ source: 'popularity', severity, params: { reason: 'the popularity store is unreachable' } });
    expect(f.message).toMatch(/could not be reached/);
    if (!accepted) expect(r.policy.rejectedBy).toEqual(['POPULARITY_UNCHECKED']);
    const err = await c.recordChosen('Quillon#Marsh2025').catch((e: Error) => e);
    expect(err).toBeInstanceOf(PopularityStoreError);
    expect((err as Error).message).not.toContain('127.0.0.1');
    expect((await c.popularityStats())!.errors).toBeGreaterThan(0);
  });

  it('notices a Redis that stops, and recovers when it is back', async () => {
    const port = await freePort();
    let own = await startRedis(port);
    try {
      const c = await checker({ redisUrl: own.url, limit: 2, timeoutMs: 300 });
      await c.recordChosen('Harrowgate$Pine7');
      await c.recordChosen('Harrowgate$Pine6');
      expect((await c.evaluateAsync('Harrowgate$Pine8')).policy.rejectedBy).toContain('POPULAR_PASSWORD');
      await own.stop();
      expect((await c.evaluateAsync('Harrowgate$Pine8')).policy.rejectedBy).toEqual(['POPULARITY_UNCHECKED']);
      own = await startRedis(port); // empty: no persistence
      const deadline = Date.now() + 10_000;
      let codes: readonly string[] = ['POPULARITY_UNCHECKED'];
      while (codes.includes('POPULARITY_UNCHECKED') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        codes = (await c.evaluateAsync('Harrowgate$Pine8')).policy.rejectedBy;
      }
      expect(codes).toEqual([]);
    } finally {
      await own.stop();
    }
  });

  it('starts even when Redis is down, and close() releases the connection attempt', async () => {
    const c = await createChecker({ popularity: { limit: 3, secret: SECRET, redisUrl: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 100 } });
    await c.close();
    await c.close(); // idempotent
  });
});

describe('a Redis URL is never shown', () => {
  it('refuses a URL the client cannot use without quoting it (it may hold a password)', async () => {
    const url = 'redis://user:hunter2-secret@127.0.0.1:notaport';
    const err = await createChecker({ popularity: { limit: 3, secret: SECRET, redisUrl: url } }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toContain('hunter2');
  });
});
