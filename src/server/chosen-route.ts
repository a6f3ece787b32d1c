/**
 * POST /v1/chosen: the application tells the service a password was set, so its root counts
 * towards the organisation's popular passwords (Checker.recordChosen). Guarded by a bearer token
 * from the configuration (`popularity.recordToken`): whoever can record can push a root to the
 * limit, so only the application's back end may. No Node built-in: passgate/fetch shares it.
 *
 * Answers: 204 counted; 401 without the right token (`WWW-Authenticate: Bearer`); 404 when the
 * service has no popularity store or no token (the route is off: nobody can record through it);
 * 400 for a body other than `{ "password": "…" }` or a password over maxLength; 413 over the
 * body limit; 503 when the store fails. The body and the Authorization header are never logged
 * (the logger only sees the route template and status).
 */
import type { Checker } from '../checker.js';
import { errorReply, type Reply } from './reply.js';
import type { CoreRequest } from './core.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export interface ChosenState {
  readonly checker: Checker;
  readonly recordToken?: string | undefined;
  readonly maxBodyBytes: number;
}

export async function recordChosen(state: ChosenState, request: CoreRequest): Promise<Reply> {
  const token = state.recordToken;
  if (!token) return errorReply(404, 'NOT_FOUND', 'no such resource');
  if (!(await tokenMatches(request.header('authorization'), token))) {
    return errorReply(401, 'UNAUTHORIZED', 'a valid bearer token is required', { 'www-authenticate': 'Bearer realm="passgate"' });
  }
  const body = await request.body(state.maxBodyBytes);
  if (!body.ok) return body.reply;
  const password = parsePassword(body.bytes);
  if (typeof password !== 'string') return errorReply(400, password.code, password.message);
  try {
    await state.checker.recordChosen(password);
  } catch (err) {
    if (err instanceof TypeError) return errorReply(404, 'NOT_FOUND', 'no such resource'); // a checker without popularity
    if (err instanceof RangeError) return errorReply(400, 'INVALID_REQUEST', "'password' is longer than the maximum length");
    // PopularityStoreError's message names the failure, never the URL or the password.
    const reason = err instanceof Error && err.name === 'PopularityStoreError' ? err.message : 'the popularity store failed';
    return errorReply(503, 'POPULARITY_UNAVAILABLE', reason, { 'retry-after': '1' });
  }
  return { status: 204, headers: { 'cache-control': 'no-store' } };
}

/** Reasons describe the shape only, never the body (it holds a password). */
function parsePassword(bytes: Uint8Array): string | { code: string; message: string } {
  let body: unknown;
  try {
    body = JSON.parse(strictUtf8.decode(bytes));
  } catch {
    return { code: 'MALFORMED_JSON', message: 'the body is not valid UTF-8 JSON' };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { code: 'INVALID_REQUEST', message: 'the body must be a JSON object' };
  const { password, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return { code: 'INVALID_REQUEST', message: 'unknown field in the body (known: password)' };
  if (typeof password !== 'string') return { code: 'INVALID_REQUEST', message: "'password' must be a string" };
  return password;
}

/**
 * Compares the presented token with the configured one in constant time: both are hashed
 * (SHA-256, WebCrypto) and the digests compared without an early exit, so neither the length
 * nor the first differing byte shows in the timing.
 */
async function tokenMatches(header: string | undefined, token: string): Promise<boolean> {
  if (header === undefined) return false;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const given = m ? m[1]! : '';
  const [a, b] = await Promise.all([digest(given), digest(token)]);
  let diff = m ? 0 : 1;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
}
