/**
 * `passgate/zitadel`: a ZITADEL Actions v2 target. ZITADEL POSTs
 * `{ fullMethod, instanceID, orgID, projectID, userID, request }` for a request execution; this
 * handler finds the new password in the user service's request, judges it, and answers:
 *   - 200 with the `request` unchanged when the password is accepted or the call sets none
 *     (a hash, a method without a password), so it serves a `restWebhook` and a `restCall`;
 *   - 400 with the reasons (codes and messages, never the password) when it is rejected — with
 *     `interruptOnError` set on the target, ZITADEL then refuses the API call;
 *   - 401 when the `ZITADEL-Signature` header does not verify, 400/413 on a malformed body.
 * A standard (Request) => Promise<Response>, no Node built-ins: Node ≥ 20, Bun, Deno, workers.
 * docs/integrations.md has the target and execution to create.
 */
import type { Checker } from '../checker.js';
import type { PasswordContext } from '../types.js';
import { rejectionBody } from './shared.js';

/**
 * Where each user-service method carries the new password (proto JSON names): SetPassword's
 * `newPassword.password`; AddHumanUser's `password.password`; CreateUser's
 * `human.password.password`. Both v2 and v2beta paths.
 */
export const ZITADEL_PASSWORD_METHODS: Readonly<Record<string, readonly string[]>> = {
  '/zitadel.user.v2.UserService/SetPassword': ['newPassword', 'password'],
  '/zitadel.user.v2.UserService/AddHumanUser': ['password', 'password'],
  '/zitadel.user.v2.UserService/CreateUser': ['human', 'password', 'password'],
  '/zitadel.user.v2beta.UserService/SetPassword': ['newPassword', 'password'],
  '/zitadel.user.v2beta.UserService/AddHumanUser': ['password', 'password'],
};

export interface ZitadelHandlerOptions {
  /** The target's signing key (returned when the target is created). Required: unsigned calls are refused. */
  signingKey: string;
  /** How old a signature may be, in seconds. Default 300, as ZITADEL's own verifier. */
  toleranceSeconds?: number;
  /** The largest body read. Default 64 KiB. */
  maxBodyBytes?: number;
  /** The locale of the messages; default: the checker's. */
  locale?: string;
  /** The clock (tests). */
  now?: () => number;
}

export const ZITADEL_SIGNATURE_HEADER = 'zitadel-signature';
const encoder = new TextEncoder();

/** Verifies `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (any of several v1 values). */
export async function verifyZitadelSignature(body: Uint8Array, header: string | null, signingKey: string, toleranceSeconds = 300, now = Date.now()): Promise<boolean> {
  if (!header || header.length > 2048 || !signingKey) return false;
  let t: number | undefined;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(',', 16)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Uint8Array.from(value.match(/../g)!, (h) => parseInt(h, 16)));
  }
  if (t === undefined || signatures.length === 0 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(signingKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const prefix = encoder.encode(`${t}.`);
  const signed = new Uint8Array(prefix.byteLength + body.byteLength);
  signed.set(prefix);
  signed.set(body, prefix.byteLength);
  // subtle.verify compares in constant time.
  for (const s of signatures) if (await crypto.subtle.verify('HMAC', key, s, signed)) return true;
  return false;
}

const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return null;
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > limit ? null : bytes;
}

const dig = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined), value);

/** Names and email the add/create requests carry (SetPassword carries only the user's id). */
function contextOf(request: unknown): PasswordContext | undefined {
  const human = dig(request, ['human']) ?? request;
  const context: PasswordContext = {};
  const set = (field: 'username' | 'firstName' | 'lastName' | 'displayName' | 'email', value: unknown) => {
    if (typeof value === 'string' && value !== '') context[field] = value;
  };
  set('username', dig(request, ['username']));
  set('firstName', dig(human, ['profile', 'givenName']));
  set('lastName', dig(human, ['profile', 'familyName']));
  set('displayName', dig(human, ['profile', 'displayName']));
  set('email', dig(human, ['email', 'email']));
  return Object.keys(context).length > 0 ? context : undefined;
}

export function createZitadelHandler(checker: Checker, options: ZitadelHandlerOptions): (request: Request) => Promise<Response> {
  if (typeof options?.signingKey !== 'string' || options.signingKey === '') throw new TypeError('createZitadelHandler needs the target\'s signingKey');
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const tolerance = options.toleranceSeconds ?? 300;
  const now = options.now ?? Date.now;
  return async (request) => {
    if (request.method !== 'POST') return error(405, 'METHOD_NOT_ALLOWED', 'use POST');
    const body = await readBody(request, limit);
    if (!body) return error(413, 'BODY_TOO_LARGE', `the request body is larger than ${limit} bytes`);
    if (!(await verifyZitadelSignature(body, request.headers.get(ZITADEL_SIGNATURE_HEADER), options.signingKey, tolerance, now()))) {
      return error(401, 'BAD_SIGNATURE', 'the ZITADEL-Signature header is missing, stale or does not match the body');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return error(400, 'MALFORMED_JSON', 'the body is not valid JSON');
    }
    const fullMethod = dig(payload, ['fullMethod']);
    const inner = dig(payload, ['request']);
    const path = typeof fullMethod === 'string' && Object.hasOwn(ZITADEL_PASSWORD_METHODS, fullMethod) ? ZITADEL_PASSWORD_METHODS[fullMethod]! : null;
    const password = path ? dig(inner, path) : undefined;
    // Nothing to judge (a hashed password, another method): let the call through unchanged.
    if (typeof password !== 'string') return json(200, inner ?? {});
    const result = await checker.evaluateAsync(password, contextOf(inner), options.locale === undefined ? undefined : { locale: options.locale });
    return result.accepted ? json(200, inner) : json(400, rejectionBody(result));
  };
}
