import { createChecker, type Checker } from '../index.js';
import type { CheckerOptions } from '../options.js';
import { Assets, Waivers, readRequired } from '../assets/platform.js';
import { nodePlatform } from '../assets/node.js';
import { DataError } from '../errors.js';
import { loadFilter } from '../filter/node.js';
import { DEFAULT_PROFILE, PROFILES } from '../policy/profiles.js';
import { ConfigError, DEFAULT_MAX_BODY_BYTES, DEFAULT_PAGE_FILTER_MAX_BYTES, readTermFile, type ServiceConfig } from './config.js';
import { textBody, type Reply, type StaticBody } from './reply.js';
import { bytesBody } from './static-files.js';
import { readStable, settledSize } from './stable-read.js';
import type { ApiState } from './api-routes.js';
import { checkTerms, configNamer } from '../option-check.js';

/**
 * Everything one configuration produced, built completely before it is used and never changed
 * after: a reload builds a new one and swaps a single reference, so a request that picked up a
 * state sees its checker, its policy and its filter together, never a mix of two.
 */
export interface ServiceState extends ApiState {
  readonly config: ServiceConfig;
  readonly checker: Checker;
  /** The options the page builds its own checker with: the server's lists, minus the filter. */
  readonly pageConfig: StaticBody;
  /** The filter served to the page: the checker's own, or the small tier when the checker uses the default (null: none). */
  readonly filter: StaticBody | null;
  /** Files whose change should trigger a reload. */
  readonly inputs: readonly string[];
  /** Things an operator should know (e.g. the default filter tier is not built). */
  readonly warnings: readonly string[];
  /** How many terms each terms file gave (0 without one): a reload may not empty a list silently. */
  readonly termCounts: TermCounts;
  /** GET /metrics (the server's registry; counts span generations). */
  readonly metrics: () => Promise<Reply>;
}

export interface TermCounts {
  readonly custom: number;
  readonly global: number;
}

/** What a build produces; the holder adds the server-wide parts (metrics, reload status). */
export type BuiltState = Omit<ServiceState, 'metrics' | 'reloadFailure' | 'workers'>;

/** What the page receives at /page/config.json. */
export interface PageConfig {
  readonly generation: number;
  readonly options: Omit<CheckerOptions, 'breached' | 'checks' | 'substitutions' | 'estimator'>;
  readonly breached: null | { readonly url: string; readonly bytes: number; readonly entries: number };
}

export const FILTER_PATH = '/data/breached.pgf';

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Builds a complete state from a configuration; throws ConfigError with a clear reason.
 * `settleMs`: how long each input file must stay unchanged before it is used (stable-read.ts).
 */
