/**
 * A k-anonymity range client: an optional, asynchronous breached-password source for users who
 * prefer Have I Been Pwned's live range API or a self-hosted mirror to an offline filter. Only
 * the first 5 hex digits of the password's SHA-1 (or NTLM) digest leave the process; the answer
 * is every known suffix under that prefix with its breach count, matched locally. `Add-Padding:
 * true` asks the server to pad the answer with count-0 decoys so its size says nothing either.
 * Nothing here runs unless a `rangeUrl` is configured: passgate uses no network by default.
 *
 * Portable (global `fetch`, no Node built-ins). Answers are cached per prefix in a bounded LRU;
 * concurrent lookups of one prefix share one request. A failure (timeout, HTTP error, a response
 * too large or malformed) is never silent: the check reports BREACHED_UNCHECKED, rejecting
 * (onError 'reject', the default: fail closed) or warning ('accept': fail open, said aloud).
 */
import { ntlmDigest } from './md4.js';
import { portableSha1Hex } from './sha1-portable.js';

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
  /** Prefixes kept in the LRU cache (default 512 ≈ 16 MB of padded answers at most). */
  cacheSize?: number;
  /** Responses larger than this are refused (default 1 MiB; HIBP's are ~30 KB). */
  maxResponseBytes?: number;
  /** Injected `fetch` (default: the global one). */
  fetch?: typeof fetch;
}

export type RangeAnswer = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly reason: string };

const HEX = /^[0-9A-F]+$/;

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
    maxResponseBytes: int('maxResponseBytes', r.maxResponseBytes, 1 << 20, 1024, 1 << 26),
    ...(r.fetch ? { fetch: r.fetch } : {}),
  };
}

/** Reads a body up to `max` bytes (a hostile or broken server cannot make us buffer more). */
async function boundedText(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
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
  return new TextDecoder().decode(all);
}

/** Parses `SUFFIX:COUNT` lines into suffix → count (count-0 padding lines dropped); throws if malformed. */
function parseRange(text: string, suffixLength: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const colon = line.indexOf(':');
    const suffix = line.slice(0, colon).toUpperCase();
    const count = Number(line.slice(colon + 1));
    if (colon !== suffixLength || !HEX.test(suffix) || !Number.isSafeInteger(count) || count < 0) throw new Error('malformed response');
    if (count > 0) out.set(suffix, count);
  }
  return out;
}

export interface RangeClient {
  /** The breach count of `password` (0: not known to the source), or why there is no answer. */
  lookup(password: string): Promise<RangeAnswer>;
}

export function createRangeClient(options: RangeSourceOptions): RangeClient {
  const o = validateRangeOptions(options);
  const doFetch = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const suffixLength = o.hash === 'ntlm' ? 27 : 35;
  // Map iteration order is insertion order: re-inserting on a hit makes it an LRU.
  const cache = new Map<string, Map<string, number>>();
  const inFlight = new Map<string, Promise<Map<string, number>>>();

  const fetchPrefix = async (prefix: string): Promise<Map<string, number>> => {
    const url = o.rangeUrl.includes('{prefix}') ? o.rangeUrl.replace('{prefix}', prefix) : o.rangeUrl + prefix;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), o.timeoutMs);
    try {
      const res = await doFetch(url, { headers: { 'Add-Padding': 'true' }, signal: abort.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return parseRange(await boundedText(res, o.maxResponseBytes), suffixLength);
    } catch (err) {
      if (abort.signal.aborted) throw new Error(`no answer within ${o.timeoutMs} ms`);
      const msg = (err as Error).message;
      // Only our own reasons are passed on; anything else (DNS, refused…) is "unreachable".
      throw new Error(/^(HTTP \d+|response too large|malformed response)$/.test(msg) ? msg : 'unreachable');
    } finally {
      clearTimeout(timer);
    }
  };

  const answers = (prefix: string): Promise<Map<string, number>> => {
    const hit = cache.get(prefix);
    if (hit) {
      cache.delete(prefix);
      cache.set(prefix, hit);
      return Promise.resolve(hit);
    }
    let p = inFlight.get(prefix);
    if (!p) {
      p = fetchPrefix(prefix)
        .then((m) => {
          if (o.cacheSize > 0) {
            cache.set(prefix, m);
            if (cache.size > o.cacheSize) cache.delete(cache.keys().next().value!);
          }
          return m;
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
        const m = await answers(hex.slice(0, 5));
        return { ok: true, count: m.get(hex.slice(5)) ?? 0 };
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
    },
  };
}
