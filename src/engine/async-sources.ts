import type { CheckInput, Finding, PasswordContext } from '../types.js';

/** What an asynchronous source is asked about: the prepared input and the caller's context. */
export interface SourceCall {
  readonly input: CheckInput;
  readonly context: PasswordContext | undefined;
}

/**
 * Built-in work that needs I/O or time (a range API, verifying hashes, a shared store): it runs in
 * `evaluateAsync` only. One interface for all of them, so every surface treats them alike:
 * - `applies` says whether this call needs the source at all (cheap and synchronous);
 * - `check` answers findings, and maps its own failures to findings as its `onError` says
 *   (never silent). A source that throws, or does not answer within the checker's
 *   `checkTimeoutMs`, becomes a rejecting CHECK_ERROR (fail closed);
 * - a source that reports BREACHED makes the evaluation breached exactly as the embedded filter
 *   does (same strength, same findings): engine/run-async.ts re-runs detection so.
 * Plain `evaluate` never skips an applicable source: it answers a rejecting CHECK_ERROR that says
 * `evaluateAsync` is needed.
 */
export interface AsyncSource {
  /** Short name shown in CHECK_ERROR params, e.g. 'breached-range'. Never holds user data. */
  readonly name: string;
  /**
   * True for a source that applies only when the caller's context asks for it (stored hashes of a
   * previous password): a checker with only such sources does not need `evaluateAsync` otherwise.
   */
  readonly contextOnly?: boolean;
  applies(call: SourceCall): boolean;
  check(call: SourceCall, signal: AbortSignal): Promise<readonly Finding[]>;
}

/** Default `checkTimeoutMs`: custom async checks and async sources must answer within it. */
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;
export const MAX_CHECK_TIMEOUT_MS = 120_000;

/** A source or check that failed or took too long: rejecting, never what it threw. */
export const sourceError = (source: string, reason: string): Finding => ({ code: 'CHECK_ERROR', source: 'check', params: { source, reason } });

export const NEEDS_ASYNC = 'asynchronous check: use evaluateAsync()';

export class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'CheckTimeout';
  }
}

/**
 * Runs `work` with a deadline: settles with its value, or rejects with CheckTimeout after `ms`
 * (the signal is aborted then, so a source can stop its I/O). The timer never outlives the call.
 */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new CheckTimeout(ms));
    }, ms);
  });
  try {
    const running = Promise.resolve().then(() => work(abort.signal));
    running.catch(() => undefined); // a late failure after the deadline is not unhandled
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
