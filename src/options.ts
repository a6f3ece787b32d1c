import type { AsyncCheck, Mode, ProfileName } from './types.js';
import type { SubstitutionTable } from './normalise/substitutions.js';
import { PROFILES, type Profile } from './policy/profiles.js';
import { codePointLength } from './normalise/normalise.js';
import { resolveLocale, type Locale } from './wording/locales.js';
import type { ZxcvbnEstimator, ZxcvbnPlugin } from './score/zxcvbn.js';
import { rangeCheck, validateRangeOptions, type RangeSourceOptions } from './filter/range-client.js';

/**
 * Where the breached-password filter comes from; or a k-anonymity range API (`rangeUrl`, used by
 * `evaluateAsync` only: src/filter/range-client.ts).
 */
export type BreachedOption =
  | false
  | ({ path: string } & KeepEmbedded)
  | ({ bytes: Uint8Array } & KeepEmbedded)
  | ({ url: string | URL } & KeepEmbedded)
  | RangeSourceOptions;

export interface KeepEmbedded {
  /**
   * Also keep the embedded filter (where the profile uses one): a password is breached if either
   * filter holds it. Default false: the given filter replaces the embedded one.
   */
  keepEmbedded?: boolean;
}

export interface CheckerOptions {
  /** `'recommended'` (default), `'entra'` or `'nist'`. */
  profile?: ProfileName;
  /** Replaces the shipped global banned list; `[]` for none. */
  globalBannedTerms?: readonly string[];
  /** The organisation's own terms: at most 1000, each 4–16 characters (Entra's limits). */
  customBannedTerms?: readonly string[];
  /** The breached-password filter: omitted = the embedded one (where the profile uses it). */
  breached?: BreachedOption;
  /** Minimum length in code points (profile default: recommended 8, entra 1, nist 15 or 8 with `mfa`). */
  minLength?: number;
  /** Maximum length in code points; longer input is refused as TOO_LONG before any other work. */
  maxLength?: number;
  /** NIST: the password is one factor of several, so 8 characters suffice. */
  mfa?: boolean;
  /** Message language: `en` (default), `fr`, `de`, `es`, `nl`, `pt`, `it`, `pl`, `ja`; region tags fall back to the language. */
  locale?: string;
  /** `'enforce'` (default) rejects; `'audit'` accepts and reports `wouldReject`. */
  mode?: Mode;
  /** Extra checks, same signature as the built-in ones. Async checks need `evaluateAsync`. */
  checks?: readonly AsyncCheck[];
  /** Replaces the profile's substitution table. */
  substitutions?: SubstitutionTable;
  /**
   * Strength estimator for profiles that use one: `'native'` (default) or zxcvbn-ts (slow,
   * opt-in): `'zxcvbn'` in Node, or anywhere the estimator from `passgate/zxcvbn`.
   */
  estimator?: 'native' | 'zxcvbn' | ZxcvbnPlugin;
}

export interface ResolvedOptions {
  readonly profile: Profile;
  readonly globalBannedTerms: readonly string[] | undefined;
  readonly customBannedTerms: readonly string[];
  readonly breached: BreachedOption | undefined;
  readonly minLength: number;
  readonly maxLength: number;
  readonly locale: Locale;
  readonly mode: Mode;
  readonly checks: readonly AsyncCheck[];
  readonly substitutions: SubstitutionTable;
  readonly estimator: 'native' | 'zxcvbn';
  /** The zxcvbn loader given with `estimator` (`passgate/zxcvbn`); else the platform's. */
  readonly loadZxcvbn: (() => Promise<ZxcvbnEstimator>) | undefined;
}

const KNOWN = new Set([
  'profile', 'globalBannedTerms', 'customBannedTerms', 'breached', 'minLength', 'maxLength',
  'mfa', 'locale', 'mode', 'checks', 'substitutions', 'estimator',
]);

export const CUSTOM_TERMS_MAX = 1000;
export const CUSTOM_TERM_MIN_LENGTH = 4;
export const CUSTOM_TERM_MAX_LENGTH = 16;
/** No configuration may raise the analysis cap past this: it bounds the worst-case work. */
export const MAX_LENGTH_LIMIT = 4096;

