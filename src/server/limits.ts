/**
 * The service's limits and defaults, in a module of their own so that `passgate/fetch` can share
 * them without loading the option schema (profiles, locales): src/option-schema.ts lists them
 * with their config keys and flags.
 */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** Request bodies above this are refused with 413 (`passgate serve` and `passgate/fetch`). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
export const MIN_BODY_BYTES_LIMIT = 256;
export const MAX_BODY_BYTES_LIMIT = 1024 * 1024;
/** A request (or a fetch handler's body) must arrive within this time. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const MIN_REQUEST_TIMEOUT_MS = 100;
export const MAX_REQUEST_TIMEOUT_MS = 600_000;
export const DEFAULT_PAGE_FILTER_MAX_BYTES = 64 << 20;
