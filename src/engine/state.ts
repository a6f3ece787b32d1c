import type { CheckerOptions, ResolvedOptions } from '../options.js';
import { resolveOptions } from '../options.js';
import { compileSubstitutions } from '../normalise/substitutions.js';
import type { NormaliserConfig } from '../normalise/normalise.js';
import { buildBannedLists, type BannedLists, type PrebuiltGlobal } from '../detect/banned-lists.js';
import { buildRankedDictionary, shippedDictionaryLists, type RankedDictionary } from '../detect/dictionary.js';
import { linkBannedWords, type BannedWordLink } from '../detect/word-scan.js';
import { deferred, type Deferred } from './deferred.js';
import { bannedIndexKey, dictionaryKey } from '../detect/dictionary-key.js';
import { Assets, Waivers, decodeAsset, loadInOrder, readList, readRequired, type Platform } from '../assets/platform.js';
import { loadFilter } from '../filter/index.js';
import type { ZxcvbnEstimator } from '../score/zxcvbn.js';
import { decodeModel, type CharModel } from '../score/model/index.js';
import type { PopularitySource } from '../popularity/types.js';
import type { AsyncSource } from './async-sources.js';
import { rangeSource } from '../filter/range-source.js';
import { rotationSource } from '../rotation/source.js';

/** A breached-password lookup, whatever filter backs it. */
export interface BreachedLookup {
  mayContain(password: string): boolean;
  readonly count: number;
  readonly falsePositiveRate: number;
  /**
   * The list the breach-list attack (score/attacks/breached-base.ts) reads as a wordlist, when
   * not this lookup itself: with `keepEmbedded`, the shipped list. Both together would double
   * the lookups' false hits and lose the precision that lets the attack run at all.
   */
  readonly wordlist?: BreachedLookup;
}

/** Evaluations before a checker that never saw an idle moment links banned terms to the dictionary. */
const LINK_AFTER_CALLS = 256;

/** Everything a checker computed once, shared read-only by every evaluation. */
export interface EngineState {
  readonly options: ResolvedOptions;
  readonly normaliser: NormaliserConfig;
  readonly banned: BannedLists;
  readonly dictionary: RankedDictionary | null;
  /**
   * How banned terms sit in the dictionary, so one scan finds both (null without a dictionary).
   * Linking costs ~10 ms of cold code, so it is built after createChecker returns (deferred.ts).
   */
  readonly bannedWords: Deferred<BannedWordLink> | null;
  readonly breached: BreachedLookup | null;
  readonly zxcvbn: ZxcvbnEstimator | null;
  /** The recommended estimate's character model (null when not estimating natively or not shipped). */
  readonly model: CharModel | null;
  /** Options `popularity`: the store of what this organisation's accounts chose (null: off). */
  readonly popularity: PopularitySource | null;
  /** Built-in sources that need `evaluateAsync` (engine/async-sources.ts), e.g. a range API. */
  readonly asyncSources: readonly AsyncSource[];
}

export async function buildState(platform: Platform, raw: CheckerOptions | undefined): Promise<EngineState> {
  const options = resolveOptions(raw);
  const { profile } = options;
  if (options.popularity && !platform.openPopularity) {
    // Said before any data is fetched: no amount of data makes it work here.
    throw new TypeError('`popularity` is a server-side feature (Node): record and check chosen passwords on the server, not in the browser');
  }
  const normaliser: NormaliserConfig = {
    unicodeForm: profile.unicodeForm,
    foldDiacritics: profile.foldDiacritics,
    foldConfusables: profile.foldConfusables,
    fold: compileSubstitutions(options.substitutions),
  };

  const native = profile.strength && options.estimator === 'native';
  const [globalTerms, breached, dictionary, model] = await loadInOrder([
    options.globalBannedTerms ?? readList(platform, Assets.globalBanned, Waivers.globalBanned),
    loadBreached(platform, options),
    native ? loadDictionary(platform, normaliser, options) : null,
    native && !platform.withoutModel ? loadModel(platform) : null,
  ] as const);
  const globalIndex = options.globalBannedTerms === undefined ? await loadGlobalIndex(platform, normaliser, options, globalTerms) : null;
  const banned = buildBannedLists(globalTerms, options.customBannedTerms, normaliser, profile.fuzzyMinLength, platform.exactMatcher, globalIndex);
  const bannedWords = dictionary
    ? deferred(() => linkBannedWords(dictionary, banned.folded(), platform.exactMatcher), LINK_AFTER_CALLS)
    : null;
  whenIdle(() => {
    banned.upgrade();
    bannedWords?.build();
  });
  const zxcvbn = profile.strength && options.estimator === 'zxcvbn' ? await zxcvbnLoader(platform, options)() : null;
  const popularity = options.popularity ? await popularityStore(platform, options.popularity) : null;
  const asyncSources = asyncSourcesOf(options, platform);
  // A shared (remote) store needs I/O per call: it is an asynchronous source like the range API.
  if (popularity && !popularity.sync) asyncSources.push(popularitySource(popularity));
  return { options, normaliser, banned, dictionary, bannedWords, breached, zxcvbn, model, popularity, asyncSources };
}

