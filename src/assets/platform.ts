import type { BreachedFilter } from '../filter/index.js';
import type { ExactMatcherFactory } from '../match/exact-matcher.js';
import type { TermIndex } from '../match/term-index.js';
import type { PrebuiltGlobal } from '../detect/banned-lists.js';
import type { RankedDictionary } from '../detect/dictionary.js';

/**
 * What the checker needs from its host, so the same engine runs in Node and in browsers: the
 * Node entry reads the shipped files from the package's `data/` folder, the browser entry
 * fetches them lazily from a URL.
 */
export interface Platform {
  /** A shipped data file by name (e.g. `global-banned.txt`), or null if this build has none. */
  readAsset(name: string): Promise<Uint8Array | null>;
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
   * Reads the precompiled global banned-list index (`Assets.bannedCompiled`), or null if it was
   * built with other settings than `key` or for a list of another length; and stacks the custom
   * terms' index on it. Node only, as above.
   */
  readonly prebuiltBanned?: {
    decode(bytes: Uint8Array, key: string, termCount: number): TermIndex | null;
    stack: PrebuiltGlobal['stack'];
  };
  /**
   * Opens filter bytes. Optional: the portable loader (pure-JS SHA-1) is used without it; Node
   * passes one backed by its native SHA-1 for `sha1`-keyed (HIBP) filters.
   */
  readonly loadFilter?: (bytes: Uint8Array) => BreachedFilter;
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

export function lines(bytes: Uint8Array | null): string[] {
  if (!bytes) return [];
  const text = new TextDecoder().decode(bytes);
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = text.slice(from, text.charCodeAt(to - 1) === 13 ? to - 1 : to);
    if (line.length > 0 && line.charCodeAt(0) !== 35 /* # comment */) out.push(line);
    from = to + 1;
  }
  return out;
}
