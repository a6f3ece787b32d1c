import { portableSha1Hex } from '../filter/sha1-portable.js';

/**
 * What a route answers, independent of the transport: the node:http server (node-io.ts) and the
 * fetch handler (src/fetch.ts) both write it. Nothing here may import a Node built-in.
 */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** A static text body worth compressing when the client accepts it (page, word lists). */
  readonly compressible?: boolean;
}

/** An error answer with a stable code and a reason that never quotes the request. */
export function errorReply(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return json(status, { error: { code, message } }, headers);
}

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    headers: headers ? { ...JSON_HEADERS, ...headers } : JSON_HEADERS,
    body: JSON.stringify(value),
  };
}

/** The headers of a JSON answer with none of its own: one shared object (replies are never mutated). */
export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; reply: Reply };

export const tooLarge = (limit: number): Reply =>
  // Close the connection: the rest of an oversized body is not worth reading.
  errorReply(413, 'BODY_TOO_LARGE', `the request body is larger than ${limit} bytes`, { connection: 'close' });

/** Headers every answer carries. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** A response body the server can send with validators (ETag) and a content type. */
export interface StaticBody {
  readonly body: Uint8Array;
  readonly type: string;
  readonly etag: string;
  /** Worth compressing although not text (the character model: a quarter smaller). Default: text types only. */
  readonly compress?: boolean;
}

const encoder = new TextEncoder();

/**
 * A text body tagged by its SHA-1 (the portable one, so the fetch handler can tag bodies in any
 * runtime). The tag is a validator, not a secret: any digest that changes with the text will do.
 */
export function textBody(text: string, type: string): StaticBody {
  return { body: encoder.encode(text), type, etag: `"${portableSha1Hex(text).slice(0, 27)}"` };
}

/** Answers 304 when the client already holds this version, else the body with its validator. */
export function conditional(ifNoneMatch: string | undefined, file: StaticBody, cacheControl = 'no-cache'): Reply {
  const headers = { etag: file.etag, 'cache-control': cacheControl };
  // A compressed copy carries the same tag with `-br`/`-gz` (compress.ts): it is as current.
  const held = (t: string) => t.trim().replace(/^W\//, '').replace(/-(br|gz)"$/, '"') === file.etag;
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some(held)) {
    return { status: 304, headers };
  }
  return { status: 200, headers: { ...headers, 'content-type': file.type }, body: file.body, compressible: file.compress ?? isText(file.type) };
}

const isText = (type: string): boolean => /^(text\/|application\/json)/.test(type);
