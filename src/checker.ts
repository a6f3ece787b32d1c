import type { PasswordContext } from './types.js';
import type { CheckerOptions } from './options.js';
import type { Platform } from './assets/platform.js';
import { buildState, type EngineState } from './engine/state.js';
import { detect, finish, type EvaluationResult } from './engine/evaluate.js';
import { describePolicy, type PolicyDescription } from './policy/describe.js';
import { runAsync, runSync } from './engine/run-checks.js';
import { predecessors as predecessorsOf, MAX_PREDECESSORS } from './rotation/predecessors.js';
import { codePointLength } from './normalise/normalise.js';
import type { PopularityStats } from './popularity/types.js';

export interface EvaluateOptions {
  /** Overrides the checker's locale for this call. */
  locale?: string;
}

/**
 * A configured password checker. Build one with `createChecker` (it loads and indexes the lists
 * once) and call `evaluate` for every candidate password; it is immutable and safe to share.
 */
export class Checker {
  readonly #state: EngineState;

  /** @internal use `createChecker` */
  constructor(state: EngineState) {
    this.#state = state;
  }

  /**
   * Judges one password. Synchronous, and never throws for a string: over-long input (before or
   * after normalisation) is refused as TOO_LONG before any other work. Misuse throws TypeError: a
   * non-string password, a context that is not an object, or one whose fields cannot be read or
   * are not strings (the message names the field, never a value).
   */
  evaluate(password: string, context?: PasswordContext, options?: EvaluateOptions): EvaluationResult {
    assertPassword(password);
    const locale = this.#locale(options);
    const detection = detect(this.#state, password, context);
    const extra = runSync(this.#state, detection, context);
    const popularity = this.#state.popularity;
    // The in-process store answers at once: plain evaluate checks it (a remote one is an async source).
    if (detection.input && popularity?.sync) extra.push(...popularity.checkSync(password));
    return finish(this.#state, detection, extra, locale);
  }

  /**
   * Like `evaluate`, and also waits for what needs time: asynchronous custom checks (e.g. a
   * password-history lookup) and built-in asynchronous sources (a range API), each within
   * `checkTimeoutMs`. Every surface (the service, `passgate/fetch`, the CLI) calls this one.
   */
  async evaluateAsync(password: string, context?: PasswordContext, options?: EvaluateOptions): Promise<EvaluationResult> {
    assertPassword(password);
    const locale = this.#locale(options);
    const checked = await runAsync(this.#state, detect(this.#state, password, context), password, context);
    const popularity = this.#state.popularity;
    const popular = checked.detection.input && popularity?.sync ? popularity.checkSync(password) : [];
    return finish(this.#state, checked.detection, popular.length > 0 ? [...checked.extra, ...popular] : checked.extra, locale);
  }

  /**
   * True when some evaluation may need `evaluateAsync`: the checker has asynchronous sources (a
   * range API) or custom checks (which may be asynchronous). Whatever it says, a call that passes
   * `context.previousPasswordHashes` needs `evaluateAsync` (the rotation source is always there
   * and applies to those calls only, so it is not counted here).
   */
  get needsAsync(): boolean {
    return this.#state.asyncSources.some((s) => !s.contextOnly) || this.#state.options.checks.length > 0;
  }

  /**
   * The likeliest old passwords of `password`, most likely first (year − 1, number − 1, the
   * previous season, a symbol removed, case or leetspeak undone; rotation/predecessors.ts), for
   * applications whose hash scheme passgate does not verify: hash each and compare. Excludes the
   * password itself (try it too: a reused password). `limit` (default 32) is capped at 1000; a
   * password over `maxLength` has none.
   */
  predecessors(password: string, options?: { limit?: number }): string[] {
    assertPassword(password);
    const limit = options?.limit ?? 32;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > MAX_PREDECESSORS) {
      throw new RangeError(`\`limit\` must be an integer between 0 and ${MAX_PREDECESSORS}`);
    }
    const max = this.#state.options.maxLength;
    if (password.length > 2 * max || codePointLength(password) > max) return [];
    return predecessorsOf(password, limit);
  }

  /**
   * Counts a password that was just set (options `popularity`): its root, as keyed counter
   * positions, never the root itself. Call it after the password is accepted and saved — not on
   * evaluation, which sees every keystroke. Rejects with TypeError without `popularity`, with
   * RangeError for a password over `maxLength`, and with PopularityStoreError when the store
   * fails (the password was set; the application decides whether to retry).
   */
  async recordChosen(password: string): Promise<void> {
    assertPassword(password);
    const popularity = this.#state.popularity;
    if (!popularity) throw new TypeError('recordChosen needs the `popularity` option');
    const max = this.#state.options.maxLength;
    if (password.length > 2 * max || codePointLength(password) > max) throw new RangeError('The password is longer than `maxLength`: not recorded');
    await popularity.record(password);
  }

  /** The popularity store's health for monitoring: fill and failures, never a root or a count of one (null: off). */
  async popularityStats(): Promise<PopularityStats | null> {
    return this.#state.popularity ? this.#state.popularity.stats() : null;
  }

  /** Releases what the checker holds open (the popularity store's connection; a snapshot is written). Idempotent. */
  async close(): Promise<void> {
    await this.#state.popularity?.close();
  }

  /** Judges many passwords with one context; the batch API for audits and benchmarks. */
  evaluateMany(passwords: readonly string[], context?: PasswordContext, options?: EvaluateOptions): EvaluationResult[] {
    return passwords.map((p) => this.evaluate(p, context, options));
  }

  /** The policy in force, machine-readable, for UI checklists and `GET /v1/policy`. */
  policy(): PolicyDescription {
    return describePolicy(this.#state);
  }

  toString(): string {
    return `[passgate Checker ${this.#state.options.profile.name}]`;
  }

  /**
   * The languages this checker's messages come in: the nine built-in locales, then any added
   * with options `messages` (the service's Accept-Language negotiation chooses among these).
   */
  get locales(): readonly string[] {
    return this.#state.options.wording.locales;
  }

  #locale(options: EvaluateOptions | undefined): string {
    if (options?.locale === undefined) return this.#state.options.locale;
    // A bad per-call locale must not make evaluate throw: fall back to the checker's own.
    return this.#state.options.wording.language(options.locale) ?? this.#state.options.locale;
  }
}

function assertPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string') throw new TypeError('The `password` argument must be a string');
}

/** Loads the lists once and returns a checker. Throws TypeError/RangeError on bad options. */
export async function createCheckerOn(platform: Platform, options?: CheckerOptions): Promise<Checker> {
  return new Checker(await buildState(platform, options));
}
