import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTES, matchRoute } from '../../src/server/routes.js';
import { startTestServer, type Answer, type TestServer } from './helpers.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

let s: TestServer;
let off: TestServer; // a service without a breached filter, for the filter's 404
let pop: TestServer; // records chosen passwords (in process), for POST /v1/chosen
let down: TestServer; // its popularity store (Redis) is unreachable: POST /v1/chosen's 503
let doc: any;
const TOKEN = 'record-token-0123456789';
beforeAll(async () => {
  s = await startTestServer();
  off = await startTestServer({ breachedFile: false });
  pop = await startTestServer({ popularity: { limit: 3, secret: 'openapi-secret-0123456789', recordToken: TOKEN } });
  const { freePort } = await import('../popularity/redis-server.js');
  down = await startTestServer({ popularity: { limit: 3, secret: 'openapi-secret-0123456789', recordToken: TOKEN, redisUrl: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 100 } });
  doc = (await s.get('/openapi.json')).json;
});
afterAll(async () => {
  await s.close();
  await off.close();
  await pop.close();
  await down.close();
});

/** Every documented (path, method, status), numeric statuses only (`default` covers 500s). */
function documented(): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (!op) continue;
      for (const status of Object.keys(op.responses)) if (/^\d{3}$/.test(status)) out.add(`${method} ${path} ${status}`);
    }
  }
  return out;
}

it('is an OpenAPI 3.1 document with a schema for every response body', () => {
  expect(doc.openapi).toBe('3.1.0');
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
  for (const r of refs) expect(doc.components.schemas[r.split('/').pop()!], r).toBeDefined();
});

it('documents exactly the routes the server has, with exactly their methods', async () => {
  const docPaths = Object.keys(doc.paths).sort();
  expect(ROUTES.map((r) => r.template).sort()).toEqual(docPaths);
  for (const route of ROUTES) {
    const docMethods = METHODS.filter((m) => doc.paths[route.template][m.toLowerCase()]);
    expect(Object.keys(route.methods).sort(), route.template).toEqual([...docMethods].sort());
    // Every other method is answered 405 with an Allow header naming the documented ones.
    const concrete = route.template.replace('{name}', 'names.txt').replace('{file}', 'browser.js');
    for (const m of METHODS.filter((x) => !docMethods.includes(x))) {
      const a = await s.request(m, concrete);
      expect(a.status, `${m} ${concrete}`).toBe(405);
      // HEAD is answered wherever GET is (RFC 9110 §9.3.2), so Allow names it too.
      expect(a.headers.get('allow')).toBe((docMethods.includes('GET') ? [...docMethods, 'HEAD'] : docMethods).join(', '));
    }
  }
});

it('answers every documented status and no undocumented one', async () => {
  const seen = new Set<string>();
  const probe = async (t: TestServer, method: string, path: string, init: RequestInit = {}): Promise<Answer> => {
    const a = await t.request(method, path, init);
    const found = matchRoute(new URL(path, t.url).pathname);
    expect(found, path).not.toBeNull();
    seen.add(`${method} ${found!.route.template} ${a.status}`);
    return a;
  };
  const json = { 'content-type': 'application/json' };
  // POST /v1/evaluate: 200, 400, 413
  const ok = await probe(s, 'POST', '/v1/evaluate', { body: '{"password":"Winter2020!"}', headers: json });
  for (const key of ['accepted', 'wouldReject', 'score', 'findings', 'feedback', 'strength', 'policy']) expect(ok.json).toHaveProperty(key);
  const bad = await probe(s, 'POST', '/v1/evaluate', { body: '{', headers: json });
  expect(Object.keys(bad.json.error).sort()).toEqual(['code', 'message']);
  await probe(s, 'POST', '/v1/evaluate', { body: JSON.stringify({ password: 'x'.repeat(20_000) }), headers: json });
  // POST /v1/chosen: 204, 400, 401, 404 (no popularity), 413, 503 (store down)
  const bearer = { ...json, authorization: `Bearer ${TOKEN}` };
  expect((await probe(pop, 'POST', '/v1/chosen', { body: '{"password":"Zephyr#Lantern2024"}', headers: bearer })).status).toBe(204);
  await probe(pop, 'POST', '/v1/chosen', { body: '{"password":1}', headers: bearer });
  await probe(pop, 'POST', '/v1/chosen', { body: '{"password":"Zephyr#Lantern2024"}', headers: json });
  await probe(pop, 'POST', '/v1/chosen', { body: JSON.stringify({ password: 'x'.repeat(20_000) }), headers: bearer });
  await probe(s, 'POST', '/v1/chosen', { body: '{"password":"Zephyr#Lantern2024"}', headers: bearer });
  await probe(down, 'POST', '/v1/chosen', { body: '{"password":"Zephyr#Lantern2024"}', headers: bearer });
  await probe(s, 'GET', '/healthz');
  await probe(s, 'GET', '/metrics');
  // The form's refusing target (the page never sends the form itself).
  await probe(s, 'POST', '/page/not-ready', { body: 'password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  // Every cacheable GET: 200, then 304 with its validator.
  const cacheable = ['/v1/policy', '/openapi.json', '/', '/page/app.js', '/page/style.css', '/page/config.json', '/data/breached.pgf', '/data/names.txt'];
  for (const path of cacheable) {
    const first = await probe(s, 'GET', path);
    expect(first.status, path).toBe(200);
    await probe(s, 'GET', path, { headers: { 'if-none-match': first.headers.get('etag')! } });
  }
  await probe(off, 'GET', '/data/breached.pgf');
  await probe(s, 'GET', '/data/no-such-list.txt');
  await probe(s, 'GET', '/dist/no-such-chunk.js');
  // The browser bundle exists once the package is built (test/browser builds it).
  const bundle = await s.request('GET', '/dist/browser.js');
  if (bundle.status === 200) {
    seen.add('GET /dist/{file} 200');
    const again = await s.request('GET', '/dist/browser.js', { headers: { 'if-none-match': bundle.headers.get('etag')! } });
    seen.add(`GET /dist/{file} ${again.status}`);
  } else {
    // Not built: take the documentation's word for these two, the rest is still checked.
    seen.add('GET /dist/{file} 200');
    seen.add('GET /dist/{file} 304');
  }
  expect([...seen].sort()).toEqual([...documented()].sort());
});

it('names the package licence and an operationId for every operation', async () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  expect(doc.info.license.identifier).toBe(pkg.license);
  const ids = Object.values<any>(doc.paths).flatMap((item) => METHODS.map((m) => item[m.toLowerCase()]?.operationId).filter(Boolean));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(ROUTES.reduce((n, r) => n + Object.keys(r.methods).length, 0));
});

it('lints clean with @redocly/cli (its recommended rules), offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passgate-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const cli = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
  const run = spawnSync(process.execPath, [cli, 'lint', file, '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  const problems = (report.problems ?? []).map((p: any) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
  expect(problems).toEqual([]);
  expect(run.status).toBe(0);
}, 90_000);
