import type { BreachedFilter } from '../filter/index.js';
import type { ExactMatcherFactory } from '../match/exact-matcher.js';
import type { TermIndex } from '../match/term-index.js';
import type { PrebuiltGlobal } from '../detect/banned-lists.js';
import type { ZxcvbnEstimator } from '../score/zxcvbn.js';
import type { RankedDictionary } from '../detect/dictionary.js';
import type { ResolvedPopularity } from '../popularity/options.js';
import type { PopularitySource } from '../popularity/types.js';
import { DataError } from '../errors.js';
import { splitLines } from '../text-lines.js';
import type { Verify } from '../rotation/source.js';
import { MANIFEST } from './integrity.js';

/**
 * What the checker needs from its host, so the same engine runs in Node and in browsers: the
 * Node entry reads the shipped files from the package's `data/` folder, the browser entry
 * fetches them lazily from a URL.
 */
export interface Platform {
  /**
   * A shipped data file by name (e.g. `global-banned.txt`), or null when this platform has no
   * such file (not found, HTTP 404). Any other failure (permissions, HTTP 500, the network)
   * rejects with a DataError. Callers that need the file use `readRequired`.
   */
  readAsset(name: string): Promise<Uint8Array | null>;
  /** Where a data file is looked for (a path or a URL), for error messages. */
  locate(name: string): string;
  /** How to get the data files to where they are looked for, for error messages. */
  readonly dataHint: string;
  /** The HTTP status `readAsset` reads as "no such file" (browsers: 404); none on file systems. */
  readonly notFoundStatus?: number;
  /** A user-supplied file (`breached: { path }`). */
  readFile(path: string): Promise<Uint8Array>;
  /** A user-supplied URL (`breached: { url }`). */
  fetchBytes(url: string | URL): Promise<Uint8Array>;
  /** The embedded breached filter's file name on this platform. */
  readonly breachedAsset: string;
  /**
   * Reads the precompiled dictionary (`Assets.dictionaryCompiled`), or null if it was folded
   * with other settings than `key`. Node only: browsers build from the smaller text lists rather
   * than download the compiled file (and keep the decoder out of their bundle).
   */
  readonly decodeDictionary?: (bytes: Uint8Array, key: string) => RankedDictionary | null;
  /**
   * Builds the exact matcher of the dictionary and banned lists. Node: the compact ExactTrie
   * (fewer cache misses at high volume); without one, a TermIndex with no fuzzy keys, which
   * every bundle has anyway for fuzzy matching.
   */
  readonly exactMatcher?: ExactMatcherFactory;
  /**
   * Reads the precompiled index (`Assets.bannedCompiled`) of the global list `terms`, or null if
   * it was built with other settings than `key` (throws when it was built from another list:
   * banned-bytes.ts); and stacks the custom terms' index on it. Node only, as above.
   */
  readonly prebuiltBanned?: {
    decode(bytes: Uint8Array, key: string, terms: readonly string[]): TermIndex | null;
    stack: PrebuiltGlobal['stack'];
  };
  /**
   * Opens filter bytes. Optional: the portable loader (pure-JS SHA-1) is used without it; Node
   * passes one backed by its native SHA-1 for `sha1`-keyed (HIBP) filters.
   */
  readonly loadFilter?: (bytes: Uint8Array) => BreachedFilter;
  /**
   * Verifies a candidate against a stored password hash (`context.previousPasswordHashes`).
   * Node only (rotation/verify-node.ts, node:crypto and the argon2/bcrypt packages); without
   * it, an evaluation given hashes fails closed with CHECK_ERROR.
   */
  readonly verifyHash?: Verify;
  /**
   * Opens a filter file (`breached: { path }`) checking its kind, header and size before reading
   * it part by part (src/filter/file.ts). Without it, `readFile` + `loadFilter`.
   */
  readonly openFilterFile?: (path: string) => Promise<BreachedFilter>;
  /**
   * Loads zxcvbn-ts for `estimator: 'zxcvbn'`. Node only: the browser core leaves it out so no
   * bundler can pull it in; pages pass the estimator from `passgate/zxcvbn` instead.
   */
  readonly loadZxcvbn?: () => Promise<ZxcvbnEstimator>;
  /**
   * Opens the popularity store (options `popularity`). Node only: counting what accounts chose is
   * a server's work, and keyed hashing needs node:crypto; browsers have none.
   */
  readonly openPopularity?: (options: ResolvedPopularity) => Promise<PopularitySource>;
  /**
   * The browser's light tier (src/assets/tiers.ts) ships no character model: the native estimate
   * runs without it (it can only price fewer passwords low, never more). Elsewhere the model is
   * required (a missing one is a DataError).
   */
  readonly withoutModel?: boolean;
  /** The file a data file's name is served from, for errors (the light tier's own files); default: the name. */
  readonly fileOf?: (name: string) => string;
}

