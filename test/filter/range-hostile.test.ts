/**
 * The range client against a hostile or broken range server (issue 20, item 5), played by a
 * node:http server on 127.0.0.1. Every answer that is not a well-formed `SUFFIX:COUNT` list is an
 * error that `onError` decides (never "not breached"); redirects leave the origin never; counts
 * are decimal digits; the cache is bounded in bytes and expires.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type EvaluationResult } from '../../src/index.js';
import { createRangeClient } from '../../src/filter/range-client.js';

const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();
const STRONG = 'vq7#mZp2!rTx9Lw-kept';
const suffix = sha1(STRONG).slice(5);
const pad = (n: number) => Array.from({ length: n }, (_, i) => `${sha1(`pad${i}`).slice(5)}:0`).join('\r\n');

/** What the hostile server does for one request; `other` is the second server's base URL. */
type Play = (res: ServerResponse, path: string) => void;
let play: Play = (res) => void res.writeHead(200).end(pad(3));
let requests: string[] = [];
let server: Server;
let other: Server;
let base = '';
let otherBase = '';
let otherHits = 0;

const listen = async (s: Server): Promise<string> => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    play(res, req.url ?? '');
  });
  other = createServer((_req, res) => {
    otherHits++;
    res.writeHead(200).end(pad(3));
  });
  base = await listen(server);
  otherBase = await listen(other);
});
afterAll(async () => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const checker = (onError: 'reject' | 'accept') =>
  createChecker({ profile: 'nist', mfa: true, breached: { rangeUrl: `${base}/range/`, timeoutMs: 10_000, cacheSize: 0, onError } });
const unchecked = (r: EvaluationResult) =>
  r.findings.find((f) => f.code === 'BREACHED_UNCHECKED');

describe('range client: a malformed or empty answer is an error, never "not breached"', () => {
  const answers: [string, Play, RegExp][] = [
    ['an empty 200', (res) => void res.writeHead(200).end(''), /^empty response$/],
    ['a 200 of blank lines', (res) => void res.writeHead(200).end('\r\n\r\n'), /^empty response$/],
    ['a 204', (res) => void res.writeHead(204).end(), /^HTTP 204$/],
    ['a 206', (res) => void res.writeHead(206).end(pad(3)), /^HTTP 206$/],
    ['a line `SUFFIX:`', (res) => void res.writeHead(200).end(`${suffix}:\r\n${pad(3)}`), /^malformed response$/],
    ['a hex count 0x10', (res) => void res.writeHead(200).end(`${suffix}:0x10`), /^malformed response$/],
    ['an exponent count 1e3', (res) => void res.writeHead(200).end(`${suffix}:1e3`), /^malformed response$/],
    ['a padded count " 12 "', (res) => void res.writeHead(200).end(`${suffix}: 12 `), /^malformed response$/],
    ['a signed count +5', (res) => void res.writeHead(200).end(`${suffix}:+5`), /^malformed response$/],
    ['a count of 11 digits', (res) => void res.writeHead(200).end(`${suffix}:12345678901`), /^malformed response$/],
    ['a short suffix', (res) => void res.writeHead(200).end(`${suffix.slice(1)}:3`), /^malformed response$/],
    ['a non-hex suffix', (res) => void res.writeHead(200).end(`${suffix.slice(1)}G:3`), /^malformed response$/],
    ['a lone CR line', (res) => void res.writeHead(200).end(`${pad(2)}\r\r\n${pad(2)}`), /^malformed response$/],
    ['an HTML page', (res) => void res.writeHead(200).end('<html>maintenance</html>'), /^malformed response$/],
    ['a body over 256 KiB', (res) => void res.writeHead(200).end(pad(7000)), /^response too large$/],
  ];
  it.each(answers)('%s: rejecting BREACHED_UNCHECKED with onError reject, a warning with accept', async (_name, p, reason) => {
    play = p;
    const closed = await (await checker('reject')).evaluateAsync(STRONG);
    expect(closed.accepted).toBe(false);
    expect(unchecked(closed)).toMatchObject({ severity: 'reject' });
    expect(String(unchecked(closed)!.params!.reason)).toMatch(reason);
    const open = await (await checker('accept')).evaluateAsync(STRONG);
    expect(open.accepted).toBe(true);
    expect(unchecked(open)).toMatchObject({ severity: 'warn' });
    expect(String(unchecked(open)!.params!.reason)).toMatch(reason);
  });

  it('a well-formed answer still works: counts in decimal, CRLF or LF, blank lines, lowercase hex', async () => {
    // Blank lines carry nothing: skipped (an answer of nothing but them is empty, above).
    for (const body of [`${pad(2)}\r\n${suffix}:42\r\n`, `${suffix.toLowerCase()}:42\n${pad(2)}`, `${suffix}:0000000042`, `\r\n${pad(1)}\n\n${suffix}:42\r\n\r\n`]) {
      play = (res) => void res.writeHead(200).end(body);
      const r = await (await checker('reject')).evaluateAsync(STRONG);
      expect(r.findings.find((f) => f.code === 'BREACHED')).toMatchObject({ params: { count: 42 } });
    }
    play = (res) => void res.writeHead(200).end(pad(900)); // padded, all count 0: not breached
    const r = await (await checker('reject')).evaluateAsync(STRONG);
    expect(r.accepted).toBe(true);
    expect(unchecked(r)).toBeUndefined();
  });

  it('an error is not cached: the next lookup asks again', async () => {
    requests = [];
    const client = createRangeClient({ rangeUrl: `${base}/range/` });
    play = (res) => void res.writeHead(200).end('');
    expect(await client.lookup(STRONG)).toEqual({ ok: false, reason: 'empty response' });
    play = (res) => void res.writeHead(200).end(`${suffix}:7`);
    expect(await client.lookup(STRONG)).toEqual({ ok: true, count: 7 });
    expect(requests.length).toBe(2);
  });
});

describe('range client: redirects stay on the origin', () => {
  const redirect = (to: string, status = 302): Play => (res) => void res.writeHead(status, { location: to }).end();

  it('follows a same-origin redirect (relative or absolute)', async () => {
    for (const to of ['/moved/', `${base}/moved/`]) {
      play = (res, path) => (path.startsWith('/moved/') ? void res.writeHead(200).end(`${suffix}:5`) : redirect(to + path.slice(-5))(res, path));
      const a = await createRangeClient({ rangeUrl: `${base}/range/`, cacheSize: 0 }).lookup(STRONG);
      expect(a).toEqual({ ok: true, count: 5 });
    }
  });

  it.each([
    ['another port', () => `${otherBase}/range/x`],
    ['another host name', () => `${base.replace('127.0.0.1', 'localhost')}/range/x`],
    ['https to http (another scheme)', () => base.replace('http:', 'https:') + '/range/x'],
  ])('refuses a redirect to %s and never contacts it', async (_n, to) => {
    otherHits = 0;
    play = redirect(to(), 301);
    for (const onError of ['reject', 'accept'] as const) {
      const r = await (await checker(onError)).evaluateAsync(STRONG);
      expect(unchecked(r)).toMatchObject({ severity: onError === 'reject' ? 'reject' : 'warn', params: { reason: 'redirect to another origin' } });
    }
    expect(otherHits).toBe(0);
  });

  it('stops a redirect loop', async () => {
    requests = [];
    play = (res, path) => redirect(path)(res, path);
    expect(await createRangeClient({ rangeUrl: `${base}/range/`, cacheSize: 0 }).lookup(STRONG)).toEqual({ ok: false, reason: 'too many redirects' });
    expect(requests.length).toBeLessThanOrEqual(4);
  });
});

describe('range client: the cache is bounded in bytes and expires', () => {
  it('an answer is served from the cache until cacheTtlMs, then asked again', async () => {
    requests = [];
    let now = 1_000_000;
    play = (res) => void res.writeHead(200).end(`${suffix}:9`);
    const client = createRangeClient({ rangeUrl: `${base}/range/`, cacheTtlMs: 60_000 }, { now: () => now });
    await client.lookup(STRONG);
    now += 59_000;
    await client.lookup(STRONG);
    expect(requests.length).toBe(1);
    now += 2_000;
    await client.lookup(STRONG);
    expect(requests.length).toBe(2);
  });

  it('validates the new options', async () => {
    await expect(createChecker({ breached: { rangeUrl: base, cacheBytes: -1 } })).rejects.toThrow(/cacheBytes/);
    await expect(createChecker({ breached: { rangeUrl: base, cacheTtlMs: 0.5 } })).rejects.toThrow(/cacheTtlMs/);
  });

  it('a hostile server answering every prefix with the largest answer allowed cannot grow the heap past the byte bound', () => {
    // In a child with --expose-gc, so the heap is measured after collection, not with garbage.
    const script = fileURLToPath(new URL('./range-heap-probe.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { encoding: 'utf8', timeout: 120_000 });
    const { grownMiB, cached } = JSON.parse(out.trim().split('\n').pop()!) as { grownMiB: number; cached: number };
    expect(cached).toBeGreaterThan(0);
    // Default cacheBytes is 16 MiB; a little slack for the client's own structures.
    expect(grownMiB).toBeLessThan(20);
  }, 180_000);
});
