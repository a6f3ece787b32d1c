import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from './helpers.js';
import { startRedis, type TestRedis } from '../popularity/redis-server.js';

const TOKEN = 'record-token-0123456789abc';
const SECRET = 'service-secret-0123456789';
const json = { 'content-type': 'application/json' };
const bearer = (token = TOKEN) => ({ ...json, authorization: `Bearer ${token}` });
const body = (password: string) => JSON.stringify({ password });

describe('POST /v1/chosen and the popularity check in the service (in process)', () => {
  let s: TestServer;
  let noToken: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ popularity: { limit: 3, secret: SECRET, recordToken: TOKEN } });
    noToken = await startTestServer({ popularity: { limit: 3, secret: 'another-secret-0123456789' } });
  });
  afterAll(async () => {
    await s.close();
    await noToken.close();
  });

  it.each<[string, Record<string, string>, number]>([
    ['no Authorization header', json, 401],
    ['another token', bearer('record-token-0123456789abd'), 401],
    ['a prefix of the token', bearer(TOKEN.slice(0, -1)), 401],
    ['Basic instead of Bearer', { ...json, authorization: `Basic ${TOKEN}` }, 401],
    ['the token', bearer(), 204],
  ])('answers %s with %i', async (_, headers, status) => {
    const a = await s.post('/v1/chosen', body('Quillon#Marsh2025'), headers);
    expect(a.status).toBe(status);
    if (status === 401) expect(a.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses the fourth variant after three were recorded, and never logs the password or the token', async () => {
    for (const p of ['Zephyr#Lantern2024', 'zephyr#lantern2023!', 'Zephyr#Lantern2022']) {
      expect((await s.post('/v1/evaluate', body(p))).json.accepted).toBe(true);
      expect((await s.post('/v1/chosen', body(p), bearer())).status).toBe(204);
    }
    const r = await s.post('/v1/evaluate', body('Zephyr#Lantern2025'));
    expect(r.json.accepted).toBe(false);
    expect(r.json.policy.rejectedBy).toEqual(['POPULAR_PASSWORD']);
    const logs = s.lines.join('\n').toLowerCase();
    for (const secret of ['zephyr', 'lantern', TOKEN.toLowerCase(), SECRET.toLowerCase()]) expect(logs).not.toContain(secret);
  });

  it('shows sketch fill and store errors in /metrics, never a root', async () => {
    const m = (await s.get('/metrics')).text;
    const fill = Number(/^passgate_popularity_sketch_fill (\S+)$/m.exec(m)?.[1]);
    expect(fill).toBeGreaterThan(0);
    expect(fill).toBeLessThan(0.01);
    expect(m).toMatch(/^passgate_popularity_store_errors_total 0$/m);
    expect(m.toLowerCase()).not.toMatch(/zephyr|lantern|quillon/);
  });

  it('has no /v1/chosen without a record token (404), whatever the Authorization', async () => {
    expect((await noToken.post('/v1/chosen', body('Quillon#Marsh2025'), bearer())).status).toBe(404);
  });

  it.each<[string, string, number]>([
    ['malformed JSON', '{', 400],
    ['an extra field', JSON.stringify({ password: 'Quillon#Marsh2025', user: 'x' }), 400],
    ['a number', JSON.stringify({ password: 5 }), 400],
    ['a body over the limit', JSON.stringify({ password: 'x'.repeat(20_000) }), 413],
  ])('refuses %s with %i, quoting nothing', async (_, raw, status) => {
    const a = await s.post('/v1/chosen', raw, bearer());
    expect(a.status).toBe(status);
    expect(a.text).not.toContain('Quillon');
  });

  it('refuses a config whose secret is too short, without echoing it', async () => {
    const err = await startTestServer({ popularity: { limit: 3, secret: 'short-secret' } }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/popularity\.secret' must be a string of at least 16 characters/);
    expect((err as Error).message).not.toContain('short-secret');
  });
});

// The acceptance test: two `passgate serve` processes sharing one real redis-server.
describe('two passgate serve replicas sharing one Redis', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const RUNNER = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));
  let redis: TestRedis;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await redis?.stop();
  });

  async function replica(config: string): Promise<{ url: string; log: () => string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, 'serve', '--port', '0', '--config', config, '--no-watch'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url) return { url, log: () => out };
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`replica did not start: ${out.slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('refuses on one replica the fourth account whose password three others chose through the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passgate-replicas-'));
    const config = join(dir, 'passgate.json');
    writeFileSync(config, JSON.stringify({ popularity: { limit: 3, secret: SECRET, redisUrl: redis.url, recordToken: TOKEN } }));
    const [a, b] = await Promise.all([replica(config), replica(config)]);
    const post = (base: string, path: string, raw: string, headers: Record<string, string> = json) =>
      fetch(new URL(path, base), { method: 'POST', body: raw, headers });
    for (const p of ['Zephyr#Lantern2024', 'zephyr#lantern2023!', 'Zephyr#Lantern2022']) {
      expect((await post(a.url, 'v1/chosen', body(p), bearer())).status).toBe(204);
    }
    const refused = await (await post(b.url, 'v1/evaluate', body('Zephyr#Lantern2025'))).json();
    expect(refused.accepted).toBe(false);
    expect(refused.policy.rejectedBy).toEqual(['POPULAR_PASSWORD']);
    // The replica that recorded sees the same count; another root stays accepted on both.
    expect((await (await post(a.url, 'v1/evaluate', body('Zephyr#Lantern2026'))).json()).policy.rejectedBy).toEqual(['POPULAR_PASSWORD']);
    expect((await (await post(b.url, 'v1/evaluate', body('Quillon#Marsh2025'))).json()).accepted).toBe(true);
    for (const r of [a, b]) expect(r.log().toLowerCase()).not.toMatch(/zephyr|lantern|quillon|record-token|service-secret|redis:\/\//);
  }, 120_000);
});
