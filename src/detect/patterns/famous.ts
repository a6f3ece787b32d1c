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

/** The list, normalised as passwords are and with separators removed, and the entries by the
 * code units of their first two characters (`bigramKey`); built once per config. */
interface FamousIndex {
  readonly list: readonly string[];
  /** 1 where some entry starts with a pair of that key (a filter: keys may collide). */
  readonly starts: Uint8Array;
  readonly byKey: ReadonlyMap<number, readonly number[]>;
  /** Some entry has one character (searched directly, not by the pair index). */
  readonly short: boolean;
}
const cache = new WeakMap<NormaliserConfig, FamousIndex>();

const bigramKey = (a: number, b: number) => ((a & 0xff) << 8) | (b & 0xff);

function indexFor(config: NormaliserConfig): FamousIndex {
  let index = cache.get(config);
  if (index) return index;
  const list = FAMOUS.map((f) => compact(normaliseTerm(f, config)));
  const starts = new Uint8Array(1 << 16);
  const byKey = new Map<number, number[]>();
  list.forEach((f, k) => {
    if (f.length < 2) return; // one character: found by the scan's own check below
    const key = bigramKey(f.charCodeAt(0), f.charCodeAt(1));
    starts[key] = 1;
    const ks = byKey.get(key);
    if (ks) ks.push(k);
    else byKey.set(key, [k]);
  });
  cache.set(config, (index = { list, starts, byKey, short: list.some((f) => f.length === 1) }));
  return index;
}

/** The entries as findFamous searches them (normalised with `config`, separators removed). */
export function famousEntries(config: NormaliserConfig): readonly string[] {
  return indexFor(config).list;
}

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
 * separators ignored: spans in `folded` and guesses (the entry's rank), the first occurrence of
 * each entry, in the list's order. Linear in the length: one pass over the pairs of adjacent
 * characters, an entry compared only where its first two characters stand.
 */
export function findFamous(folded: string, config: NormaliserConfig): { start: number; end: number; guesses: number }[] {
  const { list, starts, byKey, short } = indexFor(config);
  // The password with separators removed, as positions in `folded` of its characters (the
  // squeezed string's character j is folded[at[j]]): read in place, no string built per call.
  const n = folded.length;
  if (atScratch.length < n) atScratch = new Int32Array(Math.max(n, atScratch.length * 2));
  const at = atScratch;
  let m = 0;
  for (let i = 0; i < n; i++) if (!isSeparator(folded.charCodeAt(i))) at[m++] = i;
  // firstAt[k]: where entry k first occurs in the squeezed password (the indexOf of each entry), or −1.
  let firstAt: number[] | null = null;
  for (let i = 0; i + 1 < m; i++) {
    const key = bigramKey(folded.charCodeAt(at[i]!), folded.charCodeAt(at[i + 1]!));
    if (starts[key] === 0) continue;
    for (const k of byKey.get(key)!) {
      if (firstAt !== null && firstAt[k]! >= 0) continue;
      if (!squeezedStartsWith(folded, at, m, list[k]!, i)) continue;
      if (!firstAt) firstAt = list.map(() => -1);
      firstAt[k] = i;
    }
  }
  // No pair matched and no entry is shorter than a pair: nothing found (most passwords).
  if (firstAt === null && !short) return [];
  const out: { start: number; end: number; guesses: number }[] = [];
  for (let k = 0; k < list.length; k++) {
    const f = list[k]!;
    if (f.length === 0 || f.length > m) continue;
    // Entries under two characters are not in the pair index: searched directly.
    const i = f.length < 2 ? squeezedIndexOf(folded, at, m, f.charCodeAt(0)) : firstAt ? firstAt[k]! : -1;
    if (i < 0) continue;
    out.push({ start: at[i]!, end: at[i + f.length - 1]! + 1, guesses: k + 1 });
  }
  return out;
}

/** Positions of the current call's squeezed characters (module scratch: one call at a time). */
let atScratch = new Int32Array(64);

/** Whether the squeezed password (`m` characters at `at` in `folded`) has `f` at index i. */
function squeezedStartsWith(folded: string, at: Int32Array, m: number, f: string, i: number): boolean {
  if (i + f.length > m) return false;
  for (let j = 0; j < f.length; j++) if (folded.charCodeAt(at[i + j]!) !== f.charCodeAt(j)) return false;
  return true;
}

/** The first index of code unit `c` in the squeezed password, or −1. */
function squeezedIndexOf(folded: string, at: Int32Array, m: number, c: number): number {
  for (let j = 0; j < m; j++) if (folded.charCodeAt(at[j]!) === c) return j;
  return -1;
}