/** Data file names, shared by the build script and both platforms. */
export const Assets = {
  globalBanned: 'global-banned.txt',
  dictionary: 'dictionary-en.txt',
  /** Spanish, Portuguese, Dutch, Polish words, when the data build had the Debian lists. */
  dictionaryOther: 'dictionary-other.txt',
  names: 'names.txt',
  commonPasswords: 'common-passwords.txt',
  /** The four lists above folded and indexed for the recommended profile (dictionary-bytes.ts). */
  dictionaryCompiled: 'dictionary-recommended.bin',
  /** The global banned list folded and indexed for the recommended profile (banned-bytes.ts). */
  bannedCompiled: 'banned-recommended.bin',
  /** The strength estimate's character model, trained and calibrated by the data build (src/score/model/). */
  model: 'model-chars.bin',
  breachedFull: 'breached-1m.pgf',
  breachedSmall: 'breached-100k.pgf',
} as const;

/**
 * The data files `passgate serve` hands its page (the browser platform asks for them; filters are
 * served from the server's state instead): one list for the route and its OpenAPI description.
 */
export const PAGE_DATA_FILES: readonly string[] = [MANIFEST, Assets.globalBanned, Assets.dictionary, Assets.dictionaryOther, Assets.names, Assets.commonPasswords, Assets.model];

/** A shipped list's entries: UTF-8, one a line, by the project's one line rule (src/text-lines.ts). */
export function lines(bytes: Uint8Array): string[] {
  return splitLines(new TextDecoder().decode(bytes));
}

/**
 * The option that lets a checker run without a data file, by what the file is needed for: one
 * source for the errors and the README's table. The compiled indexes need no waiver: without
 * them the checker builds the same structures from the text lists.
 */
export const Waivers = {
  globalBanned: 'pass `globalBannedTerms` (your own list, or [] for none)',
  breached: 'pass `breached` (false for none, or your own filter)',
  dictionary: "pass `estimator: 'zxcvbn'` (the native strength estimate needs these word lists)",
} as const;

/** A shipped data file the checker cannot do without: DataError when it is absent. */
export async function readRequired(platform: Platform, name: string, waiver: string): Promise<Uint8Array> {
  const bytes = await platform.readAsset(name);
  if (bytes) return bytes;
  name = platform.fileOf?.(name) ?? name;
  const where = platform.locate(name);
  const status = platform.notFoundStatus;
  const how = status === undefined ? '' : ` (HTTP ${status})`;
  throw new DataError(`passgate: data file ${name} not found at ${where}${how}. ${platform.dataHint}; or, to run without it, ${waiver}.`, {
    file: name,
    location: where,
    status,
  });
}

/** A required word list, which a build never writes empty: an empty one is damaged. */
export async function readList(platform: Platform, name: string, waiver: string, mayBeEmpty = false): Promise<string[]> {
  const list = lines(await readRequired(platform, name, waiver));
  if (list.length === 0 && !mayBeEmpty) throw damaged(platform, name, new Error('no entries'));
  return list;
}

/** Decodes a shipped file; any error (a decoder's RangeError, a FilterFormatError) becomes a DataError naming it. */
export function decodeAsset<T>(platform: Platform, name: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    throw err instanceof DataError ? err : damaged(platform, name, err);
  }
}

function damaged(platform: Platform, name: string, cause: unknown): DataError {
  const where = platform.locate(name);
  name = platform.fileOf?.(name) ?? name;
  const why = cause instanceof Error ? cause.message : 'unreadable';
  return new DataError(`passgate: data file ${name} at ${where} is damaged (${why}); reinstall passgate or rebuild its data (npm run build:data).`, {
    file: name,
    location: where,
    cause,
  });
}

/**
 * Promise.all for loads, except that it waits for all of them and throws the first failure in
 * the order given: the same missing data always gives the same error, not whichever read lost
 * a race.
 */
export async function loadInOrder<T extends readonly unknown[]>(loads: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(loads);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