/** Validates every option once, at construction; throws TypeError/RangeError naming the option. */
export function resolveOptions(options: CheckerOptions | undefined): ResolvedOptions {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('The `options` argument must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new TypeError(`Unknown option \`${key}\``);
  }
  const profileName = options.profile ?? 'recommended';
  if (typeof profileName !== 'string' || !Object.hasOwn(PROFILES, profileName)) {
    throw new RangeError(`\`profile\` must be one of ${Object.keys(PROFILES).join(', ')}`);
  }
  const profile = PROFILES[profileName];

  const mfa = options.mfa ?? false;
  if (typeof mfa !== 'boolean') throw new TypeError('`mfa` must be a boolean');
  const defaultMin = profile.name === 'nist' && mfa ? 8 : profile.minLength;
  const minLength = integerOption('minLength', options.minLength ?? defaultMin, 0, MAX_LENGTH_LIMIT);
  const maxLength = integerOption('maxLength', options.maxLength ?? profile.maxLength, 1, MAX_LENGTH_LIMIT);
  if (minLength > maxLength) throw new RangeError('`minLength` must not exceed `maxLength`');
  if (profile.name === 'nist') {
    if (maxLength < 64) throw new RangeError('`maxLength` must be at least 64 for the nist profile (SP 800-63B)');
    if (minLength < 8 || (minLength < 15 && !mfa)) {
      throw new RangeError('`minLength` must be at least 15 for the nist profile (8 with `mfa: true`)');
    }
  }

  const mode = options.mode ?? 'enforce';
  if (mode !== 'enforce' && mode !== 'audit') throw new RangeError("`mode` must be 'enforce' or 'audit'");

  const estimatorOption = options.estimator ?? 'native';
  const plugin = typeof estimatorOption === 'object' && estimatorOption !== null ? estimatorOption : null;
  const estimator = plugin ? plugin.estimator : estimatorOption;
  if (estimator !== 'native' && estimator !== 'zxcvbn') {
    throw new RangeError("`estimator` must be 'native', 'zxcvbn' or the estimator exported by passgate/zxcvbn");
  }
  if (plugin && typeof plugin.load !== 'function') throw new TypeError('`estimator.load` must be a function');

  const checks = options.checks ?? [];
  if (!Array.isArray(checks) || checks.some((c) => typeof c !== 'function')) {
    throw new TypeError('`checks` must be an array of functions');
  }

  const breached = breachedOption(options.breached);
  return {
    profile,
    globalBannedTerms:
      options.globalBannedTerms === undefined ? undefined : termList('globalBannedTerms', options.globalBannedTerms, 1, 64),
    customBannedTerms: customTerms(options.customBannedTerms),
    breached,
    minLength,
    maxLength,
    locale: resolveLocale(options.locale ?? 'en', 'locale'),
    mode,
    // A range source is an asynchronous check: plain evaluate() reports it as one that needs evaluateAsync().
    checks: breached && 'rangeUrl' in breached ? [...checks, rangeCheck(breached)] : checks,
    substitutions: substitutionsOption(options.substitutions, profile),
    estimator,
    loadZxcvbn: plugin ? () => plugin.load() : undefined,
  };
}

function integerOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`\`${name}\` must be an integer`);
  if (value < min || value > max) throw new RangeError(`\`${name}\` must be between ${min} and ${max}`);
  return value;
}

function termList(name: string, terms: unknown, minLen: number, maxLen: number): string[] {
  if (!Array.isArray(terms)) throw new TypeError(`\`${name}\` must be an array of strings`);
  const out: string[] = [];
  terms.forEach((raw: unknown, i: number) => {
    if (typeof raw !== 'string') throw new TypeError(`\`${name}[${i}]\` must be a string`);
    const term = raw.trim();
    const len = codePointLength(term);
    if (len < minLen || len > maxLen) {
      throw new RangeError(`\`${name}[${i}]\` must be ${minLen}–${maxLen} characters long (it has ${len})`);
    }
    out.push(term);
  });
  return out;
}

function customTerms(terms: unknown): string[] {
  if (terms === undefined) return [];
  if (Array.isArray(terms) && terms.length > CUSTOM_TERMS_MAX) {
    throw new RangeError(`\`customBannedTerms\` may hold at most ${CUSTOM_TERMS_MAX} terms (it has ${terms.length})`);
  }
  return termList('customBannedTerms', terms, CUSTOM_TERM_MIN_LENGTH, CUSTOM_TERM_MAX_LENGTH);
}

function breachedOption(value: unknown): BreachedOption | undefined {
  if (value === undefined || value === false) return value;
  if (value !== null && typeof value === 'object') {
    const keep = (value as KeepEmbedded).keepEmbedded;
    if (keep !== undefined && typeof keep !== 'boolean') throw new TypeError('`breached.keepEmbedded` must be a boolean');
    const k = keep ? { keepEmbedded: true } : {};
    if ('bytes' in value && value.bytes instanceof Uint8Array) return { bytes: value.bytes, ...k };
    if ('path' in value && typeof value.path === 'string' && value.path !== '') return { path: value.path, ...k };
    if ('url' in value && (typeof value.url === 'string' || value.url instanceof URL)) return { url: value.url, ...k };
    if ('rangeUrl' in value) return validateRangeOptions(value);
  }
  throw new TypeError('`breached` must be false, { path }, { bytes: Uint8Array }, { url } or { rangeUrl }');
}

function substitutionsOption(value: unknown, profile: Profile): SubstitutionTable {
  if (value === undefined) return profile.substitutions;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('`substitutions` must be an object mapping one character to the letters it stands for');
  }
  for (const [from, to] of Object.entries(value)) {
    if (from.length !== 1 || typeof to !== 'string' || to.length === 0) {
      throw new RangeError(`\`substitutions\` entry '${from}' must map one character to one or more letters`);
    }
  }
  return value as SubstitutionTable;
}