function popularitySource(popularity: PopularitySource): AsyncSource {
  return { name: 'popularity', applies: () => true, check: (call) => popularity.check(call.input.password) };
}

/** The asynchronous sources the options ask for: one list, whatever the source. */
function asyncSourcesOf(options: ResolvedOptions, platform: Platform): AsyncSource[] {
  const sources: AsyncSource[] = [];
  const b = options.breached;
  if (b && 'rangeUrl' in b) sources.push(rangeSource(b, options.profile.breachedLowercase));
  // Stored hashes of the previous password (context.previousPasswordHashes): it applies only to
  // calls that pass them, and fails closed where the platform cannot verify (browsers).
  sources.push(rotationSource(options.rotation, options.maxLength, platform.verifyHash));
  return sources;
}

/** The character model, shared by checkers: required by the native estimate (fails closed). */
function loadModel(platform: Platform): Promise<CharModel> {
  return once(platform, 'model', async () => {
    const bytes = await readRequired(platform, Assets.model, Waivers.dictionary);
    return decodeAsset(platform, Assets.model, () => decodeModel(bytes));
  });
}

/** Opened last, once everything else loaded: a failure before it leaves no connection behind. */
function popularityStore(platform: Platform, popularity: NonNullable<ResolvedOptions['popularity']>): Promise<PopularitySource> {
  return platform.openPopularity!(popularity);
}

/** The browser core has no zxcvbn-ts of its own (it would weigh ~10× the core): say where it is. */
function zxcvbnLoader(platform: Platform, options: ResolvedOptions): () => Promise<ZxcvbnEstimator> {
  const load = options.loadZxcvbn ?? platform.loadZxcvbn;
  if (!load) {
    throw new RangeError(
      "`estimator: 'zxcvbn'` is not built into this bundle: pass `estimator: zxcvbn`, the estimator exported by passgate/zxcvbn",
    );
  }
  return load;
}

/**
 * The shipped data never changes while a process runs and every structure built from it is
 * read-only, so checkers share them: a second checker (a server reload, one checker per tenant)
 * does not read and decode megabytes again. Keyed by platform and what the data was built with.
 */
const shared = new WeakMap<Platform, Map<string, Promise<unknown>>>();

function once<T>(platform: Platform, key: string, make: () => Promise<T>): Promise<T> {
  let cache = shared.get(platform);
  if (!cache) shared.set(platform, (cache = new Map()));
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make();
    cache.set(key, p);
    // A failure (missing file, damaged bytes) is not remembered: the next checker tries again.
    p.catch(() => cache.delete(key));
  }
  return p;
}

/**
 * The strength estimate's ranked words: the shipped lists, whatever banned lists the caller
 * chose (their terms reach the estimate as banned-term tokens). Precompiled by the data build for
 * the default settings; built from the text lists when the settings differ or the platform does
 * not ship the compiled file (browsers fetch the smaller text lists).
 */
