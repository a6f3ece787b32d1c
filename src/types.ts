import type { BuiltInCode } from './codes.js';
import type { ProfileName } from './policy/profiles.js';

/** The profiles' names: the keys of `PROFILES` (src/policy/profiles.ts). */
export type { ProfileName };
export type Mode = 'enforce' | 'audit';

/** Where a finding came from. */
export type FindingSource =
  | 'global'
  | 'custom'
  | 'context'
  | 'breached'
  | 'pattern'
  | 'dictionary'
  | 'policy'
  | 'strength'
  | 'check'
  | 'popularity';

/**
 * One fact the detectors found about a password. It never carries the password itself:
 * `term` is the banned/dictionary/context term that matched, spans are offsets.
 */
export interface Finding {
  /** Stable code (see `Codes`); custom checks may use their own strings. */
  readonly code: BuiltInCode | (string & {});
  readonly source: FindingSource;
  /** UTF-16 offset of the first matched unit in the original password. */
  readonly start?: number;
  /** UTF-16 offset one past the last matched unit in the original password. */
  readonly end?: number;
  /** The list term that matched (never a slice of the password). */
  readonly term?: string;
  /** Edit distance between the matched span (normalised) and `term`: 0 exact, 1 fuzzy. */
  readonly distance?: number;
  /** Extra parameters for messages, e.g. `{ min: 8 }` or `{ kind: 'year' }`. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** Set by the policy layer: `'reject'` when this finding is a reason for rejection. */
  readonly severity?: 'reject' | 'warn' | 'info';
  /** The finding in words, in the checker's locale (set by the wording layer). */
  readonly message?: string;
}

/** Facts about the user that a password must not be built from. */
export interface PasswordContext {
  firstName?: string;
  lastName?: string;
  username?: string;
  email?: string;
  tenantName?: string;
  displayName?: string;
  /** Extra words specific to this user or page (e.g. the service name). */
  extraTerms?: string[];
  /**
   * The current password, when the user typed it (self-service change): a new password that is
   * it with its rotating parts changed is refused as ROTATED_PASSWORD. Never a context term,
   * never echoed or logged. At most `maxLength` characters.
   */
  previousPassword?: string;
  /**
   * The user's stored hash, or a short history (at most 5): PHC / modular-crypt strings for
   * argon2id, bcrypt, scrypt and PBKDF2. `evaluateAsync` (Node) verifies the new password's
   * likeliest predecessors against them (options `rotation`); plain `evaluate` fails closed.
   */
  previousPasswordHashes?: string[];
}

/**
 * A password after normalisation. `plain` is Unicode/case folded; `folded` additionally has the
 * substitution table applied. Both have the same length, and `start[i]`/`end[i]` give the UTF-16
 * span in the original password that produced unit `i`, so any span maps back exactly.
 */
export interface NormalisedText {
  readonly plain: string;
  readonly folded: string;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
}

/**
 * What every check receives, built-in (src/detect/registry.ts, which also hands them the engine's
 * loaded lists) and custom (options `checks`) alike. Pure data: checks must not mutate it.
 */
export interface CheckInput {
  readonly password: string;
  readonly text: NormalisedText;
  /** Normalised context terms (≥ 4 units), each with the context field it came from. */
  readonly contextTerms: readonly { readonly term: string; readonly field: string }[];
  readonly profile: ProfileName;
}

/** A custom check: a pure function from the prepared input to findings (validated: engine/custom-findings.ts). */
export type Check = (input: CheckInput) => readonly Finding[];
export type AsyncCheck = (input: CheckInput) => readonly Finding[] | Promise<readonly Finding[]>;
