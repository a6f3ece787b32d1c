import type { PasswordContext } from '../types.js';
import { CONTEXT_FIELDS, MAX_EXTRA_TERMS } from '../detect/context.js';
import { codePointLength } from '../normalise/normalise.js';
import { MAX_PREVIOUS_HASHES, parseHash } from '../rotation/hash-format.js';

/** A validated `POST /v1/evaluate` body. */
export interface EvaluateRequest {
  readonly password: string;
  readonly context: PasswordContext | undefined;
  readonly locale: string | undefined;
}

export type Parsed = { ok: true; value: EvaluateRequest } | { ok: false; code: string; message: string };

// One decoder for every request: constructing a TextDecoder costs more than most decodes, and a
// non-streaming decode keeps no state between calls.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });


/**
 * Parses and validates the body. Reasons describe the shape only: they never quote the body, not
 * even a field name, because the body holds a password (JSON.parse's own message would quote it,
 * so it is dropped; a client may put the password where a key belongs).
 */
export function parseEvaluateRequest(bytes: Uint8Array, maxLength = Infinity): Parsed {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return bad('MALFORMED_JSON', 'the body is not valid UTF-8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad('MALFORMED_JSON', 'the body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return bad('INVALID_REQUEST', 'the body must be a JSON object');
  // The keys are checked in place rather than gathered into a rest object per request.
  for (const key of Object.keys(body)) {
    if (key !== 'password' && key !== 'context' && key !== 'locale') return bad('INVALID_REQUEST', 'unknown field in the body (known: password, context, locale)');
  }
  const { password, context, locale } = body as Record<string, unknown>;
  if (password === undefined) return bad('INVALID_REQUEST', "'password' is required");
  if (typeof password !== 'string') return bad('INVALID_REQUEST', "'password' must be a string");
  if (locale !== undefined && typeof locale !== 'string') return bad('INVALID_REQUEST', "'locale' must be a string");
  const ctx = parseContext(context, maxLength);
  if (typeof ctx === 'string') return bad('INVALID_REQUEST', ctx);
  return { ok: true, value: { password, context: ctx, locale } };
}

/** The rotation fields: secrets, checked here so a bad one is a 400 whose reason never quotes it. */
function rotationField(key: string, v: unknown, maxLength: number): string | null {
  if (key === 'previousPassword') {
    if (typeof v !== 'string') return "'context.previousPassword' must be a string";
    if (v.length > 2 * maxLength || codePointLength(v) > maxLength) return `'context.previousPassword' must be at most ${maxLength} characters`;
    return null;
  }
  if (!Array.isArray(v) || v.length > MAX_PREVIOUS_HASHES || v.some((h) => typeof h !== 'string')) {
    return `'context.previousPasswordHashes' must be an array of at most ${MAX_PREVIOUS_HASHES} strings`;
  }
  for (let i = 0; i < v.length; i++) {
    try {
      parseHash(v[i], `context.previousPasswordHashes[${i}]`);
    } catch (e) {
      // parseHash's messages name the position and the problem, never the hash.
      return (e as Error).message.replaceAll('`', "'");
    }
  }
  return null;
}

function parseContext(value: unknown, maxLength: number): PasswordContext | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return "'context' must be an object";
  const out: PasswordContext = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'extraTerms') {
      if (!Array.isArray(v) || v.length > MAX_EXTRA_TERMS || v.some((t) => typeof t !== 'string')) {
        return `'context.extraTerms' must be an array of at most ${MAX_EXTRA_TERMS} strings`;
      }
      out.extraTerms = v as string[];
    } else if (key === 'previousPassword' || key === 'previousPasswordHashes') {
      const problem = rotationField(key, v, maxLength);
      if (problem !== null) return problem;
      if (key === 'previousPassword') out.previousPassword = v as string;
      else out.previousPasswordHashes = v as string[];
    } else if ((CONTEXT_FIELDS as readonly string[]).includes(key)) {
      if (typeof v !== 'string') return `'context.${key}' must be a string`;
      out[key as (typeof CONTEXT_FIELDS)[number]] = v;
    } else {
      return `unknown field in 'context' (known: ${CONTEXT_FIELDS.join(', ')}, extraTerms, previousPassword, previousPasswordHashes)`;
    }
  }
  return out;
}

const bad = (code: string, message: string): Parsed => ({ ok: false, code, message });
