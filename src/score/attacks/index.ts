import type { Candidate } from '../strength.js';
import type { Attack, AttackInput, Found } from './types.js';
import { mangleAttack } from './mangle.js';
import { combinatorAttack } from './combinator.js';
import { breachedBaseAttack } from './breached-base.js';
import { interleaveAttack } from './interleave.js';

/** The attack classes, in one place (issue 19). The other attacks — Markov (model/), keyboard,
 * dates, repeats and sequences (detect/patterns/) — still enter the split as pattern matches. */
export const ATTACKS: readonly Attack<string, Found<string>>[] = [
  mangleAttack as unknown as Attack<string, Found<string>>,
  combinatorAttack as unknown as Attack<string, Found<string>>,
  breachedBaseAttack as unknown as Attack<string, Found<string>>,
  interleaveAttack as unknown as Attack<string, Found<string>>,
];

/** The candidate code the split carries for an attack's piece (internal: the finding is MANGLED_WORD). */
export const ATTACK_CODE = 'ATTACK';

export interface AttackCandidate extends Candidate {
  readonly attack: Attack<string, Found<string>>;
  readonly found: Found<string>;
}

/** Every attack's pieces, priced, as candidates of the split (also appended to `out`, if given). */
export function attackCandidates(input: AttackInput, out?: Candidate[]): AttackCandidate[] {
  const mine: AttackCandidate[] = [];
  for (const attack of ATTACKS) {
    for (const found of attack.find(input)) {
      const c: AttackCandidate = { start: found.start, end: found.end, guesses: attack.price(found), code: ATTACK_CODE, attack, found };
      if (found.words !== undefined) c.words = found.words;
      out?.push(c);
      mine.push(c);
    }
  }
  return mine;
}

/** The name of the attack behind a piece of the chosen split (its span, the cheapest there). */
export function explainPiece(pieces: readonly AttackCandidate[], start: number, end: number): string | null {
  let best: AttackCandidate | null = null;
  for (const c of pieces) if (c.start === start && c.end === end && (best === null || c.guesses < best.guesses)) best = c;
  return best === null ? null : best.attack.explain(best.found);
}