function loadDictionary(platform: Platform, normaliser: NormaliserConfig, options: ResolvedOptions): Promise<RankedDictionary> {
  return once(platform, `dictionary|${dictionaryKey(normaliser, options.substitutions)}`, () => buildOrReadDictionary(platform, normaliser, options));
}

async function buildOrReadDictionary(platform: Platform, normaliser: NormaliserConfig, options: ResolvedOptions): Promise<RankedDictionary> {
  const compiled = platform.decodeDictionary ? await platform.readAsset(Assets.dictionaryCompiled) : null;
  const key = dictionaryKey(normaliser, options.substitutions);
  const fromBytes = compiled && decodeAsset(platform, Assets.dictionaryCompiled, () => platform.decodeDictionary!(compiled, key));
  if (fromBytes) return fromBytes;
  // Every list must be there (the other-language one is empty when the build had none).
  const [passwords, banned, english, names, other] = await loadInOrder(
    [Assets.commonPasswords, Assets.globalBanned, Assets.dictionary, Assets.names, Assets.dictionaryOther].map((a) =>
      readList(platform, a, Waivers.dictionary, a === Assets.dictionaryOther),
    ),
  );
  const lists = { passwords: passwords!, banned: banned!, english: english!, names: names!, other: other! };
  return buildRankedDictionary(shippedDictionaryLists(lists), normaliser, platform.exactMatcher);
}

/**
 * The shipped global list's index, precompiled by the data build for the recommended settings
 * (Node only; see banned-bytes.ts). Null when the platform has none or the settings differ: the
 * banned lists then build it from the text list. One built from another list is a DataError.
 */
async function loadGlobalIndex(
  platform: Platform,
  normaliser: NormaliserConfig,
  options: ResolvedOptions,
  terms: readonly string[],
): Promise<PrebuiltGlobal | null> {
  const prebuilt = platform.prebuiltBanned;
  if (!prebuilt) return null;
  const key = bannedIndexKey(normaliser, options);
  const index = await once(platform, `banned|${key}|${terms.length}`, async () => {
    const bytes = await platform.readAsset(Assets.bannedCompiled);
    return bytes && decodeAsset(platform, Assets.bannedCompiled, () => prebuilt.decode(bytes, key, terms));
  });
  return index && { index, stack: prebuilt.stack };
}

/** Runs `work` soon, without holding a Node process open for it (the answers never depend on it). */
function whenIdle(work: () => void): void {
  const timer = setTimeout(work, 0) as unknown as { unref?: () => void };
  timer.unref?.();
}

async function loadBreached(platform: Platform, options: ResolvedOptions): Promise<BreachedLookup | null> {
  const choice = options.breached;
  const open = (bytes: Uint8Array) => (platform.loadFilter ?? loadFilter)(bytes);
  const embedded = (): Promise<BreachedLookup | null> | null =>
    options.profile.breachedByDefault
      ? once(platform, `breached|${platform.breachedAsset}`, async () => {
          const bytes = await readRequired(platform, platform.breachedAsset, Waivers.breached);
          return decodeAsset(platform, platform.breachedAsset, () => open(bytes));
        })
      : null;
  if (choice === false) return null;
  if (choice === undefined) return embedded();
  if ('rangeUrl' in choice) return null; // a range source is asynchronous: asyncSourcesOf
  const [own, kept] = await Promise.all([
    'bytes' in choice
      ? open(choice.bytes)
      : 'path' in choice
        ? platform.openFilterFile ? platform.openFilterFile(choice.path) : open(await platform.readFile(choice.path))
        : open(await platform.fetchBytes(choice.url)),
    choice.keepEmbedded ? embedded() : null,
  ]);
  return kept ? eitherFilter(own, kept) : own;
}

/** Two filters as one lookup: breached if either holds the password; `b` (the shipped list) is the attack's wordlist. */
function eitherFilter(a: BreachedLookup, b: BreachedLookup): BreachedLookup {
  return {
    mayContain: (p) => a.mayContain(p) || b.mayContain(p),
    count: a.count + b.count,
    falsePositiveRate: 1 - (1 - a.falsePositiveRate) * (1 - b.falsePositiveRate),
    wordlist: b.wordlist ?? b,
  };
}
