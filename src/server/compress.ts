import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { chooseEncoding as negotiateEncoding } from './negotiate.js';
import { MAX_ACCEPT_HEADER } from './api-routes.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Brotli at 11 takes seconds on the dictionary; 9 is a few percent larger and far faster. Bodies
// are static and tagged, so each is compressed once per encoding and kept (up to CACHE_MAX).
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };
const CACHE_MAX = 64;
const MIN_BYTES = 512;
const cache = new Map<string, Promise<Buffer>>();

export interface Packed {
  readonly body: Uint8Array;
  readonly encoding: 'br' | 'gzip';
  /** The body's tag marked for this encoding (a different representation needs its own tag). */
  readonly etag: string | undefined;
}

/** The client's preferred encoding among br and gzip, by its q-values (ties: br); null for identity. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  // As Accept-Language (api-routes.ts): a header longer than any browser's is not parsed.
  if (!acceptEncoding || acceptEncoding.length > MAX_ACCEPT_HEADER) return null;
  return negotiateEncoding(acceptEncoding);
}

/**
 * The body compressed as the client prefers, or null to send it as it is. Compression runs on
 * libuv's pool (the event loop keeps serving); the result is cached by the body's ETag.
 */
export async function compressed(body: Uint8Array, acceptEncoding: string | undefined, etag: string | undefined): Promise<Packed | null> {
  const encoding = chooseEncoding(acceptEncoding);
  if (!encoding || body.byteLength < MIN_BYTES) return null;
  const run = () => (encoding === 'br' ? brotli(body, BROTLI) : gz(body));
  let out: Promise<Buffer>;
  if (etag) {
    const key = `${encoding} ${etag}`;
    let hit = cache.get(key);
    if (!hit) {
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      hit = run();
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    out = hit;
  } else {
    out = run();
  }
  const suffix = encoding === 'br' ? '-br' : '-gz';
  return { body: await out, encoding, etag: etag?.replace(/"$/, `${suffix}"`) };
}
