import { guessesForWord } from '../guesses.js';
import type { Attack, AttackInput, Found } from './types.js';
import { JOHN_WORDLIST_RULES } from './rule-ranks.js';
import { isDigit } from './text-rules.js';
import { preciseBreachList } from './breached-base.js';

/**
 * Two strings interleaved (issue 19: `p1a2s3s4w5o6r7d8` passed): every other character a word,
 * the rest a run anyone types — `1234…`, `abcd…`, one character repeated. No default rule list
 * has this rule, so it is priced as one rule past John's Wordlist rules (rule-ranks.ts) for each
 * order, times the word (its rank and case, guesses.ts) and the run (its start, direction and step).
 */
export type InterleaveKind = 'interleave';

interface InterleaveFound extends Found<InterleaveKind> {
  readonly guesses: number;
}

/** Shorter strings interleave by chance (`a1b2` is a run and a run). */
const MIN_LENGTH = 8;
/** Longer ones are no rule's output (and the work stays bounded). */
const MAX_LENGTH = 40;
/** The word's half and the run's half both start at either position. */
const ORDERS = 2;
/** A run's start among its characters, its direction and its step (1, or 0 for a repeat). */
const RUN_CHOICES = 10 * 3;

export const interleaveAttack: Attack<InterleaveKind, InterleaveFound> = {
  name: 'interleave',
  find: findInterleaved,
  price: (f) => f.guesses,
  explain: () => 'interleaved-run',
  kinds: ['interleaved-run'],
};

function findInterleaved(input: AttackInput): InterleaveFound[] {
  const { password, text, dictionary } = input;
  const n = text.plain.length;
  // Work on the password as typed when normalisation kept its length (nearly always).
  if (n < MIN_LENGTH || n > MAX_LENGTH || password.length !== n) return NONE;
  for (let wordAt = 0; wordAt < 2; wordAt++) {
    if (!isRun(text.plain, 1 - wordAt)) continue;
    let folded = '';
    let typed = '';
    for (let i = wordAt; i < n; i += 2) {
      folded += text.folded[i];
      typed += password[i];
    }
    const id = dictionary.index.idOf(folded);
    // Else a leaked password, on the terms of breached-base.ts (a filter precise enough).
    const list = id >= 0 ? null : preciseBreachList(input);
    const rank = id >= 0 ? dictionary.rank[id]! : list && list.mayContain(typed.toLowerCase()) ? list.count : -1;
    if (rank < 0) continue;
    const guesses = guessesForWord(rank, folded, typed) * RUN_CHOICES * ORDERS * (JOHN_WORDLIST_RULES + 1);
    return [{ start: 0, end: n, kind: 'interleave', guesses }];
  }
  return NONE;
}

const NONE: InterleaveFound[] = [];

/** Whether s[from], s[from + 2], … step by one (up or down) or repeat, and are digits or letters of one kind. */
function isRun(s: string, from: number): boolean {
  if (from + 2 >= s.length) return false;
  const first = s.charCodeAt(from);
  const digits = isDigit(first);
  if (!digits && !(first >= 0x61 && first <= 0x7a)) return false;
  const step = s.charCodeAt(from + 2) - first;
  if (step < -1 || step > 1) return false;
  for (let i = from + 2; i < s.length; i += 2) {
    const c = s.charCodeAt(i);
    // 9 → 0 continues a run of digits (`…7890`).
    const d = c - s.charCodeAt(i - 2);
    if (isDigit(c) !== digits || !(d === step || (digits && step === 1 && d === -9) || (digits && step === -1 && d === 9))) return false;
  }
  return true;
}
