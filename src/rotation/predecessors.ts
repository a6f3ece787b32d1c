/**
 * The likeliest old passwords of a new one: the rotations of rotation/similar.ts run backwards
 * (year − 1, number − 1, the previous season or month, a symbol at an end removed or changed,
 * case or leetspeak undone), ranked by how often people make each change, so that a stored hash
 * can be tried against the first few (source.ts) within a budget.
 *
 * The weights: Das et al. (NDSS 2014) and Zhang, Monrose and Reiter (CCS 2010) find the
 * commonest edits of an old password are digits and symbols inserted, deleted or changed at the
 * ends, then capitalisation, then leetspeak; Wang et al. (2017) find 30 % of modified passwords
 * within 10 guesses, so the first candidates carry most of the mass. The papers report classes
 * and their order, not one shared table; the shares below are this generator's assumptions in
 * that order, and bench/rotation.ts draws its rotations from the same table, so its catch rates
 * measure how well the ranking covers that mix — not a recall on real users.
 *
 * Bounded and deterministic: linear in the password per class, at most MAX_PREDECESSORS out.
 */
import { previousCalendar } from './calendar.js';

/** How often the change that led from the old password to the new one is of this class (see above). */
export const CHANGE_WEIGHTS = Object.freeze({
  /** The number at the end (or a year) went up by one: `2023` → `2024`, `7` → `8`. */
  numberUp: 0.3,
  /** The season or month moved on (often with the year). */
  calendarNext: 0.1,
  /** A digit appended: `harbour1` → `harbour12`. */
  digitAppended: 0.08,
  /** A symbol appended at the end. */
  symbolAppended: 0.08,
  /** The symbol at the end changed. */
  symbolChanged: 0.06,
  /** First-letter or whole-word case changed. */
  caseChanged: 0.06,
  /** The number went up by two or three (a skipped change). */
  numberUpMore: 0.04,
  /** One letter replaced by its leetspeak form. */
  leetAdded: 0.04,
  /** The last digit changed to another. */
  digitChanged: 0.03,
  /** A symbol removed from the end. */
  symbolRemoved: 0.03,
  /** The number went down (rare). */
  numberDown: 0.02,
  /** A symbol prepended. */
  symbolPrepended: 0.02,
});
export type ChangeClass = keyof typeof CHANGE_WEIGHTS;

/** The cap on `limit` (and on options `rotation.maxCandidates`). */
export const MAX_PREDECESSORS = 1000;
/** Symbols people put at the ends, commonest first (the order of appended symbols in breach corpora). */
export const END_SYMBOLS = ['!', '.', '@', '#', '?', '*', '$', '&', '-', '_'] as const;
/** Leetspeak a user undoes or adds: character → letter. */
const UNLEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
/** Candidates of one change class are themselves ranked: the n-th gets weight / (n + 1). */
const MAX_DIGIT_RUN = 9;

interface Candidate {
  readonly text: string;
  readonly weight: number;
}

type Run = { kind: 'letter' | 'digit' | 'other'; text: string; start: number };

function runsOf(password: string): Run[] {
  const out: Run[] = [];
  let i = 0;
  for (const ch of password) {
    const kind = /\p{L}/u.test(ch) ? 'letter' : ch >= '0' && ch <= '9' ? 'digit' : 'other';
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else out.push({ kind, text: ch, start: i });
    i += ch.length;
  }
  return out;
}

const splice = (s: string, start: number, length: number, insert: string) => s.slice(0, start) + insert + s.slice(start + length);

/** `value` written as the run was: kept width when it was zero-padded (`07` → `06`). */
function formatLike(run: string, value: number): string | null {
  if (value < 0) return null;
  const s = String(value);
  if (run.startsWith('0') && run.length > 1) return s.length <= run.length ? s.padStart(run.length, '0') : null;
  return s;
}

