import type { CheckInput, Finding, PasswordContext } from './types.js';
import type { CheckerOptions } from './options.js';
import type { Platform } from './assets/platform.js';
import { buildState, type EngineState } from './engine/state.js';
import { detect, finish, type EvaluationResult } from './engine/evaluate.js';
import { describePolicy, type PolicyDescription } from './policy/describe.js';
import { resolveLocale, type Locale } from './wording/locales.js';
import { checkError, customFindings } from './engine/custom-findings.js';
import { PasswordRedactor } from './engine/redact.js';
import { predecessors as predecessorsOf, MAX_PREDECESSORS } from './rotation/predecessors.js';
import { codePointLength } from './normalise/normalise.js';

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
    const extra = detection.input ? runChecksSync(this.#state, detection.input) : [];
    // Stored hashes need evaluateAsync: never skipped silently (fail closed).
    if (detection.input && this.#state.rotation.applies({ input: detection.input, context })) {
      extra.push({ code: 'CHECK_ERROR', source: 'check', params: { source: 'rotation', reason: 'asynchronous check: use evaluateAsync()' } });
    }
    return finish(this.#state, detection, extra, locale);
  }

  /** Like `evaluate`, and waits for asynchronous custom checks (e.g. a password-history lookup). */
  async evaluateAsync(password: string, context?: PasswordContext, options?: EvaluateOptions): Promise<EvaluationResult> {
    assertPassword(password);
    const locale = this.#locale(options);
    const detection = detect(this.#state, password, context);
    const extra = detection.input ? await runChecksAsync(this.#state, detection.input) : [];
    const rotation = this.#state.rotation;
    if (detection.input && rotation.applies({ input: detection.input, context })) {
      try {
        extra.push(...(await rotation.check({ input: detection.input, context }, new AbortController().signal)));
      } catch {
        extra.push({ code: 'CHECK_ERROR', source: 'check', params: { source: 'rotation', reason: 'the source failed' } });
      }
    }
    return finish(this.#state, detection, extra, locale);
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

  #locale(options: EvaluateOptions | undefined): Locale {
    if (options?.locale === undefined) return this.#state.options.locale;
    // A bad per-call locale must not make evaluate throw: fall back to the checker's own.
    try {
      return resolveLocale(options.locale, 'locale');
    } catch {
      return this.#state.options.locale;
    }
  }
}

function assertPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string') throw new TypeError('The `password` argument must be a string');
}

/** Loads the lists once and returns a checker. Throws TypeError/RangeError on bad options. */
export async function createCheckerOn(platform: Platform, options?: CheckerOptions): Promise<Checker> {
  return new Checker(await buildState(platform, options));
}

// The offset maps of ASCII passwords are views of one shared table: a check gets its own copy,
// so a careless one cannot corrupt the next evaluation.
function isolate(input: CheckInput): CheckInput {
  return { ...input, text: { ...input.text, start: input.text.start.slice(), end: input.text.end.slice() } };
}

// A custom check that fails must not let a password through, nor leak what it threw (a check's
// own error message may quote the password): it becomes a generic rejecting finding.
function runChecksSync(state: EngineState, shared: CheckInput): Finding[] {
  const checks = state.options.checks;
  if (checks.length === 0) return [];
  const input = isolate(shared);
  const valid = validator(state, shared);
  const out: Finding[] = [];
  checks.forEach((check, i) => {
    try {
      const r = check(input);
      if (r && typeof (r as Promise<unknown>).then === 'function') {
        (r as Promise<unknown>).catch(() => undefined);
        out.push(checkError(i, 'asynchronous check: use evaluateAsync()'));
      } else out.push(...valid(r, i));
    } catch {
      out.push(checkError(i, 'the check threw'));
    }
  });
  return out;
}

async function runChecksAsync(state: EngineState, shared: CheckInput): Promise<Finding[]> {
  const checks = state.options.checks;
  if (checks.length === 0) return [];
  const input = isolate(shared);
  const valid = validator(state, shared);
  const results = await Promise.all(
    checks.map(async (check, i) => {
      try {
        return valid(await check(input), i);
      } catch {
        return [checkError(i, 'the check threw')];
      }
    }),
  );
  return results.flat();
}

function validator(state: EngineState, input: CheckInput): (returned: unknown, i: number) => Finding[] {
  const redactor = new PasswordRedactor(input.password, input.text, state.normaliser);
  return (returned, i) => customFindings(returned, i, input.password.length, redactor);
}
