import { afterAll, beforeAll, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { startTestServer, type TestServer } from './helpers.js';

const PASSWORDS = [
  'Winter2020!', 'Summer2024!', 'Welcome01', 'P@ssw0rd1', 'password', 'letmein123', 'qwertyuiop',
  'correct horse battery staple', 'vortex-marmalade-quilting-87-Ostrich', 'Tr0ub4dor&3', 'abc',
  'g7#Kq!2vLz@9Wm', 'Nebula_Saxophone_Wharf_31', 'iloveyou2', 'Spring2023', '',
];
const TOTAL = 2000;
const CLIENTS = 50;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** One keep-alive client connection pool per test run: CLIENTS sockets, like 50 real clients. */
function post(agent: Agent, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/v1/evaluate', s.url), { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

it(`answers ${TOTAL} requests from ${CLIENTS} concurrent clients, none lost, all correct`, async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  // The expected answer for each password, asked one at a time.
  const expected = new Map<string, string>();
  for (const p of PASSWORDS) expected.set(p, (await post(agent, JSON.stringify({ password: p }))).text);

  const latencies: number[] = [];
  const answers: { i: number; ok: boolean }[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < TOTAL) {
      const i = next++;
      const password = PASSWORDS[i % PASSWORDS.length]!;
      const t0 = performance.now();
      const r = await post(agent, JSON.stringify({ password }));
      latencies.push(performance.now() - t0);
      answers.push({ i, ok: r.status === 200 && r.text === expected.get(password) });
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  expect(answers).toHaveLength(TOTAL);
  expect(new Set(answers.map((a) => a.i)).size).toBe(TOTAL);
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  // The access log saw every one of them too.
  expect(s.lines.filter((l) => l.includes(' POST /v1/evaluate 200 ')).length).toBe(TOTAL + PASSWORDS.length);

  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  // Figures for the record; no timing assertions (benchmarks are not tests).
  console.log(`load: ${TOTAL} requests, ${CLIENTS} clients: ${Math.round(TOTAL / seconds)} req/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
});