/** The rotating changes undone one at a time: old-password candidates of `password`. */
function singles(password: string, withCalendar: boolean): Candidate[] {
  const out: Candidate[] = [];
  const add = (cls: ChangeClass, text: string | null, rank = 0) => {
    if (text !== null && text !== password) out.push({ text, weight: CHANGE_WEIGHTS[cls] / (rank + 1) });
  };
  const runs = runsOf(password);
  const digitRuns = runs.filter((r) => r.kind === 'digit' && r.text.length <= MAX_DIGIT_RUN);
  digitRuns.forEach((run, k) => {
    // The last number is the one people bump; an earlier one (a year mid-password) less often.
    const last = k === digitRuns.length - 1 ? 0 : 2;
    const v = Number(run.text);
    const at = (delta: number) => {
      const text = formatLike(run.text, v + delta);
      return text === null ? null : splice(password, run.start, run.text.length, text);
    };
    add('numberUp', at(-1), last);
    add('numberUpMore', at(-2), last);
    add('numberUpMore', at(-3), last + 1);
    add('numberDown', at(+1), last);
    // A year is bumped, not edited digit by digit.
    const year = run.text.length === 4 && (run.text.startsWith('19') || run.text.startsWith('20'));
    if (k === digitRuns.length - 1 && !year) {
      const end = run.start + run.text.length;
      if (run.text.length > 1) add('digitAppended', password.slice(0, end - 1) + password.slice(end));
      // A number added where there was none (`harbour` → `harbour1`): the whole run goes.
      else if (run.start > 0) add('digitAppended', password.slice(0, run.start) + password.slice(end), 1);
      const d = Number(run.text[run.text.length - 1]);
      for (let i = 0, rank = 0; i < 10; i++) if (i !== d && i !== d - 1 && i !== d - 2 && i !== d + 1) add('digitChanged', splice(password, end - 1, 1, String(i)), rank++);
    }
  });
  if (withCalendar) for (const c of previousCalendar(password)) add('calendarNext', c.text, c.rank);
  const first = runs[0];
  const final = runs[runs.length - 1];
  if (final && final.kind === 'other') {
    add('symbolAppended', password.slice(0, final.start + final.text.length - 1));
    const lastChar = final.text[final.text.length - 1]!;
    END_SYMBOLS.filter((s) => s !== lastChar).forEach((s, rank) => add('symbolChanged', password.slice(0, -1) + s, rank));
  } else {
    END_SYMBOLS.forEach((s, rank) => add('symbolRemoved', password + s, rank));
  }
  if (first && first.kind === 'other' && runs.length > 1) add('symbolPrepended', password.slice(first.text.length));
  // Case: the first letter flipped, the whole password lowered.
  const letterAt = password.search(/\p{L}/u);
  if (letterAt >= 0) {
    const ch = password[letterAt]!;
    const flipped = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
    if (flipped !== ch) add('caseChanged', splice(password, letterAt, 1, flipped));
    add('caseChanged', password.toLowerCase(), 1);
  }
  // Leetspeak undone, one character between letters at a time, from the left.
  let rank = 0;
  for (let i = 1; i < password.length - 1 && rank < 8; i++) {
    const letter = UNLEET[password[i]!];
    if (letter && /\p{L}/u.test(password[i - 1]!) && /\p{L}/u.test(password[i + 1]!)) add('leetAdded', splice(password, i, 1, letter), rank++);
  }
  return out;
}

/**
 * The likeliest old passwords of `password`, most likely first, without duplicates and without
 * `password` itself: the single changes of CHANGE_WEIGHTS undone, then two at a time (a number
 * and a symbol or case change together), ranked by the product of their weights. Deterministic:
 * ties keep generation order. `limit` is clamped to 0–MAX_PREDECESSORS.
 */
export function predecessors(password: string, limit: number): string[] {
  const max = Math.max(0, Math.min(MAX_PREDECESSORS, Math.floor(limit)));
  if (max === 0 || password.length === 0) return [];
  const first = singles(password, true);
  const all: Candidate[] = [...first];
  // Two changes: a rotating one (number, calendar) then a cosmetic one on its result. Bounded by
  // the single candidates' count squared (a few thousand at most for a capped password).
  const rotating = first.filter((c) => c.weight >= CHANGE_WEIGHTS.numberUpMore / 2).slice(0, 24);
  for (const c of rotating) for (const d of singles(c.text, false)) all.push({ text: d.text, weight: (c.weight * d.weight) / 2 });
  const order = all.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i);
  const seen = new Set<string>([password]);
  const out: string[] = [];
  for (const { c } of order) {
    if (seen.has(c.text)) continue;
    seen.add(c.text);
    out.push(c.text);
    if (out.length === max) break;
  }
  return out;
}
