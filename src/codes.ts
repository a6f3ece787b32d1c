/**
 * Every finding code passgate itself reports, with what the rest of the library needs to know
 * about it. This table is the one source of truth: `Codes`, `BuiltInCode`, the policy's sets
 * (policy/verdict.ts), the feedback order (wording/feedback.ts) and the catalogues' typing
 * (wording/catalogue.ts: a message per code per locale, keyed by the code) are derived from it.
 * Adding a code touches this table, the nine wording/locales/*.ts (the compiler names each one
 * missing its message) and the detector that emits it. Codes are part of the semver contract:
 * add new ones, never rename.
 */

/**
 * When a finding with this code rejects on its own, decided from the profile's data (never its
 * name), so a new profile needs no entry here:
 * - 'always': in every profile;
 * - 'points': where the profile applies Entra's points rule (`threshold > 0`);
 * - 'strength': where the profile estimates strength (`strength`);
 * - 'whole': where the blocklist compares the whole password (`matching: 'whole'`);
 * - 'never': it explains or informs only;
 * - 'check': the check that emits it sets its severity (rejecting when it sets none), as a
 *   custom check's own code does.
 */
export type Rejects = 'always' | 'points' | 'strength' | 'whole' | 'never' | 'check';

/** A kind of rejection that other findings can explain. */
export type Explained = 'points' | 'weakness';

export interface CodeFacts {
  /**
   * Which reason leads the feedback when several reject (lower first): the one the user can act
   * on first. 'last' ranks with custom checks' codes, after every numbered one.
   */
  readonly rank: number | 'last';
  readonly rejects: Rejects;
  /** This code is a rejection of that kind: findings that explain it become warnings. */
  readonly is?: Explained;
  /**
   * Beside a rejection of that kind, this code warns (explains it) instead of informing.
   * Independently, any finding with `source: 'pattern'` explains both kinds (policy/verdict.ts).
   */
  readonly explains?: Explained;
}

// The order of the keys is the order of `Codes` (public): new codes go at the end.
export const CODE_TABLE = {
  BANNED_TERM: { rank: 6, rejects: 'whole', explains: 'points' },
  CONTEXT_TERM: { rank: 2, rejects: 'always' },
  BREACHED: { rank: 3, rejects: 'always' },
  /** The k-anonymity range source could not answer (it rejects unless `onError: 'accept'`). */
  BREACHED_UNCHECKED: { rank: 4, rejects: 'check' },
  /** Breached, but seen fewer than `minCount` times (range source): a warning. */
  BREACHED_RARE: { rank: 5, rejects: 'check' },
  LOW_SCORE: { rank: 7, rejects: 'points', is: 'points' },
  TOO_SHORT: { rank: 1, rejects: 'always' },
  TOO_LONG: { rank: 0, rejects: 'always' },
  REPETITIVE: { rank: 11, rejects: 'never' },
  SEQUENTIAL: { rank: 10, rejects: 'never' },
  KEYBOARD_WALK: { rank: 9, rejects: 'never' },
  DICTIONARY_WORD: { rank: 14, rejects: 'whole', explains: 'weakness' },
  WEAK: { rank: 8, rejects: 'strength', is: 'weakness' },
  DATE: { rank: 12, rejects: 'never' },
  PREDICTABLE_AFFIX: { rank: 13, rejects: 'never' },
  /** The character model ranks the whole password among the strings people choose first (recommended). */
  PREDICTABLE_STRING: { rank: 'last', rejects: 'strength', is: 'weakness' },
  /** A custom check failed or returned something unusable: rejects (fail closed). */
  CHECK_ERROR: { rank: 'last', rejects: 'always' },
  /** Too many accounts of this organisation recorded a password with the same root (options `popularity`). */
  POPULAR_PASSWORD: { rank: 'last', rejects: 'always' },
  /** The popularity store could not answer (it rejects unless `popularity.onError: 'accept'`). */
  POPULARITY_UNCHECKED: { rank: 'last', rejects: 'check' },
  /** The new password is the previous one with its rotating parts changed (context.previousPassword or its hashes). */
  ROTATED_PASSWORD: { rank: 'last', rejects: 'always' },
} as const satisfies Record<string, CodeFacts>;

export type BuiltInCode = keyof typeof CODE_TABLE;

/** The codes as constants (`Codes.BREACHED === 'BREACHED'`), in the table's order. */
export const Codes: { readonly [C in BuiltInCode]: C } = Object.freeze(
  Object.fromEntries(Object.keys(CODE_TABLE).map((code) => [code, code])) as { [C in BuiltInCode]: C },
);

/** The table's facts for a built-in code; undefined for any other string (own keys only). */
export function factsOf(code: string): CodeFacts | undefined {
  return Object.hasOwn(CODE_TABLE, code) ? CODE_TABLE[code as BuiltInCode] : undefined;
}

/** Every built-in code, in the table's order. */
export const BUILT_IN_CODES: readonly BuiltInCode[] = Object.freeze(Object.keys(CODE_TABLE) as BuiltInCode[]);
