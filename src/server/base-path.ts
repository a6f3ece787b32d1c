/**
 * `createHandler(checker, { basePath })`: the prefix a framework mounts the handler under
 * (`/api/password` for Hono's `/api/password/*` or a Next.js catch-all). Validated once, when the
 * handler is made, so a typo fails at start-up rather than as a 404 on every request.
 * No Node built-ins: the fetch handler runs in any runtime.
 */

/** Longer than any sensible mount point; bounds the work per request. */
export const MAX_BASE_PATH_LENGTH = 256;

// Segments of URL path characters (RFC 3986 pchar, percent escapes included) — no `?`, `#`,
// space, backslash or empty segment (`//`).
const SHAPE = /^(?:\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/;

/** The base path as the handler uses it ('' for the root), or a TypeError saying what is wrong. */
export function checkBasePath(value: unknown): string {
  if (value === undefined || value === '/') return '';
  if (typeof value !== 'string') throw new TypeError('basePath must be a string such as "/api/password"');
  if (value.length > MAX_BASE_PATH_LENGTH) throw new RangeError(`basePath must be at most ${MAX_BASE_PATH_LENGTH} characters`);
  if (!value.startsWith('/')) throw new TypeError('basePath must start with "/" (e.g. "/api/password")');
  if (value.endsWith('/')) throw new TypeError('basePath must not end with "/" (except the root, "/")');
  if (!SHAPE.test(value)) throw new TypeError('basePath must be "/"-separated path segments (no empty segment, query, fragment or space)');
  // A URL parser resolves dot segments before the handler sees the path, so a prefix holding one
  // could never match.
  if (value.split('/').some((s) => s === '.' || s === '..')) throw new TypeError('basePath must not contain "." or ".." segments');
  return value;
}

/**
 * The path the routes see: `pathname` without the prefix (`/api/password/v1/evaluate` →
 * `/v1/evaluate`; the prefix itself → `/`), or null when the path is outside it
 * (`/api/passwords/v1/evaluate` included: a prefix matches whole segments only).
 */
export function stripBasePath(pathname: string, basePath: string): string | null {
  if (basePath === '') return pathname;
  if (!pathname.startsWith(basePath)) return null;
  const rest = pathname.slice(basePath.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : null;
}
