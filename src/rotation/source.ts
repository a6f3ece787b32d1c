/**
 * The rotation check against stored hashes, as an asynchronous source (engine/async-sources.ts):
 * it applies when the context carries `previousPasswordHashes`, generates the new password's
 * likeliest predecessors (predecessors.ts; the password itself first: a reused password), and
 * verifies them against each hash, stopping at the first match, after `maxCandidates`
 * candidates, or once `budgetMs` has passed (checked before each verification; one verification
 * in flight may overrun it by its own cost; the first ALWAYS_VERIFIED are made whatever the
 * budget). Nothing is stored.
 */
import type { Finding } from '../types.js';
import { sourceError, type AsyncSource } from '../engine/async-sources.js';
import { predecessors, MAX_PREDECESSORS } from './predecessors.js';
import { readRotationContext, rotatedFinding } from './context.js';
import type { ParsedHash } from './hash-format.js';

/** Options `rotation`. */
export interface RotationOptions {
  /** Candidate old passwords tried per hash (the password itself counts as one). Default 16. */
  maxCandidates?: number;
  /** Time after which no further verification starts, in ms. Default 1000. */
  budgetMs?: number;
}
export interface ResolvedRotation {
  readonly maxCandidates: number;
  readonly budgetMs: number;
}

/**
 * Defaults: 16 candidates cover the classes that carry most rotations (bench/RESULTS.md,
 * "Rotated passwords"), and 1 s bounds a request's CPU at about one core-second whatever the
 * hash (argon2id at OWASP's minimum costs tens of ms a verification, bcrypt cost 12 hundreds).
 */
export const ROTATION_DEFAULTS: ResolvedRotation = Object.freeze({ maxCandidates: 16, budgetMs: 1000 });
export const MAX_ROTATION_BUDGET_MS = 60_000;

/** Resolves options `rotation`; throws TypeError/RangeError naming the option. */
export function resolveRotation(value: unknown): ResolvedRotation {
  if (value === undefined) return ROTATION_DEFAULTS;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('`rotation` must be an object');
  const v = value as RotationOptions;
  for (const key of Object.keys(v)) if (key !== 'maxCandidates' && key !== 'budgetMs') throw new TypeError(`Unknown option \`rotation.${key}\``);
  const int = (name: string, x: unknown, min: number, max: number, dflt: number) => {
    if (x === undefined) return dflt;
    if (typeof x !== 'number' || !Number.isInteger(x)) throw new TypeError(`\`rotation.${name}\` must be an integer`);
    if (x < min || x > max) throw new RangeError(`\`rotation.${name}\` must be between ${min} and ${max}`);
    return x;
  };
  return {
    maxCandidates: int('maxCandidates', v.maxCandidates, 1, MAX_PREDECESSORS + 1, ROTATION_DEFAULTS.maxCandidates),
    budgetMs: int('budgetMs', v.budgetMs, 1, MAX_ROTATION_BUDGET_MS, ROTATION_DEFAULTS.budgetMs),
  };
}

/** What the rotation source gets from the platform: Node verifies, browsers have none. */
export type Verify = (candidate: string, hash: ParsedHash) => Promise<boolean>;

/** The source's name, in CHECK_ERROR params. */
export const ROTATION_SOURCE = 'rotation';

/** What one check did, for the bench: candidates verified and whether it matched. */
export interface RotationTrace {
  verified: number;
  matched: boolean;
  stoppedBy: 'match' | 'candidates' | 'budget' | 'abort';
}

const unavailable = (reason: string): Finding => sourceError(ROTATION_SOURCE, reason);

/**
 * The candidates tried for `password`, in order: the password itself, then its predecessors, at
 * most `maxCandidates` in all.
 */
export function rotationCandidates(password: string, maxCandidates: number): string[] {
  return [password, ...predecessors(password, maxCandidates - 1)];
}

/**
 * Verifications made whatever the budget: the password itself and its likeliest predecessor
 * against the first hash (the current password's: pass it first). On a slow hash or a loaded
 * machine one verification can outlast the whole budget, and the commonest rotation must still
 * be caught; the cost is bounded by the hash caps (hash-format.ts) and `checkTimeoutMs`.
 */
export const ALWAYS_VERIFIED = 2;

/**
 * Verifies candidates against hashes within the budget: the floor first (ALWAYS_VERIFIED), then
 * each candidate against every hash in rank order; see the file comment.
 */
export async function verifyCandidates(
  candidates: readonly string[], hashes: readonly ParsedHash[], verify: Verify, budgetMs: number, signal?: AbortSignal, now: () => number = Date.now,
): Promise<RotationTrace> {
  const deadline = now() + budgetMs;
  const order: [number, number][] = [];
  const floor = Math.min(ALWAYS_VERIFIED, candidates.length);
  for (let c = 0; c < floor; c++) if (hashes.length > 0) order.push([c, 0]);
  for (let c = 0; c < candidates.length; c++) for (let h = 0; h < hashes.length; h++) if (c >= floor || h > 0) order.push([c, h]);
  let verified = 0;
  for (const [c, h] of order) {
    if (signal?.aborted) return { verified, matched: false, stoppedBy: 'abort' };
    if (verified >= floor && now() >= deadline) return { verified, matched: false, stoppedBy: 'budget' };
    verified++;
    if (await verify(candidates[c]!, hashes[h]!)) return { verified, matched: true, stoppedBy: 'match' };
  }
  return { verified, matched: false, stoppedBy: 'candidates' };
}

export function rotationSource(options: ResolvedRotation, maxLength: number, verify: Verify | undefined): AsyncSource {
  return {
    name: ROTATION_SOURCE,
    contextOnly: true,
    applies: (call) => readRotationContext(call.context, maxLength).hashes.length > 0,
    async check(call, signal) {
      const { hashes } = readRotationContext(call.context, maxLength);
      if (hashes.length === 0) return [];
      if (!verify) return [unavailable('password hashes are verified in Node only')];
      const candidates = rotationCandidates(call.input.password, options.maxCandidates);
      try {
        const trace = await verifyCandidates(candidates, hashes, verify, options.budgetMs, signal);
        return trace.matched ? [rotatedFinding('previousPasswordHashes')] : [];
      } catch (e) {
        // A scheme whose package is missing: say which package, fail closed. Anything else
        // propagates, and the engine turns it into a CHECK_ERROR without its message.
        if (e instanceof Error && e.name === 'MissingHashPackage') return [unavailable(e.message)];
        throw e;
      }
    },
  };
}
