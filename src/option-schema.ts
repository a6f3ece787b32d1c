/**
 * The one table of passgate's options: for each, its name in `CheckerOptions`, its CLI flag(s),
 * its key in the service's JSON config, its kind and limits, its default and a one-line summary.
 * The library's validation (src/options.ts, src/option-check.ts), the CLI's flags and help
 * (src/cli/checker-flags.ts, serve.ts), the service's config keys (src/server/config.ts), the
 * OpenAPI document (src/server/openapi-options.ts) and docs/options.md are derived from it, so a
 * limit or a name is written once. Portable: no Node built-in (the browser build imports it).
 *
 * Adding a library option: add the key to `CheckerOptions` (tsc then asks for it here) and one
 * line to LIBRARY_OPTIONS, e.g. `messages: { kind: OBJECT('by code'), summary: '…' }`.
 */
import type { CheckerOptions } from './options.js';
import { DEFAULT_PROFILE, PROFILE_NAMES, PROFILES } from './policy/profiles.js';
import { LOCALES } from './wording/locales.js';
import { DEFAULT_CHECK_TIMEOUT_MS, MAX_CHECK_TIMEOUT_MS } from './engine/async-sources.js';
import {
  DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, DEFAULT_PAGE_FILTER_MAX_BYTES, DEFAULT_PORT, DEFAULT_REQUEST_TIMEOUT_MS,
  MAX_BODY_BYTES_LIMIT, MAX_REQUEST_TIMEOUT_MS, MIN_BODY_BYTES_LIMIT, MIN_REQUEST_TIMEOUT_MS,
} from './server/limits.js';

export type Kind =
  | { readonly type: 'enum'; readonly values: readonly string[] }
  /** A BCP 47 tag whose language is one of `values` (`fr-CA` is `fr`). */
  | { readonly type: 'locale'; readonly values: readonly string[] }
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'boolean' }
  /** A list of terms (`minLength`–`maxLength` code points each): from the CLI and the service, a file of one a line. */
  | { readonly type: 'terms'; readonly maxTerms?: number; readonly minLength: number; readonly maxLength: number }
  /** The breached filter: the library takes an object (or false), the CLI and service a file path (or false). */
  | { readonly type: 'breached' }
  | { readonly type: 'string'; readonly format?: 'origin' }
  /** A structured value, validated by its own module (named in `shape`). */
  | { readonly type: 'object'; readonly shape: string };

export interface CliFlag {
  /** Without the dashes. */
  readonly flag: string;
  /** The value's placeholder in the help (`FILE`, `N`); absent: a switch. */
  readonly arg?: string;
  /** What a switch sets the option to (`--audit`: mode 'audit'; `--no-breached`: false). */
  readonly sets?: string | boolean;
  /** The help line, when it is not the entry's summary. */
  readonly help?: string;
}

export type Scalar = string | number | boolean;

export interface OptionEntry {
  readonly kind: Kind;
  readonly summary: string;
  /** The value used when the option is not given (absent: none, or see `defaultText`). */
  readonly default?: Scalar;
  /** The default in words, when it depends on another option (a length: the profile's). */
  readonly defaultText?: string;
  /** Its flags for `check`, `audit` and `serve` (for a service setting: `serve` only). */
  readonly cli?: readonly CliFlag[];
  /** Its key in the service's JSON config (dotted: a nested key). */
  readonly config?: string;
  /** Shown by `checker.policy()` / GET /v1/policy under the library name. */
  readonly policy?: true;
  /** Sent to the demo page at /page/config.json (src/server/service-state.ts). */
  readonly page?: true;
}

export const CUSTOM_TERMS_MAX = 1000;
export const CUSTOM_TERM_MIN_LENGTH = 4;
export const CUSTOM_TERM_MAX_LENGTH = 16;
export const GLOBAL_TERM_MIN_LENGTH = 1;
export const GLOBAL_TERM_MAX_LENGTH = 64;
/** No configuration may raise the analysis cap past this: it bounds the worst-case work. */
export const MAX_LENGTH_LIMIT = 4096;
export const MODES = ['enforce', 'audit'] as const;
export {
  DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_PAGE_FILTER_MAX_BYTES,
} from './server/limits.js';

const OBJECT = (shape: string): Kind => ({ type: 'object', shape });
/** A length's default: the profile's (`by profile: recommended 8, entra 1, nist 15`, or one number when all agree). */
const lengths = (key: 'minLength' | 'maxLength') => {
  const all = PROFILE_NAMES.map((p) => PROFILES[p][key]);
  return all.every((n) => n === all[0]) ? `${all[0]}` : `by profile: ${PROFILE_NAMES.map((p, i) => `${p} ${all[i]}`).join(', ')}`;
};
/** The profiles that ask less with MFA, for `mfa`'s summary (`nist: 8 characters suffice`). */
const MFA = PROFILE_NAMES.filter((p) => PROFILES[p].mfaMinLength !== null).map((p) => `${p}: ${PROFILES[p].mfaMinLength} characters suffice`).join('; ');

