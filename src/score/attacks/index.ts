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
  // Each attack's finds first, then one array of their total size filled by index: most
  // passwords have one piece or none, and an array grown by push reserves 17 slots (~150 B).
  let total = 0;
  for (let a = 0; a < ATTACKS.length; a++) {
    const found = ATTACKS[a]!.find(input);
    foundScratch[a] = found;
    total += found.length;
  }
  const mine = new Array<AttackCandidate>(total);
  let at = 0;
  for (let a = 0; a < ATTACKS.length; a++) {
    const attack = ATTACKS[a]!;
    const finds = foundScratch[a]!;
    foundScratch[a] = NOTHING;
    for (const found of finds) {
      const c: AttackCandidate = { start: found.start, end: found.end, guesses: attack.price(found), code: ATTACK_CODE, attack, found };
      if (found.words !== undefined) c.words = found.words;
      out?.push(c);
      mine[at++] = c;
    }
  }
  return mine;
}

/** Each attack's finds during attackCandidates (emptied after: nothing of a password is kept). */
const foundScratch: (readonly Found<string>[])[] = [];
const NOTHING: readonly Found<string>[] = [];

/** The name of the attack behind a piece of the chosen split (its span, the cheapest there). */
export function explainPiece(pieces: readonly AttackCandidate[], start: number, end: number): string | null {
  let best: AttackCandidate | null = null;
  for (const c of pieces) if (c.start === start && c.end === end && (best === null || c.guesses < best.guesses)) best = c;
  return best === null ? null : best.attack.explain(best.found);
}
