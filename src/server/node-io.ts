import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, JSON_HEADERS, errorReply, tooLarge, type BodyResult, type Reply } from './reply.js';
import { compressed } from './compress.js';

/**
 * Reads a request body up to `limit` bytes. node:http has parsed the request and undone chunked
 * encoding; this only counts bytes, refusing early on a Content-Length above the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve({ ok: false, reply: tooLarge(limit) });
  // A second read of the same request gets the first one's result (the listeners are shared
  // functions: adding them twice would count each chunk twice).
  const reading = (req as Reading)[READING];
  if (reading) return reading.result;
  let resolve!: (result: BodyResult) => void;
  const result = new Promise<BodyResult>((r) => (resolve = r));
  // The reading state rides on the request and the listeners are shared functions: no closure
  // or once-wrapper per request (they were the service's largest allocation after the answer).
  (req as Reading)[READING] = new BodyReading(limit, resolve, result);
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onError);
  req.on('aborted', onAborted);
  return result;
}

const READING = Symbol('passgate.body');
type Reading = IncomingMessage & { [READING]?: BodyReading };

class BodyReading {
  readonly chunks: Buffer[] = [];
  size = 0;
  done = false;
  constructor(
    readonly limit: number,
    readonly resolve: (result: BodyResult) => void,
    readonly result: Promise<BodyResult>,
  ) {}
}

/** Settles the read once; later events (the end after an abort, a second error) change nothing. */
function settle(req: Reading, result: BodyResult): void {
  const r = req[READING];
  if (!r || r.done) return;
  r.done = true;
  req.off('data', onData);
  r.resolve(result);
}

function onData(this: Reading, chunk: Buffer): void {
  const r = this[READING];
  if (!r || r.done) return;
  r.size += chunk.length;
  if (r.size > r.limit) {
    r.chunks.length = 0;
    settle(this, { ok: false, reply: tooLarge(r.limit) });
    this.resume(); // discard the rest rather than buffer it
    return;
  }
  r.chunks.push(chunk);
}

function onEnd(this: Reading): void {
  const r = this[READING];
  if (r) settle(this, { ok: true, bytes: r.chunks.length === 1 ? r.chunks[0]! : Buffer.concat(r.chunks, r.size) });
}

function onError(this: Reading): void {
  settle(this, { ok: false, reply: errorReply(400, 'BAD_REQUEST', 'the request body could not be read') });
}

function onAborted(this: Reading): void {
  settle(this, { ok: false, reply: errorReply(400, 'BAD_REQUEST', 'the request was aborted') });
}

/**
 * The head of a JSON answer with no header of its own (most answers), as node:http's flat
 * [name, value, …] list with the Content-Length slot last: the same names, values and order as
 * merging BASE_HEADERS, JSON_HEADERS and the length (wire-bytes.test.ts), copied per answer
 * instead of merged from two objects and walked key by key.
 */
const JSON_ANSWER_HEAD: readonly (string | number)[] = [...Object.entries({ ...BASE_HEADERS, ...JSON_HEADERS }).flat(), 'content-length', 0];

/**
 * Writes a reply, compressed when it is a static text body and the client accepts br or gzip.
 * Returns a promise only when it compresses (off the event loop); anything else is written at
 * once, without an await per answer.
 */
export function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> | undefined {
  const body = reply.body;
  if (reply.compressible && body !== undefined && typeof body !== 'string') return writeCompressed(req, res, reply, body);
  if (reply.headers === JSON_HEADERS && body !== undefined) {
    if (res.headersSent || res.destroyed) return undefined;
    const head = JSON_ANSWER_HEAD.slice();
    head[head.length - 1] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    res.writeHead(reply.status, head as string[]);
    res.end(body);
    return undefined;
  }
  write(res, reply.status, { ...BASE_HEADERS, ...reply.headers }, body);
  return undefined;
}

async function writeCompressed(req: IncomingMessage, res: ServerResponse, reply: Reply, raw: Uint8Array): Promise<void> {
  const headers: Record<string, string | number> = { ...BASE_HEADERS, ...reply.headers };
  let body = raw;
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  const packed = await compressed(raw, req.headers['accept-encoding'], typeof headers.etag === 'string' ? headers.etag : undefined);
  if (packed) {
    body = packed.body;
    headers['content-encoding'] = packed.encoding;
    if (packed.etag) headers.etag = packed.etag;
  }
  write(res, reply.status, headers, body);
}

function write(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Uint8Array | undefined): void {
  if (body !== undefined) headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (res.headersSent || res.destroyed) return;
  // For HEAD, node:http sends these headers (Content-Length included) and drops the body. A
  // string body stays a string: node:http then sends head and body in one write, not a writev
  // of two buffers (which cost the service a quarter of its CPU under load).
  res.writeHead(status, headers);
  res.end(body);
}
