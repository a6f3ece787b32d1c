/**
 * Stable finding codes. They are part of the semver contract: add new ones, never rename.
 */
export const Codes = {
  BANNED_TERM: 'BANNED_TERM',
  CONTEXT_TERM: 'CONTEXT_TERM',
  BREACHED: 'BREACHED',
  /** The k-anonymity range source could not answer (it rejects unless `onError: 'accept'`). */
  BREACHED_UNCHECKED: 'BREACHED_UNCHECKED',
  /** Breached, but seen fewer than `minCount` times (range source): a warning. */
  BREACHED_RARE: 'BREACHED_RARE',
  LOW_SCORE: 'LOW_SCORE',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  REPETITIVE: 'REPETITIVE',
  SEQUENTIAL: 'SEQUENTIAL',
  KEYBOARD_WALK: 'KEYBOARD_WALK',
  DICTIONARY_WORD: 'DICTIONARY_WORD',
  WEAK: 'WEAK',
  DATE: 'DATE',
  PREDICTABLE_AFFIX: 'PREDICTABLE_AFFIX',
  /** The character model ranks the whole password among the strings people choose first (recommended). */
  PREDICTABLE_STRING: 'PREDICTABLE_STRING',
} as const;

export type BuiltInCode = (typeof Codes)[keyof typeof Codes];
