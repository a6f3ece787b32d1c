import type { NormalisedText } from '../../types.js';
import type { RankedDictionary } from '../../detect/dictionary.js';
import type { TermMatch } from '../../match/index.js';

/**
 * One attack class a cracker runs (issue 19): `find` reads the password for the shapes the attack
 * produces, `price` says how many guesses the attack makes before it produces that shape, and
 * `explain` names it for the feedback. Registered in attacks/index.ts (ATTACKS); the estimate
 * (estimate.ts) prices every found piece as a candidate of its split, so the cheapest attack wins.
 * Piece kinds are internal and typed; what the result shows is the WEAK finding's `kind` param
 * naming the cheapest attack (wording/locales/*.ts word it plainly), never a new code per rule.
 */
export interface AttackInput {
  readonly password: string;
  readonly text: NormalisedText;
  readonly dictionary: RankedDictionary;
  /** The dictionary's matches in the folded password, sorted by start, then end (word-scan.ts). */
  readonly wordAt: readonly TermMatch[];
  /** The breached-password list as a wordlist (null without one): membership only, no ranks. */
  readonly breached?: BaseList | null;
}

/** A list answering membership, and how far down an attacker goes to exhaust it. */
export interface BaseList {
  mayContain(s: string): boolean;
  /** Entries: the rank of any entry is at most this. */
  readonly count: number;
  readonly falsePositiveRate: number;
}

export interface Attack<K extends string, F extends Found<K>> {
  readonly name: string;
  find(input: AttackInput): readonly F[];
  price(found: F): number;
  /** The attack's name for the WEAK finding's `kind` param (`reversed-word`, …). */
  explain(found: F): string;
  /** Every name `explain` can give (each worded in every locale: test/score/attacks.test.ts). */
  readonly kinds: readonly string[];
}

/** A span of the folded password [start, end) the attack produces. */
export interface Found<K extends string> {
  readonly start: number;
  readonly end: number;
  readonly kind: K;
  /** The words a piece joins, where it joins several (a phrase): the structure rules count them. */
  readonly words?: number;
}