/** Every `CheckerOptions` key, exactly (tsc fails on a missing or unknown one). */
export const LIBRARY_OPTIONS = {
  profile: {
    kind: { type: 'enum', values: PROFILE_NAMES },
    summary: 'the policy: which checks run, and their thresholds',
    default: DEFAULT_PROFILE,
    cli: [{ flag: 'profile', arg: 'NAME' }],
    config: 'profile',
    policy: true,
    page: true,
  },
  globalBannedTerms: {
    kind: { type: 'terms', minLength: GLOBAL_TERM_MIN_LENGTH, maxLength: GLOBAL_TERM_MAX_LENGTH },
    summary: 'replaces the shipped global banned list ([] for none)',
    defaultText: 'the shipped list',
    cli: [{ flag: 'global', arg: 'FILE', help: 'replace the shipped global banned list, one term a line' }],
    config: 'globalTermsFile',
    page: true,
  },
  customBannedTerms: {
    kind: { type: 'terms', maxTerms: CUSTOM_TERMS_MAX, minLength: CUSTOM_TERM_MIN_LENGTH, maxLength: CUSTOM_TERM_MAX_LENGTH },
    summary: "the organisation's own banned terms (Entra's limits)",
    defaultText: 'none',
    cli: [{ flag: 'custom', arg: 'FILE', help: 'custom banned terms, one a line' }],
    config: 'customTermsFile',
    page: true,
  },
  breached: {
    kind: { type: 'breached' },
    summary: 'the breached-password filter (false: none)',
    defaultText: 'the embedded filter, where the profile uses one',
    cli: [
      { flag: 'breached', arg: 'FILE', help: "a filter built with 'passgate build', checked as well as the embedded one" },
      { flag: 'no-embedded-breached', sets: true, help: 'with --breached: use only FILE, not the embedded list as well' },
      { flag: 'no-breached', sets: false, help: 'no breached-password lookup' },
    ],
    config: 'breachedFile',
  },
  minLength: {
    kind: { type: 'integer', min: 0, max: MAX_LENGTH_LIMIT },
    summary: 'minimum length in characters',
    defaultText: lengths('minLength'),
    cli: [{ flag: 'min-length', arg: 'N' }],
    config: 'minLength',
    policy: true,
    page: true,
  },
  maxLength: {
    kind: { type: 'integer', min: 1, max: MAX_LENGTH_LIMIT },
    summary: 'maximum length in characters; longer input is refused before any other work',
    defaultText: lengths('maxLength'),
    cli: [{ flag: 'max-length', arg: 'N', help: 'maximum length in characters' }],
    config: 'maxLength',
    policy: true,
    page: true,
  },
  mfa: {
    kind: { type: 'boolean' },
    summary: `the password is one of several factors (${MFA})`,
    default: false,
    cli: [{ flag: 'mfa', sets: true }],
    config: 'mfa',
    page: true,
  },
  locale: {
    kind: { type: 'locale', values: LOCALES },
    summary: 'message language (region tags fall back to the language)',
    default: 'en',
    cli: [{ flag: 'locale', arg: 'TAG' }],
    config: 'locale',
    policy: true,
    page: true,
  },
  mode: {
    kind: { type: 'enum', values: MODES },
    summary: "'audit' accepts everything and reports what would be rejected",
    default: 'enforce',
    cli: [{ flag: 'audit', sets: 'audit', help: 'audit mode: report what would be rejected, accept everything' }],
    config: 'mode',
    policy: true,
    page: true,
  },
  checks: { kind: OBJECT('array of check functions'), summary: 'extra checks, same signature as the built-in ones' },
  checkTimeoutMs: {
    kind: { type: 'integer', min: 1, max: MAX_CHECK_TIMEOUT_MS },
    summary: 'how long evaluateAsync waits for each asynchronous check or source',
    default: DEFAULT_CHECK_TIMEOUT_MS,
  },
  substitutions: { kind: OBJECT('character → letters'), summary: "replaces the profile's substitution table" },
  estimator: { kind: OBJECT("'native', 'zxcvbn' or passgate/zxcvbn's estimator"), summary: 'the strength estimator', default: 'native' },
  rotation: { kind: OBJECT('{ maxCandidates, budgetMs }'), summary: "how hard evaluateAsync tries a new password's predecessors" },
  popularity: {
    kind: OBJECT('{ limit, secret, redisUrl?, file?, timeoutMs?, onError?, expectedAccounts? }'),
    summary: "refuse passwords too many of the organisation's accounts chose (Node only)",
    config: 'popularity',
  },
  messages: {
    kind: OBJECT('{ [language]: { [CODE]: template | function | { warning, suggestion } } }'),
    summary: 'your own wording for any code, or a whole added language (README "Your own wording"; the service takes templates only)',
    config: 'messages',
    page: true,
  },
} as const satisfies { readonly [K in keyof Required<CheckerOptions>]: OptionEntry };

