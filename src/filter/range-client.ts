/**
 * A k-anonymity range client: an optional, asynchronous breached-password source for users who
 * prefer Have I Been Pwned's live range API or a self-hosted mirror to an offline filter. Only
 * the first 5 hex digits of the password's SHA-1 (or NTLM) digest leave the process; the answer
 * is every known suffix under that prefix with its breach count, matched locally. `Add-Padding:
 * true` asks the server to pad the answer with count-0 decoys so its size says nothing either.
 * Nothing here runs unless a `rangeUrl` is configured: passgate uses no network by default.
 *
 * Portable (global `fetch`, no Node built-ins). Answers are cached per prefix in an LRU bounded
 * in entries and bytes, with an expiry (range-cache.ts); concurrent lookups of one prefix share
 * one request. A failure (timeout, HTTP error or any status but 200, a response too large, empty
 * or malformed — range-answer.ts parses strictly —, a redirect off the origin) is never silent
 * and never cached: the check reports BREACHED_UNCHECKED, rejecting (onError 'reject', the
 * default: fail closed) or warning ('accept': fail open, said aloud).
 */
import { ntlmDigest } from './md4.js';
import { portableSha1Hex } from './sha1-portable.js';
import { countOf, parseRangeAnswer, RangeAnswerError, type RangeAnswerTable } from './range-answer.js';
import { RangeCache } from './range-cache.js';

export interface RangeSourceOptions {
  /** The range endpoint: `{prefix}` is replaced by the 5 hex digits, or they are appended. */
  rangeUrl: string;
  /** Per request, default 3000 ms. */
  timeoutMs?: number;
  /** When the source cannot answer: 'reject' (default, fail closed) or 'accept' (fail open, with a warning). */
  onError?: 'reject' | 'accept';
  /** Reject at or above this breach count; below it, warn (default 1: any breach rejects). */
  minCount?: number;
  /** Digest the server indexes: 'sha1' (default) or 'ntlm' (HIBP: append `?mode=ntlm` to the URL). */
  hash?: 'sha1' | 'ntlm';
  /** Prefixes kept in the LRU cache (default 512). */
  cacheSize?: number;
  /** Bytes the cached answers may hold, whatever the server sends (default 16 MiB). */
  cacheBytes?: number;
  /** A cached answer is asked for again this long after it was fetched (default 15 minutes). */
  cacheTtlMs?: number;
  /** Responses larger than this are refused (default 256 KiB; HIBP's padded ones are ~30–40 KB). */
  maxResponseBytes?: number;
  /** Injected `fetch` (default: the global one). */
  fetch?: typeof fetch;
}

export type RangeAnswer = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly reason: string };

/** Redirects followed, each to the same origin (scheme, host and port) as the URL asked. */
const MAX_REDIRECTS = 3;
/** Our own failure reasons, passed on as they are; anything else is "unreachable". */
const OWN_REASONS = /^(HTTP \d+|response too large|malformed response|empty response|redirect to another origin|too many redirects|redirect without a location)$/;

function hexOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function validateRangeOptions(o: unknown): Required<Omit<RangeSourceOptions, 'fetch'>> & { fetch?: typeof fetch } {
  if (o === null || typeof o !== 'object') throw new TypeError('`breached` range options must be an object');
  const r = o as RangeSourceOptions;
  if (typeof r.rangeUrl !== 'string' || !/^https?:\/\//i.test(r.rangeUrl)) throw new TypeError('`breached.rangeUrl` must be an http(s) URL');
  const int = (name: string, v: unknown, dflt: number, min: number, max: number): number => {
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new RangeError(`\`breached.${name}\` must be an integer in ${min}..${max}`);
    return v;
  };
  const onError = r.onError ?? 'reject';
  if (onError !== 'reject' && onError !== 'accept') throw new TypeError("`breached.onError` must be 'reject' or 'accept'");
  const hash = r.hash ?? 'sha1';
  if (hash !== 'sha1' && hash !== 'ntlm') throw new TypeError("`breached.hash` must be 'sha1' or 'ntlm'");
  if (r.fetch !== undefined && typeof r.fetch !== 'function') throw new TypeError('`breached.fetch` must be a function');
  return {
    rangeUrl: r.rangeUrl,
    timeoutMs: int('timeoutMs', r.timeoutMs, 3000, 1, 60000),
    onError,
    minCount: int('minCount', r.minCount, 1, 1, 2 ** 32 - 1),
    hash,
    cacheSize: int('cacheSize', r.cacheSize, 512, 0, 1 << 20),
    cacheBytes: int('cacheBytes', r.cacheBytes, 16 << 20, 0, 2 ** 31),
    cacheTtlMs: int('cacheTtlMs', r.cacheTtlMs, 15 * 60_000, 1, 7 * 24 * 3_600_000),
    maxResponseBytes: int('maxResponseBytes', r.maxResponseBytes, 256 << 10, 1024, 1 << 26),
    ...(r.fetch ? { fetch: r.fetch } : {}),
  };
}

/** Reads a body up to `max` bytes (a hostile or broken server cannot make us buffer more). */
async function boundedBytes(res: Response, max: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new Error('response too large');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) (all.set(c, at), (at += c.length));
  return all;
}

