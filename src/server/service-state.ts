import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createChecker, type Checker } from '../index.js';
import type { CheckerOptions } from '../options.js';
import { Assets } from '../assets/platform.js';
import { loadFilter } from '../filter/node.js';
import { PROFILES } from '../policy/profiles.js';
import { ConfigError, readTermFile, type ServiceConfig } from './config.js';
import { dataDir, readIfExists } from './package-files.js';

/** A response body the server can send with validators (ETag) and a content type. */
export interface StaticBody {
  readonly body: Uint8Array;
  readonly type: string;
  readonly etag: string;
}

/**
 * Everything one configuration produced, built completely before it is used and never changed
 * after: a reload builds a new one and swaps a single reference, so a request that picked up a
 * state sees its checker, its policy and its filter together, never a mix of two.
 */
export interface ServiceState {
  readonly generation: number;
  readonly loadedAt: string;
  readonly config: ServiceConfig;
  readonly checker: Checker;
  readonly policy: StaticBody;
  /** The options the page builds its own checker with: the server's lists, minus the filter. */
  readonly pageConfig: StaticBody;
  /** The filter served to the page: the checker's own, or the small tier when the checker uses the default (null: none). */
  readonly filter: StaticBody | null;
  /** Files whose change should trigger a reload. */
  readonly inputs: readonly string[];
  /** Things an operator should know (e.g. the default filter tier is not built). */
  readonly warnings: readonly string[];
}

/** What the page receives at /page/config.json. */
export interface PageConfig {
  readonly generation: number;
  readonly options: Omit<CheckerOptions, 'breached' | 'checks' | 'substitutions' | 'estimator'>;
  readonly breached: null | { readonly url: string; readonly bytes: number; readonly entries: number };
}

export const FILTER_PATH = '/data/breached.pgf';

export function staticBody(body: Uint8Array | string, type: string): StaticBody {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
  return { body: bytes, type, etag };
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Builds a complete state from a configuration; throws ConfigError with a clear reason. */
export async function buildServiceState(config: ServiceConfig, generation: number, configFile?: string): Promise<ServiceState> {
  const warnings: string[] = [];
  const inputs: string[] = configFile ? [configFile] : [];
  const profileName = config.profile ?? 'recommended';

  const customBannedTerms = config.customTermsFile ? await readTermFile(config.customTermsFile, 'custom terms file') : undefined;
  const globalBannedTerms = config.globalTermsFile ? await readTermFile(config.globalTermsFile, 'global terms file') : undefined;
  if (config.customTermsFile) inputs.push(config.customTermsFile);
  if (config.globalTermsFile) inputs.push(config.globalTermsFile);

  let filterBytes: Uint8Array | null = null;
  let libraryDefault = false;
  if (typeof config.breachedFile === 'string') {
    inputs.push(config.breachedFile);
    try {
      filterBytes = new Uint8Array(await readFile(config.breachedFile));
    } catch (err) {
      throw new ConfigError(`filter file '${config.breachedFile}': cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  } else if (config.breachedFile === undefined && PROFILES[profileName]?.breachedByDefault) {
    // The server judges with the library's default filter (the 1M tier), like createChecker and
    // the CLI; the page gets the shipped small tier for instant, provisional feedback.
    libraryDefault = true;
    const dir = dataDir();
    filterBytes = dir ? await readIfExists(join(dir, Assets.breachedSmall)) : null;
    if (!filterBytes) warnings.push(`no breached-password filter: ${Assets.breachedSmall} is not built (npm run build:data)`);
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
  };

  let checker: Checker;
  try {
    checker = await createChecker(libraryDefault ? options : { ...options, breached: filterBytes ? { bytes: filterBytes } : false });
  } catch (err) {
    // Option and filter-format errors name the option or the broken field, never list contents.
    const what = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
    throw new ConfigError(`invalid configuration (${what})`);
  }

  const policyDescription = checker.policy();
  const filter = filterBytes ? staticBody(filterBytes, 'application/octet-stream') : null;
  const pageConfig: PageConfig = {
    generation,
    options,
    breached: filter
      ? {
          // Relative to the service root (proxies may mount it under a prefix); the ETag in the URL
          // makes each filter version its own cacheable address.
          url: `${FILTER_PATH.slice(1)}?v=${encodeURIComponent(filter.etag.slice(1, -1))}`,
          bytes: filter.body.byteLength,
          entries: libraryDefault ? loadFilter(filter.body).count : policyDescription.lists.breached?.entries ?? 0,
        }
      : null,
  };

  return {
    generation,
    loadedAt: new Date().toISOString(),
    config,
    checker,
    policy: staticBody(JSON.stringify(policyDescription), JSON_TYPE),
    pageConfig: staticBody(JSON.stringify(pageConfig), JSON_TYPE),
    filter,
    inputs,
    warnings,
  };
}
