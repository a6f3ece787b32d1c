import type { AsyncCheck, Mode, ProfileName } from './types.js';
import type { SubstitutionTable } from './normalise/substitutions.js';
import { DEFAULT_PROFILE, PROFILES, type Profile } from './policy/profiles.js';
import type { Locale } from './wording/locales.js';
import type { ZxcvbnEstimator, ZxcvbnPlugin } from './score/zxcvbn.js';
import { validateRangeOptions, type RangeSourceOptions } from './filter/range-client.js';
import { DEFAULT_CHECK_TIMEOUT_MS } from './engine/async-sources.js';
import { resolveRotation, type ResolvedRotation, type RotationOptions } from './rotation/source.js';
import { resolvePopularity, type PopularityOptions, type ResolvedPopularity } from './popularity/options.js';
import { LIBRARY_OPTIONS } from './option-schema.js';
import { checkTerms, checkValue, LIBRARY_NAMER } from './option-check.js';
import { resolveMessages, type CheckerWording } from './wording/overrides.js';
import type { CheckedMessages, Messages } from './wording/messages.js';

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

/** `M`: a literal `messages` as written, so createChecker checks its templates (wording/messages.ts). */
export interface CheckerOptions<M = Messages> {
  /** A profile's name (the README's table; src/policy/profiles.ts): default `'recommended'`. */
  profile?: ProfileName;
  /** Replaces the shipped global banned list; `[]` for none. */
  globalBannedTerms?: readonly string[];
  /** The organisation's own terms: at most 1000, each 4–16 characters (Entra's limits). */
  customBannedTerms?: readonly string[];
  /** The breached-password filter: omitted = the embedded one (where the profile uses it). */
  breached?: BreachedOption;
  /** Minimum length in code points (the profile's default, e.g. recommended 8, entra 1, nist 15 or 8 with `mfa`). */
  minLength?: number;
  /** Maximum length in code points; longer input is refused as TOO_LONG before any other work. */
  maxLength?: number;
  /** The password is one factor of several: profiles with an MFA minimum use it (nist: 8 characters suffice). */
  mfa?: boolean;
  /** Message language: `en` (default), `fr`, `de`, `es`, `nl`, `pt`, `it`, `pl`, `ja`; region tags fall back to the language. */
  locale?: string;
  /** `'enforce'` (default) rejects; `'audit'` accepts and reports `wouldReject`. */
  mode?: Mode;
  /** Extra checks, same signature as the built-in ones. Async checks need `evaluateAsync`. */
  checks?: readonly AsyncCheck[];
  /**
   * How long `evaluateAsync` waits for each asynchronous check or source (a custom check, a range
   * API) before it counts as failed: a rejecting CHECK_ERROR. Default 10000 ms, at most 120000.
   */
  checkTimeoutMs?: number;
  /** Replaces the profile's substitution table. */
  substitutions?: SubstitutionTable;
  /**
   * Strength estimator for profiles that use one: `'native'` (default) or zxcvbn-ts (slow,
   * opt-in): `'zxcvbn'` in Node, or anywhere the estimator from `passgate/zxcvbn`.
   */
  estimator?: 'native' | 'zxcvbn' | ZxcvbnPlugin;
  /**
   * How hard `evaluateAsync` tries the new password's predecessors against
   * `context.previousPasswordHashes`: `{ maxCandidates: 16, budgetMs: 1000 }` by default.
   */
  rotation?: RotationOptions;
  /**
   * Refuse passwords whose root too many of this organisation's accounts chose (Node only;
   * `checker.recordChosen` counts them): README "Popular passwords in your organisation".
   */
  popularity?: PopularityOptions;
  /**
   * Your wording, by language and code: `{ en: { BREACHED: 'This password appeared in a data
   * breach.' } }` replaces one message; a language passgate does not ship (`sv`), given whole,
   * adds it (`locale: 'sv'`). Checked at construction: README "Your own wording".
   */
  messages?: CheckedMessages<M>;
}

export interface ResolvedOptions {
  readonly profile: Profile;
  readonly globalBannedTerms: readonly string[] | undefined;
  readonly customBannedTerms: readonly string[];
  readonly breached: BreachedOption | undefined;
  readonly minLength: number;
  readonly maxLength: number;
  /** A built-in locale, or a language `messages` added. */
  readonly locale: Locale | (string & {});
  /** The languages the checker speaks, with `messages` compiled in (wording/overrides.ts). */
  readonly wording: CheckerWording;
  readonly mode: Mode;
  readonly checks: readonly AsyncCheck[];
  readonly checkTimeoutMs: number;
  readonly substitutions: SubstitutionTable;
  readonly estimator: 'native' | 'zxcvbn';
  /** The zxcvbn loader given with `estimator` (`passgate/zxcvbn`); else the platform's. */
  readonly loadZxcvbn: (() => Promise<ZxcvbnEstimator>) | undefined;
  readonly rotation: ResolvedRotation;
  readonly popularity: ResolvedPopularity | undefined;
}

// The option schema (src/option-schema.ts) lists every option, its limits and its other names.
const KNOWN = new Set(Object.keys(LIBRARY_OPTIONS));

