import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; the server writes it (and logs only its status). */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** An error answer with a stable code and a reason that never quotes the request. */
export function errorReply(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return json(status, { error: { code, message } }, headers);
}

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; reply: Reply };

export const tooLarge = (limit: number): Reply =>
  // Close the connection: the rest of an oversized body is not worth reading.
  errorReply(413, 'BODY_TOO_LARGE', `the request body is larger than ${limit} bytes`, { connection: 'close' });

/**
 * Reads a request body up to `limit` bytes. node:http has parsed the request and undone chunked
 * encoding; this only counts bytes, refusing early on a Content-Length above the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve({ ok: false, reply: tooLarge(limit) });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, reply: tooLarge(limit) });
        req.resume(); // discard the rest rather than buffer it
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, bytes: Buffer.concat(chunks, size) }));
    req.once('error', () => finish({ ok: false, reply: errorReply(400, 'BAD_REQUEST', 'the request body could not be read') }));
    req.once('aborted', () => finish({ ok: false, reply: errorReply(400, 'BAD_REQUEST', 'the request was aborted') }));
  });
}

const BASE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...BASE_HEADERS, ...reply.headers };
  const body = reply.body === undefined ? undefined : typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  if (body) headers['content-length'] = body.byteLength;
  res.writeHead(reply.status, headers);
  res.end(body);
}
