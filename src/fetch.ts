/**
 * `passgate/fetch`: the service's API as a standard `(request: Request) => Promise<Response>`
 * handler, for any runtime with the Fetch API (Node ≥ 20, Bun, Deno, workers, framework route
 * handlers). It answers the same API routes as `passgate serve` — POST /v1/evaluate,
 * GET /v1/policy, /healthz, /openapi.json, HEAD, 405/404, CORS — through the same routing core
 * (src/server/core.ts). The demo page, its files and /metrics belong to `passgate serve`.
 * No Node built-in is imported here.
 */
import type { Checker } from './checker.js';
import { serveRequest, type CoreRequest } from './server/core.js';
import { apiRoutes, type ApiState } from './server/api-routes.js';
import { BASE_HEADERS, errorReply, textBody, tooLarge, type BodyResult } from './server/reply.js';
import { checkBasePath, stripBasePath } from './server/base-path.js';
// Not the option schema: it would load the profiles and locales into this light entry.
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS } from './server/limits.js';

export interface HandlerOptions {
  /** Request bodies above this many bytes are refused with 413. Default 16 KiB, as the service. */
  maxBodyBytes?: number;
  /** `*` or one origin whose pages may call the API (CORS). Default: none. */
  corsOrigin?: string;
  /**
   * Where the handler is mounted, e.g. `/api/password` for a framework route `/api/password/*`:
   * requests under it are answered with the prefix taken off, any other path is a 404, and
   * /openapi.json names it as its server. Default `/`.
   */
  basePath?: string;
  /**
   * The whole body must arrive within this many ms, else 408 (a stalled or slow-drip stream
   * would otherwise hold the request forever). Default 10 000, the service's request limit.
   */
  bodyTimeoutMs?: number;
  /** Enables POST /v1/chosen (a checker with `popularity`), for callers presenting `Authorization: Bearer <recordToken>`. */
  recordToken?: string;
}

// The service's request limit, its default and its maximum.
const DEFAULT_BODY_TIMEOUT_MS = DEFAULT_REQUEST_TIMEOUT_MS;
const MAX_BODY_TIMEOUT_MS = MAX_REQUEST_TIMEOUT_MS;
const routes = apiRoutes<ApiState>();
/** A path no route answers (routes never contain a space): what a request outside basePath becomes. */
const OUTSIDE = '/ (outside basePath)';

/**
 * Reads a body up to `limit` bytes within `timeoutMs`, refusing early on a declared length above
 * the limit. The deadline covers the whole body, not each chunk: a stream dripping a byte at a
 * time is as stuck as one that stalls.
 */
async function readBody(request: Request, limit: number, timeoutMs: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return { ok: false, reply: tooLarge(limit) };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === 'late') {
        void reader.cancel().catch(() => undefined);
        return { ok: false, reply: tooSlow(timeoutMs) };
      }
      const { done, value } = next;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        return { ok: false, reply: tooLarge(limit) };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reply: errorReply(400, 'BAD_REQUEST', 'the request body could not be read') };
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}

const tooSlow = (ms: number) =>
  // Close the connection: what is left of the body is not worth waiting for.
  errorReply(408, 'REQUEST_TIMEOUT', `the request body did not arrive within ${ms} ms`, { connection: 'close' });

/** A handler answering the passgate API with this checker. */
export function createHandler(checker: Checker, options: HandlerOptions = {}): (request: Request) => Promise<Response> {
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (typeof bodyTimeoutMs !== 'number' || !Number.isInteger(bodyTimeoutMs) || bodyTimeoutMs < 1 || bodyTimeoutMs > MAX_BODY_TIMEOUT_MS) {
    throw new RangeError(`\`bodyTimeoutMs\` must be an integer in 1..${MAX_BODY_TIMEOUT_MS}`);
  }
  const basePath = checkBasePath(options.basePath);
  const state: ApiState = {
    checker,
    generation: 1,
    loadedAt: new Date().toISOString(),
    policy: textBody(JSON.stringify(checker.policy()), 'application/json; charset=utf-8'),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    corsOrigin: options.corsOrigin,
    basePath,
    recordToken: options.recordToken,
  };
  return async (request) => {
    const url = new URL(request.url);
    // Outside the prefix: a path no route has, so the core answers its usual 404.
    const path = stripBasePath(url.pathname, basePath) ?? OUTSIDE;
    const core: CoreRequest = {
      method: request.method,
      target: path + url.search,
      header: (name) => request.headers.get(name) ?? undefined,
      body: (limit) => readBody(request, limit, bodyTimeoutMs),
    };
    const { reply } = await serveRequest(core, state, routes);
    const headers = new Headers({ ...BASE_HEADERS, ...reply.headers });
    const body = typeof reply.body === 'string' ? new TextEncoder().encode(reply.body) : reply.body;
    if (body) headers.set('content-length', String(body.byteLength));
    const empty = request.method === 'HEAD' || reply.status === 204 || reply.status === 304;
    return new Response(empty || !body ? null : (body as Uint8Array<ArrayBuffer>), { status: reply.status, headers });
  };
}