export interface RangeClient {
  /** The breach count of `password` (0: not known to the source), or why there is no answer. */
  lookup(password: string): Promise<RangeAnswer>;
}

/**
 * GETs `url`, following at most MAX_REDIRECTS redirects and only within its origin: a redirect
 * elsewhere (another host, port, or https → http) is refused before it is requested. In a
 * browser a manual redirect is opaque (no Location): refused as well.
 */
async function getSameOrigin(doFetch: typeof fetch, url: string, signal: AbortSignal): Promise<Response> {
  let at = new URL(url);
  for (let hop = 0; ; hop++) {
    const res = await doFetch(at.href, { headers: { 'Add-Padding': 'true' }, signal, redirect: 'manual' });
    if (res.type !== 'opaqueredirect' && (res.status < 300 || res.status > 399)) return res;
    void res.body?.cancel().catch(() => undefined);
    const location = res.headers.get('location');
    if (res.type === 'opaqueredirect' || location === null) throw new Error('redirect without a location');
    let next: URL;
    try {
      next = new URL(location, at);
    } catch {
      throw new Error('redirect to another origin');
    }
    if (next.origin !== at.origin) throw new Error('redirect to another origin');
    if (hop >= MAX_REDIRECTS) throw new Error('too many redirects');
    at = next;
  }
}

export interface RangeClientInternals {
  /** The clock the cache's expiry reads (tests). */
  readonly now?: () => number;
}

export function createRangeClient(options: RangeSourceOptions, internals: RangeClientInternals = {}): RangeClient {
  const o = validateRangeOptions(options);
  const doFetch = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const suffixLength = o.hash === 'ntlm' ? 27 : 35;
  const cache = new RangeCache(o.cacheSize, o.cacheBytes, o.cacheTtlMs, internals.now ?? Date.now);
  const inFlight = new Map<string, Promise<RangeAnswerTable>>();

  const fetchPrefix = async (prefix: string): Promise<RangeAnswerTable> => {
    const url = o.rangeUrl.includes('{prefix}') ? o.rangeUrl.replace('{prefix}', prefix) : o.rangeUrl + prefix;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), o.timeoutMs);
    try {
      const res = await getSameOrigin(doFetch, url, abort.signal);
      // Only 200 carries an answer: a 204 or 206 is no list, not an empty one.
      if (res.status !== 200) {
        void res.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${res.status}`);
      }
      return parseRangeAnswer(await boundedBytes(res, o.maxResponseBytes), suffixLength);
    } catch (err) {
      if (abort.signal.aborted) throw new Error(`no answer within ${o.timeoutMs} ms`);
      const msg = (err as Error).message;
      // Only our own reasons are passed on; anything else (DNS, refused…) is "unreachable".
      throw new Error(err instanceof RangeAnswerError || OWN_REASONS.test(msg) ? msg : 'unreachable');
    } finally {
      clearTimeout(timer);
    }
  };

  const answers = (prefix: string): Promise<RangeAnswerTable> => {
    const hit = cache.get(prefix);
    if (hit) return Promise.resolve(hit);
    let p = inFlight.get(prefix);
    if (!p) {
      p = fetchPrefix(prefix)
        .then((table) => {
          cache.set(prefix, table);
          return table;
        })
        .finally(() => inFlight.delete(prefix));
      inFlight.set(prefix, p);
    }
    return p;
  };

  return {
    async lookup(password) {
      const hex = (o.hash === 'ntlm' ? hexOf(ntlmDigest(password)) : portableSha1Hex(password)).toUpperCase();
      try {
        const table = await answers(hex.slice(0, 5));
        return { ok: true, count: countOf(table, hex.slice(5), suffixLength) };
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
    },
  };
}
