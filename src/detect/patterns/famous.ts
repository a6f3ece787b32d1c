import { normaliseTerm, type NormaliserConfig } from '../../normalise/normalise.js';

/**
 * Passwords made famous by culture and by password advice: quoted so often that they sit on
 * every attacker's first list, yet rare in breach lists of real accounts, so neither our lists
 * nor the character model know them (issue 11: `Tr0ub4dor&3` and `correct horse battery staple`
 * were accepted). Written for passgate (MIT); kept tiny on purpose. Most famous first: an
 * entry's guesses are its line number.
 */
const FAMOUS: readonly string[] = [
  // The two passwords of the best-known comic about password strength.
  'correct horse battery staple',
  'Tr0ub4dor&3',
  // The password a chat log made a running joke.
  'hunter2',
  // Films, series and games: a supercomputer's backdoor and launch code, a secret club's word,
  // the magic words of a text adventure, a sled's name, a wizard's door, a starship's registry.
  'joshua',
  'CPE1704TKS',
  'swordfish',
  'xyzzy',
  'plugh',
  'open sesame',
  'rosebud',
  'mellon',
  'speak friend and enter',
  'NCC-1701',
  'thx1138',
  'trustno1',
  'obi wan kenobi',
  'may the force be with you',
  'Z10N0101',
  'the cake is a lie',
  'all your base are belong to us',
  // Sentences from password advice and its parodies.
  'to be or not to be',
  'i am not a robot',
  'this is my password',
  'password is incorrect',
  'my voice is my passport',
];

/** The list, normalised as passwords are and with separators removed; built once per config. */
const cache = new WeakMap<NormaliserConfig, readonly string[]>();

/** Separators people put between the words of a phrase. */
export function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x5f || c === 0x2e || c === 0x2c;
}

export function compact(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isSeparator(s.charCodeAt(i))) out += s[i];
  return out;
}

/**
 * Where famous passwords occur in `folded` (the password normalised with `config`),
 * separators ignored: spans in `folded` and guesses (the entry's rank). Linear in the length for
 * a fixed list (one indexOf per entry).
 */
export function findFamous(folded: string, config: NormaliserConfig): { start: number; end: number; guesses: number }[] {
  let list = cache.get(config);
  if (!list) cache.set(config, (list = FAMOUS.map((f) => compact(normaliseTerm(f, config)))));
  let separators = false;
  for (let i = 0; i < folded.length && !separators; i++) separators = isSeparator(folded.charCodeAt(i));
  // Positions of the compacted password's characters in `folded` (none needed without separators).
  const at: number[] = [];
  let squeezed = folded;
  if (separators) {
    squeezed = '';
    for (let i = 0; i < folded.length; i++) {
      if (isSeparator(folded.charCodeAt(i))) continue;
      at.push(i);
      squeezed += folded[i];
    }
  }
  const out: { start: number; end: number; guesses: number }[] = [];
  for (let k = 0; k < list.length; k++) {
    const f = list[k]!;
    if (f.length === 0 || f.length > squeezed.length) continue;
    const i = squeezed.indexOf(f);
    if (i < 0) continue;
    out.push(separators ? { start: at[i]!, end: at[i + f.length - 1]! + 1, guesses: k + 1 } : { start: i, end: i + f.length, guesses: k + 1 });
  }
  return out;
}