/** Settings of `passgate serve` (and its config file) that are not checker options. */
export const SERVICE_SETTINGS = {
  port: { kind: { type: 'integer', min: 0, max: 65535 }, summary: 'port to listen on; 0 picks a free one', default: DEFAULT_PORT, cli: [{ flag: 'port', arg: 'N' }], config: 'port' },
  host: { kind: { type: 'string' }, summary: 'address to bind; 0.0.0.0 for every interface', default: DEFAULT_HOST, cli: [{ flag: 'host', arg: 'H' }], config: 'host' },
  corsOrigin: {
    kind: { type: 'string', format: 'origin' },
    summary: 'let pages from this origin (or * for any) call the service (CORS)',
    defaultText: 'none: same origin only',
    cli: [{ flag: 'cors-origin', arg: 'ORIGIN' }],
    config: 'corsOrigin',
  },
  allowEmptyCustomTerms: { kind: { type: 'boolean' }, summary: 'a reload may empty the custom terms list', default: false, config: 'allowEmptyCustomTerms' },
  allowEmptyGlobalTerms: { kind: { type: 'boolean' }, summary: 'a reload may empty the global terms list', default: false, config: 'allowEmptyGlobalTerms' },
  maxBodyBytes: {
    kind: { type: 'integer', min: MIN_BODY_BYTES_LIMIT, max: MAX_BODY_BYTES_LIMIT },
    summary: 'refuse larger request bodies with 413',
    default: DEFAULT_MAX_BODY_BYTES,
    cli: [{ flag: 'max-body', arg: 'BYTES' }],
    config: 'limits.maxBodyBytes',
  },
  requestTimeoutMs: { kind: { type: 'integer', min: MIN_REQUEST_TIMEOUT_MS, max: MAX_REQUEST_TIMEOUT_MS }, summary: 'a request must arrive completely within this time', default: DEFAULT_REQUEST_TIMEOUT_MS, config: 'limits.requestTimeoutMs' },
  pageFilterMaxBytes: {
    kind: { type: 'integer', min: 0, max: 2 ** 31 - 1 },
    summary: 'a larger breached file is streamed, and the page gets the small tier',
    default: DEFAULT_PAGE_FILTER_MAX_BYTES,
    config: 'limits.pageFilterMaxBytes',
  },
} as const satisfies Record<string, OptionEntry>;

export type LibraryOption = keyof typeof LIBRARY_OPTIONS;
/** The options `checker.policy()` shows (`policy: true`): describePolicy must give each (tsc). */
export type PolicyOption = { [K in LibraryOption]: (typeof LIBRARY_OPTIONS)[K] extends { readonly policy: true } ? K : never }[LibraryOption];
export type ServiceSetting = keyof typeof SERVICE_SETTINGS;
export type OptionId = LibraryOption | ServiceSetting;

/** Every entry, library options first, in the table's order. */
export const OPTION_SCHEMA: Readonly<Record<OptionId, OptionEntry>> = { ...LIBRARY_OPTIONS, ...SERVICE_SETTINGS };
export const OPTION_IDS = Object.keys(OPTION_SCHEMA) as OptionId[];

export const isLibraryOption = (id: string): id is LibraryOption => Object.hasOwn(LIBRARY_OPTIONS, id);

/** `a (default), b or c`: the default first. */
export function choices(all: readonly string[], first?: string): string {
  const list = first === undefined ? [...all] : [`${first} (default)`, ...all.filter((x) => x !== first)];
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list.join('');
}

/** The limits in words (`0–4096`, `at most 1000, 4–16 characters each`), or '' when there are none to state. */
export function limitsText(kind: Kind): string {
  switch (kind.type) {
    case 'integer':
      return `${kind.min}–${kind.max}`;
    case 'terms':
      return `${kind.maxTerms === undefined ? '' : `at most ${kind.maxTerms}, `}${kind.minLength}–${kind.maxLength} characters each`;
    default:
      return '';
  }
}

/** The default in words: `8080`, `'en'`, or the entry's `defaultText`. */
export function defaultText(entry: OptionEntry): string | undefined {
  return entry.defaultText ?? (entry.default === undefined ? undefined : String(entry.default));
}