export async function buildServiceState(config: ServiceConfig, generation: number, configFile: string | undefined, settleMs: number, previous?: TermCounts): Promise<BuiltState> {
  const warnings: string[] = [];
  const inputs: string[] = configFile ? [configFile] : [];
  const profileName = config.profile ?? DEFAULT_PROFILE;

  // Read side by side: each waits for its own file to hold still (stable-read.ts).
  const [customBannedTerms, globalBannedTerms, fileFilter] = await Promise.all([
    config.customTermsFile ? readTermFile(config.customTermsFile, 'custom terms file', settleMs) : undefined,
    config.globalTermsFile ? readTermFile(config.globalTermsFile, 'global terms file', settleMs) : undefined,
    typeof config.breachedFile === 'string' ? filterSource(config.breachedFile, settleMs, config.limits?.pageFilterMaxBytes ?? DEFAULT_PAGE_FILTER_MAX_BYTES) : null,
  ]);
  for (const path of [config.customTermsFile, config.globalTermsFile, config.breachedFile]) if (typeof path === 'string') inputs.push(path);
  // Each list within its limits (src/option-schema.ts), the error naming the setting and the file.
  termsWithin('customBannedTerms', customBannedTerms, `custom terms file '${config.customTermsFile}'`);
  termsWithin('globalBannedTerms', globalBannedTerms, `global terms file '${config.globalTermsFile}'`);
  const termCounts: TermCounts = { custom: customBannedTerms?.length ?? 0, global: globalBannedTerms?.length ?? 0 };
  if (previous) refuseEmptied(config, termCounts, previous);

  let filterBytes: Uint8Array | null = fileFilter?.bytes ?? null;
  let pageFilterBytes: Uint8Array | null = filterBytes;
  const libraryDefault = config.breachedFile === undefined && PROFILES[profileName]?.breachedByDefault === true;
  if (fileFilter?.path !== undefined) {
    // Too large for the page: it gets the shipped small tier for its provisional verdict.
    pageFilterBytes = await nodePlatform.readAsset(Assets.breachedSmall);
  } else if (libraryDefault) {
    // The server judges with the library's own default filter (the Node platform's breachedAsset,
    // the 1M tier), as createChecker() and the CLI do. Missing, it is a DataError (exit 3), never a
    // service quietly running without the filter. The page gets the shipped small tier for
    // instant, provisional feedback: the server's answer on submit is final.
    filterBytes = await readRequired(nodePlatform, nodePlatform.breachedAsset, Waivers.breached);
    pageFilterBytes = await nodePlatform.readAsset(Assets.breachedSmall);
    if (!pageFilterBytes) warnings.push(`the page has no breached-password filter: data/${Assets.breachedSmall} is not built (npm run build:data)`);
  }

  const options: CheckerOptions = {
    profile: profileName,
    ...(customBannedTerms && { customBannedTerms }),
    ...(globalBannedTerms && { globalBannedTerms }),
    ...(config.minLength !== undefined && { minLength: config.minLength }),
    ...(config.maxLength !== undefined && { maxLength: config.maxLength }),
    ...(config.mfa !== undefined && { mfa: config.mfa }),
    ...(config.locale !== undefined && { locale: config.locale }),
    ...(config.mode !== undefined && { mode: config.mode }),
    ...(config.messages !== undefined && { messages: config.messages }),
  };

  // The page never gets these (its options are `options` above): the secret stays on the server.
  const popularity = popularityOptions(config);

  let checker: Checker;
  try {
    // No bytes and no choice made: the library's default applies (and its rule for missing data).
    const breached = fileFilter?.path !== undefined ? { path: fileFilter.path } : filterBytes ? { bytes: filterBytes } : config.breachedFile === false ? false : undefined;
    checker = await createChecker({ ...options, ...(breached !== undefined && { breached }), ...(popularity && { popularity }) });
  } catch (err) {
    if (err instanceof DataError) throw err; // passgate's own data, not the configuration
    // Option and filter-format errors name the option or the broken field, never list contents.
    const what = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
    throw new ConfigError(`invalid configuration (${what})`);
  }

  const policyDescription = checker.policy();
  const filter = pageFilterBytes ? bytesBody(pageFilterBytes, 'application/octet-stream') : null;
  const pageConfig: PageConfig = {
    generation,
    options,
    breached: filter
      ? {
          // Relative to the service root (proxies may mount it under a prefix); the ETag in the URL
          // makes each filter version its own cacheable address.
          url: `${FILTER_PATH.slice(1)}?v=${encodeURIComponent(filter.etag.slice(1, -1))}`,
          bytes: filter.body.byteLength,
          entries: filterBytes === pageFilterBytes ? policyDescription.lists.breached?.entries ?? 0 : loadFilter(filter.body).count,
        }
      : null,
  };

  return {
    generation,
    loadedAt: new Date().toISOString(),
    config,
    checker,
    policy: textBody(JSON.stringify(policyDescription), JSON_TYPE),
    pageConfig: textBody(JSON.stringify(pageConfig), JSON_TYPE),
    maxBodyBytes: config.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    corsOrigin: config.corsOrigin,
    recordToken: config.popularity?.recordToken,
    filter,
    inputs,
    warnings,
    termCounts,
  };
}

function termsWithin(id: 'customBannedTerms' | 'globalBannedTerms', terms: string[] | undefined, file: string): void {
  if (terms === undefined) return;
  try {
    checkTerms(id, terms, configNamer(file));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** The checker's `popularity` options from the merged configuration (the token stays with the route). */
function popularityOptions(config: ServiceConfig): CheckerOptions['popularity'] {
  const p = config.popularity;
  if (!p) return undefined;
  for (const required of ['limit', 'secret'] as const) if (p[required] === undefined) throw new ConfigError(`'popularity.${required}' is required`);
  const { recordToken: _token, ...options } = p;
  return options;
}

/**
 * A terms file truncated to nothing (a deploy that failed half-way, a full disk) would otherwise
 * reload as "no custom terms" without a word: a reload that empties a list that held terms fails
 * unless the configuration says an empty list is meant (issue 20).
 */
function refuseEmptied(config: ServiceConfig, now: TermCounts, before: TermCounts): void {
  const lists = [
    { file: config.customTermsFile, what: 'custom terms file', key: 'allowEmptyCustomTerms', allowed: config.allowEmptyCustomTerms, now: now.custom, before: before.custom },
    { file: config.globalTermsFile, what: 'global terms file', key: 'allowEmptyGlobalTerms', allowed: config.allowEmptyGlobalTerms, now: now.global, before: before.global },
  ] as const;
  for (const l of lists) {
    if (l.file === undefined || l.now > 0 || l.before === 0 || l.allowed === true) continue;
    throw new ConfigError(`${l.what} '${l.file}' holds no terms (it held ${l.before}); not loaded (set ${l.key}: true in the configuration if an empty list is meant)`);
  }
}

/**
 * A configured filter file, once it has held still: its bytes when it is small enough to send to
 * the page too, else its path, for createChecker to open part by part (src/filter/file.ts) —
 * filters of many GiB never go through one buffer.
 */
async function filterSource(path: string, settleMs: number, pageMaxBytes: number): Promise<{ bytes?: Uint8Array; path?: string }> {
  // Sized without waiting: readStable (small) or the second settledSize (large) does the settling.
  const size = await settledSize(path, 'filter file', 0);
  if (size <= pageMaxBytes) return { bytes: await readStable(path, 'filter file', settleMs, pageMaxBytes) };
  await settledSize(path, 'filter file', settleMs);
  return { path };
}