export { CUSTOM_TERMS_MAX, CUSTOM_TERM_MIN_LENGTH, CUSTOM_TERM_MAX_LENGTH, MAX_LENGTH_LIMIT, MODES } from './option-schema.js';

/**
 * How an error message names an option: the library writes `minLength`; the service names its
 * config key and the CLI its flag (`on`: the option switched on, for a boolean such as `mfa`).
 */
export type OptionName = (option: ScalarOption, on?: true) => string;
const LIBRARY_NAME: OptionName = (option, on) => LIBRARY_NAMER(option, on && { on });

/** The options the service's config and the CLI's flags translate into, checked here for all three. */
export const SCALAR_OPTIONS = ['profile', 'minLength', 'maxLength', 'mfa', 'locale', 'mode'] as const;
export type ScalarOption = (typeof SCALAR_OPTIONS)[number];

/**
 * Checks one option on its own (no rule that involves another option); returns it as the
 * library uses it (a locale tag becomes its language). Throws TypeError/RangeError naming it.
 */
export function checkOption<K extends ScalarOption>(option: K, value: unknown, name: OptionName = LIBRARY_NAME): NonNullable<ScalarValues[K]> {
  return CHECK[option](value, name) as NonNullable<ScalarValues[K]>;
}
type ScalarValues = { profile: ProfileName; minLength: number; maxLength: number; mfa: boolean; locale: Locale; mode: Mode };

// Each checked by its kind in the schema (src/option-check.ts), named as the caller names it.
const CHECK = Object.fromEntries(
  SCALAR_OPTIONS.map((option) => [option, (value: unknown, name: OptionName) => checkValue(option, value, (_, part) => name(option, part?.on))]),
) as { readonly [K in ScalarOption]: (value: unknown, name: OptionName) => ScalarValues[K] };

/**
 * Checks the scalar options given (each on its own, then the length rules of the profile, given
 * or default), as resolveOptions will: front ends call it to name their own flags or keys.
 */
export function checkOptions(options: Pick<CheckerOptions, ScalarOption>, name: OptionName = LIBRARY_NAME): void {
  for (const option of SCALAR_OPTIONS) if (options[option] !== undefined) checkOption(option, options[option], name);
  lengths(options, name);
}

/** The length bounds: the options' or the profile's defaults, within the profile's length rule. */
function lengths(options: Pick<CheckerOptions, ScalarOption>, name: OptionName): { profile: Profile; minLength: number; maxLength: number } {
  const profile = PROFILES[checkOption('profile', options.profile ?? DEFAULT_PROFILE, name)];
  const mfa = checkOption('mfa', options.mfa ?? false, name);
  const defaultMin = mfa && profile.mfaMinLength !== null ? profile.mfaMinLength : profile.minLength;
  const minLength = checkOption('minLength', options.minLength ?? defaultMin, name);
  const maxLength = checkOption('maxLength', options.maxLength ?? profile.maxLength, name);
  if (minLength > maxLength) throw new RangeError(`${name('minLength')} must not exceed ${name('maxLength')}`);
  const rule = profile.lengthRule;
  if (rule) {
    if (maxLength < rule.maxLengthAtLeast) {
      throw new RangeError(`${name('maxLength')} must be at least ${rule.maxLengthAtLeast} for the ${profile.name} profile (${rule.standard})`);
    }
    if (minLength < defaultMin) {
      const withMfa = profile.mfaMinLength === null ? '' : ` (${profile.mfaMinLength} with ${name('mfa', true)})`;
      throw new RangeError(`${name('minLength')} must be at least ${profile.minLength} for the ${profile.name} profile${withMfa}`);
    }
  }
  return { profile, minLength, maxLength };
}

/** Validates every option once, at construction; throws TypeError/RangeError naming the option. */
export function resolveOptions(options: CheckerOptions | undefined): ResolvedOptions {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('The `options` argument must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new TypeError(`Unknown option \`${key}\``);
  }
  const { profile, minLength, maxLength } = lengths(options, LIBRARY_NAME);
  const mode = checkOption('mode', options.mode ?? 'enforce');

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
  const wording = resolveMessages(options.messages);
  return {
    profile,
    globalBannedTerms:
      options.globalBannedTerms === undefined ? undefined : checkTerms('globalBannedTerms', options.globalBannedTerms),
    customBannedTerms: options.customBannedTerms === undefined ? [] : checkTerms('customBannedTerms', options.customBannedTerms),
    breached,
    minLength,
    maxLength,
    // An added language is a locale too; otherwise the scalar check (and its message) as before.
    locale: wording.language(options.locale ?? 'en') ?? checkOption('locale', options.locale ?? 'en'),
    wording,
    mode,
    checks,
    checkTimeoutMs:
      options.checkTimeoutMs === undefined ? DEFAULT_CHECK_TIMEOUT_MS : (checkValue('checkTimeoutMs', options.checkTimeoutMs) as number),
    substitutions: substitutionsOption(options.substitutions, profile),
    estimator,
    loadZxcvbn: plugin ? () => plugin.load() : undefined,
    rotation: resolveRotation(options.rotation),
    popularity: resolvePopularity(options.popularity),
  };
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
