/**
 * `popularity` options, validated at construction like every other option. Portable (no Node
 * built-ins): src/options.ts imports it, and the browser entry refuses the feature later, where
 * the platform says it has no store (engine/state.ts).
 */
import { DEFAULT_EXPECTED_ACCOUNTS, MAX_EXPECTED_ACCOUNTS, MAX_LIMIT, MIN_LIMIT, sketchSize, type SketchSize } from './sizing.js';

export interface PopularityOptions {
  /** Refuse a password once this many recorded passwords share its root (2–1000). */
  limit: number;
  /** The deployment's secret (≥ 16 bytes; a string counts its UTF-8 bytes): keys every counter position. */
  secret: string | Uint8Array;
  /** A Redis server shared by every replica (`redis://` or `rediss://`); omitted: counts kept in process. */
  redisUrl?: string;
  /** In-process counts are snapshotted to this file (written atomically) and read back at start. */
  file?: string;
  /** Per Redis command, default 500 ms. */
  timeoutMs?: number;
  /** When the store cannot answer: 'reject' (default, fail closed) or 'accept' (fail open, with a warning). */
  onError?: 'reject' | 'accept';
  /** Accounts expected to record a password: sizes the sketch (default 100 000; README table). */
  expectedAccounts?: number;
}

export interface ResolvedPopularity {
  readonly limit: number;
  readonly secret: Uint8Array;
  readonly redisUrl: string | undefined;
  readonly file: string | undefined;
  readonly timeoutMs: number;
  readonly onError: 'reject' | 'accept';
  readonly size: SketchSize;
}

export const DEFAULT_POPULARITY_TIMEOUT_MS = 500;
const KNOWN = new Set(['limit', 'secret', 'redisUrl', 'file', 'timeoutMs', 'onError', 'expectedAccounts']);

/** Throws TypeError/RangeError naming the option, never quoting the secret or a URL's password. */
export function resolvePopularity(value: unknown): ResolvedPopularity | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('`popularity` must be an object');
  for (const key of Object.keys(value)) if (!KNOWN.has(key)) throw new TypeError(`Unknown option \`popularity.${key.slice(0, 40)}\``);
  const o = value as Partial<PopularityOptions>;
  const int = (name: string, v: unknown, dflt: number | undefined, min: number, max: number): number => {
    if (v === undefined && dflt !== undefined) return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`\`popularity.${name}\` must be an integer`);
    if (v < min || v > max) throw new RangeError(`\`popularity.${name}\` must be between ${min} and ${max}`);
    return v;
  };
  const limit = int('limit', o.limit, undefined, MIN_LIMIT, MAX_LIMIT);
  if (o.redisUrl !== undefined && (typeof o.redisUrl !== 'string' || !/^rediss?:\/\/[^\s]+$/i.test(o.redisUrl))) {
    throw new TypeError('`popularity.redisUrl` must be a redis:// or rediss:// URL');
  }
  if (o.file !== undefined && (typeof o.file !== 'string' || o.file === '')) throw new TypeError('`popularity.file` must be a non-empty path');
  if (o.redisUrl !== undefined && o.file !== undefined) throw new TypeError('`popularity` takes `redisUrl` or `file`, not both');
  const onError = o.onError ?? 'reject';
  if (onError !== 'reject' && onError !== 'accept') throw new TypeError("`popularity.onError` must be 'reject' or 'accept'");
  const accounts = int('expectedAccounts', o.expectedAccounts, DEFAULT_EXPECTED_ACCOUNTS, 1, MAX_EXPECTED_ACCOUNTS);
  return {
    limit,
    secret: secretBytes(o.secret),
    redisUrl: o.redisUrl,
    file: o.file,
    timeoutMs: int('timeoutMs', o.timeoutMs, DEFAULT_POPULARITY_TIMEOUT_MS, 1, 60_000),
    onError,
    size: sketchSize(accounts, MIN_LIMIT),
  };
}

/** A secret as bytes (a copy; a string is its UTF-8): at least 16 of them. Errors name the option only. */
export function secretBytes(secret: unknown): Uint8Array {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret instanceof Uint8Array ? secret.slice() : null;
  if (!bytes) throw new TypeError('`popularity.secret` must be a string or a Uint8Array');
  if (bytes.length < 16) throw new RangeError('`popularity.secret` must be at least 16 bytes long');
  return bytes;
}
