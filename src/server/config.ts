import { ConfigError } from './config-error.js';
import { readStable } from './stable-read.js';
import { FileLimits } from '../io/regular-file.js';
import { dirname, resolve } from 'node:path';
import type { Mode, ProfileName } from '../types.js';
import { OPTION_IDS, OPTION_SCHEMA, type OptionId } from '../option-schema.js';
import { checkValue } from '../option-check.js';
import { MAX_EXPECTED_ACCOUNTS, MAX_LIMIT, MIN_LIMIT } from '../popularity/sizing.js';
import { resolveMessages } from '../wording/overrides.js';
import type { Messages } from '../wording/messages.js';

/**
 * What `passgate serve` is configured with, from a JSON file, flags or code. File paths are kept
 * (not their contents) so a reload can read them again and a watcher knows what to watch.
 */
export interface ServiceConfig {
  profile?: ProfileName;
  /** Custom banned terms, one a line (`#` comments): at most 1000, 4–16 characters each. */
  customTermsFile?: string;
  /** Replaces the shipped global banned list (one term a line). */
  globalTermsFile?: string;
  /**
   * The breached filter the service AND the page use: a file built by `passgate build`, or false
   * for none. Default: the library's default (data/breached-1m.pgf), so the service judges as
   * `createChecker()` does; see docs/service.md.
   */
  breachedFile?: string | false;
  minLength?: number;
  maxLength?: number;
  mfa?: boolean;
  locale?: string;
  mode?: Mode;
  host?: string;
  port?: number;
  /**
   * `*`, or the one origin (`https://reset.example.com`) whose pages may call the service from a
   * browser: CORS headers and preflight answers for it. Default: none (same origin only).
   */
  corsOrigin?: string;
  /**
   * A reload that finds the custom terms file empty (no terms: truncated, or comments only) while
   * the running list has terms fails, keeping the running list, unless this is true. Default false.
   */
  allowEmptyCustomTerms?: boolean;
  /** The same for the global terms file. Default false. */
  allowEmptyGlobalTerms?: boolean;
  limits?: Limits;
  /** Refuse passwords too many of this organisation's accounts chose (README "Popular passwords"). */
  popularity?: ServicePopularity;
  /**
   * Your wording, as the library's `messages` option (README "Your own wording"), templates only:
   * the page gets the same object, so its provisional wording is the service's.
   */
  messages?: Messages;
}

/** The library's `popularity` options, plus the token that guards POST /v1/chosen. */
export interface ServicePopularity {
  limit: number;
  /** At least 16 bytes; never logged or echoed (errors name the setting only). */
  secret: string;
  redisUrl?: string;
  file?: string;
  timeoutMs?: number;
  onError?: 'reject' | 'accept';
  expectedAccounts?: number;
  /**
   * `Authorization: Bearer <recordToken>` is required by POST /v1/chosen (401 without it). Without
   * a token the route answers 404: nobody can record, so nobody can ban a root through it.
   */
  recordToken?: string;
}

export interface Limits {
  /** Request bodies above this are refused with 413. Default 16 KiB. */
  maxBodyBytes?: number;
  /** A request must arrive completely within this time. Default 10 s. */
  requestTimeoutMs?: number;
  /**
   * A `breachedFile` larger than this is opened by path (streamed part by part, as filters of any
   * size are) and not sent to the page, which then gets the shipped small tier. Default 64 MiB.
   */
  pageFilterMaxBytes?: number;
}

export { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_PAGE_FILTER_MAX_BYTES } from '../option-schema.js';

export { ConfigError };

type Check = (value: unknown, where: string) => unknown;

const str: Check = (v, w) => {
  if (typeof v !== 'string' || v === '') throw new ConfigError(`${w} must be a non-empty string`);
  return v;
};
const int =
  (min: number, max: number): Check =>
  (v, w) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new ConfigError(`${w} must be a whole number from ${min} to ${max}`);
    }
    return v;
  };

/**
 * A setting's check, from its kind in the option schema (src/option-schema.ts). A checker
 * option is checked by the library's rule, its message naming the setting; the value is kept as
 * given (a locale tag stays a tag). Term lists and the filter are files here (read at load).
 * Rules between settings (lengths for a profile) apply to the merged layers, in createChecker.
 */
