/**
 * A generator of (old, new) password pairs: a human password from an evaluation set as the old
 * one, changed by one transformation class drawn with the frequencies of
 * src/rotation/predecessors.ts's CHANGE_WEIGHTS (the papers' classes in their order; the shares
 * are assumptions, see there), plus a share of changes the predecessor generator does not model
 * (UNMODELLED_SHARE: two changes at once, a letter inserted inside, a word appended, the case of
 * a letter inside flipped), so the figures show what the ranking misses too. Seeded: the same
 * sets give the same pairs.
 */
import { seededRandom } from '../scripts/wordlists/false-hits.js';
import { CHANGE_WEIGHTS, END_SYMBOLS, type ChangeClass } from '../src/rotation/predecessors.js';

/** Share of pairs made by changes outside CHANGE_WEIGHTS (Das et al. find ~1 in 5 edits beyond the simple classes). */
export const UNMODELLED_SHARE = 0.2;

export type Rng = () => number;
/** The project's one seeded generator (mulberry32), so the pairs are the same on every machine. */
export const seeded = (seed: number): Rng => seededRandom(seed);

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

const SEASONS = ['spring', 'summer', 'autumn', 'winter'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const LEET: Record<string, string> = { a: '@', e: '3', i: '1', o: '0', s: '$', t: '7' };
const WORDS = ['love', 'blue', 'home', 'star', 'new', 'my'];

function lastNumber(p: string): { start: number; end: number } | null {
  let end = p.length;
  while (end > 0 && !/\d/.test(p[end - 1]!)) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && /\d/.test(p[start - 1]!)) start--;
  return end - start <= 9 ? { start, end } : null;
}

function bump(p: string, by: number): string | null {
  const n = lastNumber(p);
  if (!n) return null;
  const run = p.slice(n.start, n.end);
  const v = Number(run) + by;
  if (v < 0) return null;
  const text = run.startsWith('0') && run.length > 1 ? String(v).padStart(run.length, '0') : String(v);
  return p.slice(0, n.start) + text + p.slice(n.end);
}

const cap = (w: string, like: string) => (like[0] === like[0]!.toUpperCase() && like[0] !== like[0]!.toLowerCase() ? w[0]!.toUpperCase() + w.slice(1) : w);

/** The new password after one change of class `cls` to `old`, or null when it does not apply. */
export function applyChange(cls: ChangeClass, old: string, rng: Rng): string | null {
  switch (cls) {
    case 'numberUp':
      return bump(old, 1) ?? old + '1';
    case 'numberUpMore':
      return bump(old, 2 + Math.floor(rng() * 2));
    case 'numberDown':
      return bump(old, -1);
    case 'calendarNext': {
      const lower = old.toLowerCase();
      for (const cycle of [SEASONS, MONTHS]) {
        const i = cycle.findIndex((w) => lower.includes(w));
        if (i < 0) continue;
        const at = lower.indexOf(cycle[i]!);
        const next = cycle[(i + 1) % cycle.length]!;
        const changed = old.slice(0, at) + cap(next, old.slice(at)) + old.slice(at + cycle[i]!.length);
        return i === cycle.length - 1 ? (bump(changed, 1) ?? changed) : changed;
      }
      return null;
    }
    case 'digitAppended':
      return /\d$/.test(old) ? old + String(Math.floor(rng() * 10)) : null;
    case 'symbolAppended':
      return old + pick(rng, END_SYMBOLS.slice(0, 5));
    case 'symbolChanged': {
      if (!/[^\p{L}\d]$/u.test(old)) return null;
      const others = END_SYMBOLS.filter((s) => s !== old[old.length - 1]);
      return old.slice(0, -1) + pick(rng, others.slice(0, 5));
    }
    case 'caseChanged': {
      const i = old.search(/\p{L}/u);
      if (i < 0) return null;
      const ch = old[i]!;
      const flipped = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
      return flipped === ch ? null : old.slice(0, i) + flipped + old.slice(i + 1);
    }
    case 'leetAdded': {
      const spots = [...old].map((c, i) => (LEET[c] && i > 0 && i < old.length - 1 ? i : -1)).filter((i) => i >= 0);
      if (spots.length === 0) return null;
      const i = spots[0]!;
      return old.slice(0, i) + LEET[old[i]!] + old.slice(i + 1);
    }
    case 'digitChanged': {
      if (!/\d$/.test(old)) return null;
      const d = Number(old[old.length - 1]);
      return old.slice(0, -1) + String((d + 3 + Math.floor(rng() * 5)) % 10);
    }
    case 'symbolRemoved':
      return /[^\p{L}\d]$/u.test(old) && old.length > 1 ? old.slice(0, -1) : null;
    case 'symbolPrepended':
      return pick(rng, ['!', '#', '@', '*']) + old;
  }
}

/** Changes beyond the modelled classes (see the file comment). */
function unmodelled(old: string, rng: Rng): string {
  switch (Math.floor(rng() * 4)) {
    case 0: {
      const a = applyChange('numberUp', old, rng)!;
      return applyChange('symbolAppended', a, rng)!;
    }
    case 1: {
      const i = 1 + Math.floor(rng() * Math.max(1, old.length - 1));
      return old.slice(0, i) + pick(rng, ['x', 'a', 'e', '_']) + old.slice(i);
    }
    case 2:
      return old + pick(rng, WORDS);
    default: {
      const i = old.length > 2 ? 1 + Math.floor(rng() * (old.length - 2)) : 0;
      const ch = old[i]!;
      const f = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
      return f === ch ? old + '2' : old.slice(0, i) + f + old.slice(i + 1);
    }
  }
}

function calendarPassword(rng: Rng): string {
  const word = rng() < 0.6 ? pick(rng, SEASONS) : pick(rng, MONTHS);
  const year = String(2015 + Math.floor(rng() * 11));
  return word[0]!.toUpperCase() + word.slice(1) + (rng() < 0.5 ? year : year.slice(2)) + (rng() < 0.5 ? '!' : '');
}

export interface Pair {
  readonly old: string;
  readonly next: string;
  readonly cls: ChangeClass | 'unmodelled';
}

const CLASSES = Object.entries(CHANGE_WEIGHTS) as [ChangeClass, number][];
const TOTAL = CLASSES.reduce((s, [, w]) => s + w, 0);

/** `count` rotation pairs from `passwords`, classes drawn by weight (redrawn when one does not apply). */
export function rotationPairs(passwords: readonly string[], count: number, rng: Rng): Pair[] {
  const out: Pair[] = [];
  while (out.length < count) {
    const old = pick(rng, passwords);
    if (rng() < UNMODELLED_SHARE) {
      const next = unmodelled(old, rng);
      if (next !== old) out.push({ old, next, cls: 'unmodelled' });
      continue;
    }
    let r = rng() * TOTAL;
    let cls: ChangeClass = CLASSES[0]![0];
    for (const [c, w] of CLASSES) {
      if ((r -= w) < 0) {
        cls = c;
        break;
      }
    }
    // Few list passwords name a season or month: the calendar class gets its own (Winter2020!).
    const base = cls === 'calendarNext' ? calendarPassword(rng) : old;
    const next = applyChange(cls, base, rng);
    if (next !== null && next !== base) out.push({ old: base, next, cls });
  }
  return out;
}
