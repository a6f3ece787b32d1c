/**
 * How a filter gets SHA-1 digests for 'sha1' filters: a function from a password to its SHA-1
 * (of the UTF-8 bytes) as 40 hex digits. Two implementations exist so that the browser build
 * never reaches `node:crypto`: `sha1-portable.ts` (pure JS, the default everywhere) and
 * `sha1-node.ts` (Node's native crypto, ~2–5× faster; used by the Node entry `node.ts`).
 * Lone surrogates encode as U+FFFD in both (TextEncoder and Node's UTF-8 conversion agree).
 */
export type Sha1Hex = (password: string) => string;