function settingCheck(id: OptionId): Check {
  const kind = OPTION_SCHEMA[id].kind;
  if (id === 'messages') return messagesCheck;
  if (kind.type === 'terms') return str;
  if (kind.type === 'breached') return (v, w) => (v === false ? false : str(v, w));
  if (kind.type === 'object') return () => undefined; // nested: NESTED below
  return (v, w) => {
    try {
      checkValue(id, v, () => w);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
    return v;
  };
}

/**
 * `messages`: templates only (a JSON file holds no functions; from code, a function could not
 * reach the page, whose wording would then differ), checked as createChecker checks them, so a
 * misspelt code or placeholder is a config error naming it, at start and on reload.
 */
const messagesCheck: Check = (v, w) => {
  const fn = functionAt(v, 'messages');
  if (fn !== null) throw new ConfigError(`${w} holds a function at '${fn}'; the service takes templates only (its page gets the same wording)`);
  try {
    resolveMessages(v);
  } catch (err) {
    throw new ConfigError(`${w} is not valid: ${(err as Error).message}`);
  }
  return v;
};

/** The path of the first function inside `v` (bounded: messages nest three levels), or null. */
function functionAt(v: unknown, path: string, depth = 0): string | null {
  if (typeof v === 'function') return path;
  if (depth > 3 || v === null || typeof v !== 'object') return null;
  for (const [k, inner] of Object.entries(v)) {
    const found = functionAt(inner, `${path}.${k.slice(0, 40)}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The config's keys, top level and nested (`limits.maxBodyBytes`), each with its check. */
const FIELDS: Record<string, Check> = {};
const NESTED: Record<string, Record<string, Check>> = {};
for (const id of OPTION_IDS) {
  const key = OPTION_SCHEMA[id].config;
  if (key === undefined) continue;
  const [outer, inner] = key.split('.') as [string, string | undefined];
  if (inner === undefined) FIELDS[key] = settingCheck(id);
  else (NESTED[outer] ??= {})[inner] = settingCheck(id);
}
for (const outer of Object.keys(NESTED)) FIELDS[outer] = () => undefined;

/** A secret-bearing string: its length is checked, its value never shown. */
const secretString =
  (min: number): Check =>
  (v, w) => {
    if (typeof v !== 'string' || v.length < min) throw new ConfigError(`${w} must be a string of at least ${min} characters`);
    return v;
  };

// The library's popularity options (src/popularity/options.ts checks them again) plus the token.
NESTED.popularity = {
  limit: int(MIN_LIMIT, MAX_LIMIT),
  secret: secretString(16),
  redisUrl: (v, w) => {
    if (typeof v !== 'string' || !/^rediss?:\/\/\S+$/i.test(v)) throw new ConfigError(`${w} must be a redis:// or rediss:// URL`);
    return v;
  },
  file: str,
  timeoutMs: int(1, 60_000),
  onError: (v, w) => {
    if (v !== 'reject' && v !== 'accept') throw new ConfigError(`${w} must be 'reject' or 'accept'`);
    return v;
  },
  expectedAccounts: int(1, MAX_EXPECTED_ACCOUNTS),
  recordToken: secretString(16),
};

function validateObject(value: unknown, where: string, fields: Record<string, Check>, path = ''): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(path ? `${where}: '${path.slice(0, -1)}' must be a JSON object` : `${where} must be a JSON object`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const check = fields[key];
    if (!check) {
      throw new ConfigError(`${where}: unknown setting '${path}${key.slice(0, 40)}' (known: ${Object.keys(fields).join(', ')})`);
    }
    const nested = path ? undefined : NESTED[key];
    if (!path && key === 'locale' && addsLanguage(value, v)) {
      out[key] = v; // createChecker checks it against the languages `messages` adds
      continue;
    }
    out[key] = nested ? validateObject(v, where, nested, `${key}.`) : check(v, `${where}: '${path}${key}'`);
  }
  return out;
}

/** Whether `locale` names a language the same layer's `messages` adds (`sv`, `sv-FI`). */
function addsLanguage(layer: object, locale: unknown): boolean {
  const messages = (layer as { messages?: unknown }).messages;
  if (typeof locale !== 'string' || messages === null || typeof messages !== 'object') return false;
  const language = locale.split('-')[0]!.toLowerCase();
  return Object.hasOwn(messages, language);
}

/** Validates a configuration object (from code or a parsed file); throws ConfigError. */
export function validateConfig(value: unknown, where = 'config'): ServiceConfig {
  return validateObject(value, where, FIELDS) as ServiceConfig;
}

/**
 * Reads and validates a JSON config file. Relative file paths inside it are resolved against the
 * file's folder, so a config works from any working directory.
 */
export async function readConfigFile(path: string, settleMs = 0): Promise<ServiceConfig> {
  const text = decoder.decode(await readStable(path, 'config file', settleMs, FileLimits.config));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`config file '${path}': not valid JSON`);
  }
  const config = validateConfig(parsed, `config file '${path}'`);
  const dir = dirname(resolve(path));
  for (const key of ['customTermsFile', 'globalTermsFile'] as const) {
    if (config[key]) config[key] = resolve(dir, config[key]);
  }
  if (typeof config.breachedFile === 'string') config.breachedFile = resolve(dir, config.breachedFile);
  if (config.popularity?.file) config.popularity.file = resolve(dir, config.popularity.file);
  return config;
}

/** Later layers win (file, then flags); `limits` merges field by field. */
export function mergeConfig(...layers: ServiceConfig[]): ServiceConfig {
  const out: ServiceConfig = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'limits') out.limits = { ...out.limits, ...(value as Limits) };
      else if (key === 'popularity') out.popularity = { ...out.popularity, ...(value as ServicePopularity) };
      else (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

/** Reads a term file the way `--custom` does: one term a line, trimmed, `#` comments skipped. */
export async function readTermFile(path: string, what: string, settleMs = 0): Promise<string[]> {
  return decoder
    .decode(await readStable(path, what, settleMs, FileLimits.terms))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

const decoder = new TextDecoder();
