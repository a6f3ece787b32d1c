/** The k-anonymity range client against a mock range server on 127.0.0.1 (no other network). */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { ntlmDigest } from '../../src/filter/md4.js';
import { createRangeClient } from '../../src/filter/range-client.js';

const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();
const ntlm = (s: string): string => Buffer.from(ntlmDigest(s)).toString('hex').toUpperCase();

const BREACHED: Record<string, number> = { 'Summer2023!x': 120, 'rarely-seen-pw': 2 };
const STRONG = 'vq7#mZp2!rTx9Lw-kept';

type Mode = 'ok' | 'hang' | '503' | 'huge' | 'malformed';
let mode: Mode = 'ok';
const requests: { url: string; padding: string | undefined }[] = [];
let server: Server;
let base: string;

function answer(prefix: string, hash: (s: string) => string, suffixLength: number): string {
  const lines: string[] = [];
  for (const [p, count] of Object.entries(BREACHED)) {
    const h = hash(p);
    if (h.startsWith(prefix)) lines.push(`${h.slice(5)}:${count}`);
  }
  // Padding as the real API sends it: random-looking suffixes with count 0.
  for (let i = 0; i < 20; i++) lines.push(`${createHash('sha1').update(prefix + i).digest('hex').toUpperCase().slice(0, suffixLength)}:0`);
  return lines.join('\r\n');
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    requests.push({ url: req.url ?? '', padding: req.headers['add-padding'] as string | undefined });
    if (mode === 'hang') return; // never answers
    if (mode === '503') return void res.writeHead(503).end('busy');
    if (mode === 'huge') return void res.writeHead(200).end('A'.repeat(2 << 20));
    if (mode === 'malformed') return void res.writeHead(200).end('<html>hello</html>');
    const m = /^\/range\/([0-9A-F]{5})(\?mode=ntlm)?$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(m[2] ? answer(m[1]!, ntlm, 27) : answer(m[1]!, sha1, 35));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/range/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const checker = (extra: Record<string, unknown> = {}) =>
  createChecker({ profile: 'nist', mfa: true, breached: { rangeUrl: base, timeoutMs: 5000, ...extra } });
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('range client (k-anonymity)', () => {
  it('rejects a breached password, accepts an unknown one; sends only the 5-hex prefix with Add-Padding', async () => {
    mode = 'ok';
    requests.length = 0;
    const c = await checker({ cacheSize: 0 });
    const bad = await c.evaluateAsync('Summer2023!x');
    expect(bad.accepted).toBe(false);
    expect(bad.findings.find((f) => f.code === 'BREACHED')).toMatchObject({ source: 'breached', severity: 'reject', params: { count: 120 } });
    const good = await c.evaluateAsync(STRONG);
    expect(codes(good)).not.toContain('BREACHED');
    expect(good.accepted).toBe(true);
    expect(requests).toEqual([
      { url: `/range/${sha1('Summer2023!x').slice(0, 5)}`, padding: 'true' },
      { url: `/range/${sha1(STRONG).slice(0, 5)}`, padding: 'true' },
    ]);
  });

  it('caches per prefix in a bounded LRU and shares concurrent requests', async () => {
    mode = 'ok';
    requests.length = 0;
    const client = createRangeClient({ rangeUrl: base, cacheSize: 2 });
    const pws = ['a-one', 'b-two', 'c-three'];
    await Promise.all([client.lookup(pws[0]!), client.lookup(pws[0]!), client.lookup(pws[0]!)]);
    expect(requests.length).toBe(1);
    await client.lookup(pws[0]!);
    expect(requests.length).toBe(1); // cached
    await client.lookup(pws[1]!);
    await client.lookup(pws[2]!); // evicts pws[0]'s prefix (least recently used)
    expect(requests.length).toBe(3);
    await client.lookup(pws[2]!);
    expect(requests.length).toBe(3);
    await client.lookup(pws[0]!);
    expect(requests.length).toBe(4);
  });

  it.each([
    ['hang', /^no answer within 300 ms$/],
    ['503', /^HTTP 503$/],
    ['huge', /^response too large$/],
    ['malformed', /^malformed response$/],
  ] as const)('a server that answers %s: a clear finding, fail-closed by default, fail-open if chosen', async (m, reason) => {
    mode = m;
    const closed = await checker({ cacheSize: 0, timeoutMs: 300 });
    const r = await closed.evaluateAsync(STRONG);
    expect(r.accepted).toBe(false);
    const f = r.findings.find((x) => x.code === 'BREACHED_UNCHECKED');
    expect(f).toMatchObject({ source: 'breached', severity: 'reject' });
    expect(String(f!.params!.reason)).toMatch(reason);
    const open = await checker({ cacheSize: 0, timeoutMs: 300, onError: 'accept' });
    const o = await open.evaluateAsync(STRONG);
    expect(o.accepted).toBe(true);
    expect(o.findings.find((x) => x.code === 'BREACHED_UNCHECKED')).toMatchObject({ severity: 'warn' });
    expect(JSON.stringify([r, o])).not.toContain(STRONG);
    mode = 'ok';
  });

  it('an unreachable source (nothing listening) is a finding too', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const c = await createChecker({ profile: 'nist', mfa: true, breached: { rangeUrl: `http://127.0.0.1:${port}/range/` } });
    const r = await c.evaluateAsync(STRONG);
    expect(r.findings.find((x) => x.code === 'BREACHED_UNCHECKED')).toMatchObject({ severity: 'reject', params: { reason: 'unreachable' } });
  });

  it('minCount: at or above rejects, below warns (BREACHED_RARE)', async () => {
    mode = 'ok';
    const c = await checker({ minCount: 10 });
    const rare = await c.evaluateAsync('rarely-seen-pw');
    expect(rare.accepted).toBe(true);
    expect(rare.findings.find((f) => f.code === 'BREACHED_RARE')).toMatchObject({ severity: 'warn', params: { count: 2, minCount: 10 } });
    expect(codes(await c.evaluateAsync('Summer2023!x'))).toContain('BREACHED');
  });

  it('NTLM mode queries NTLM prefixes', async () => {
    mode = 'ok';
    requests.length = 0;
    const c = await createChecker({ profile: 'nist', mfa: true, breached: { rangeUrl: `${base}{prefix}?mode=ntlm`, hash: 'ntlm' } });
    expect(codes(await c.evaluateAsync('Summer2023!x'))).toContain('BREACHED');
    expect(requests[0]!.url).toBe(`/range/${ntlm('Summer2023!x').slice(0, 5)}?mode=ntlm`);
  });

  it('plain evaluate() cannot wait for the network: it fails closed, naming evaluateAsync', async () => {
    const c = await checker();
    const r = c.evaluate(STRONG);
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'CHECK_ERROR')?.params?.reason).toMatch(/evaluateAsync/);
  });

  it('validates its options', async () => {
    await expect(createChecker({ breached: { rangeUrl: 'ftp://x' } })).rejects.toThrow(/rangeUrl/);
    await expect(createChecker({ breached: { rangeUrl: base, onError: 'maybe' as 'reject' } })).rejects.toThrow(/onError/);
    await expect(createChecker({ breached: { rangeUrl: base, timeoutMs: 0 } })).rejects.toThrow(/timeoutMs/);
  });
});
