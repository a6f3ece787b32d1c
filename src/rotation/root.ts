/**
 * The root of a password: what stays when the parts people rotate are taken away.
 *
 * Users who must change a password mostly edit the old one (Das et al., NDSS 2014; Wang et al.
 * 2017): they bump a number or a year, swap the season or month, add or change a symbol at an
 * end, change case or leetspeak. The root removes exactly those parts, so `Winter2020!`,
 * `winter2021` and `W1nter!!2022` share one root, and so do `Quokka!Harbour2023` and
 * `Quokka!Harbour2024`. The rotation check compares roots; the popularity counter (issue 23)
 * counts them — keep `passwordRoot`'s signature and output stable.
 *
 * Steps, each linear in the input:
 * 1. NFKC, lower case, accents stripped.
 * 2. Split into runs of letters, of digits and of other characters. Every run that is not letters
 *    at either end goes (digits, years, symbols appended or prepended). Inside, between two letter
 *    runs, one digit or symbols of the substitution table are leetspeak and stay (`W1nter`,
 *    `Pa$$word`); any other run — a number, a year, a separator that is not leet — goes.
 * 3. What stays is folded with the `recommended` profile's substitution classes (`1`, `!`, `i`,
 *    `l` and `|` become one letter), so leetspeak and case changes meet.
 * 4. Season, month and weekday names (English, French, German, Spanish, Dutch, as words of at
 *    least five letters at either end of a segment, shorter ones only as a whole segment) become
 *    a placeholder: `<season>`, `<month>`, `<day>`.
 */
import { RECOMMENDED_SUBSTITUTIONS, compileSubstitutions } from '../normalise/substitutions.js';

/** Calendar words people rotate through, by placeholder. Unfolded here; folded once below. */
const CALENDAR: Readonly<Record<string, readonly string[]>> = {
  '<season>': [
    'spring', 'summer', 'autumn', 'fall', 'winter',
    'printemps', 'ete', 'automne', 'hiver',
    'fruhling', 'fruehling', 'sommer', 'herbst',
    'primavera', 'verano', 'otono', 'invierno',
    'lente', 'zomer', 'herfst',
  ],
  '<month>': [
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
    'november', 'december',
    'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
    'novembre', 'decembre',
    'januar', 'februar', 'marz', 'maerz', 'juni', 'juli', 'oktober', 'dezember',
    'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
    'noviembre', 'diciembre',
    'januari', 'februari', 'maart', 'mei', 'augustus',
  ],
  '<day>': [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
    'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
    'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
    'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  ],
};

/** Words of this many letters are also replaced at either end of a longer segment. */
const AFFIX_MIN = 5;

interface CalendarWord {
  readonly folded: string;
  readonly placeholder: string;
}

/**
 * The folding classes, the calendar words and the Unicode classes, built on the first root asked
 * for rather than at import: importing the package does no work (bench/evaluate.ts measures it).
 */
interface RootTables {
  readonly fold: ReadonlyMap<number, number>;
  /** Longest first, so `septembre` wins over `september`'s prefix readings and `mars` over `mar…`. */
  readonly words: readonly CalendarWord[];
  readonly whole: ReadonlyMap<string, string>;
  readonly combiningAll: RegExp;
  readonly letter: RegExp;
  readonly digit: RegExp;
}

let built: RootTables | undefined;
const tables = (): RootTables => (built ??= buildTables());

function buildTables(): RootTables {
  const fold = compileSubstitutions(RECOMMENDED_SUBSTITUTIONS);
  const words = Object.entries(CALENDAR)
    .flatMap(([placeholder, list]) => list.map((w) => ({ folded: foldLetters(w, fold), placeholder })))
    .sort((a, b) => b.folded.length - a.folded.length || (a.folded < b.folded ? -1 : 1));
  const whole = new Map<string, string>(words.map((w) => [w.folded, w.placeholder]));
  return { fold, words, whole, combiningAll: /\p{M}+/gu, letter: /\p{L}/u, digit: /\p{Nd}/u };
}

type Kind = 'letter' | 'digit' | 'other';

function kindOf(ch: string, t: RootTables): Kind {
  if (t.letter.test(ch)) return 'letter';
  if (t.digit.test(ch)) return 'digit';
  return 'other';
}

function foldLetters(s: string, fold: ReadonlyMap<number, number>): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(fold.get(c) ?? c);
  }
  return out;
}

/** A segment with calendar words turned into placeholders (whole segment, or at either end). */
function replaceCalendar(segment: string, t: RootTables): string {
  const whole = t.whole.get(segment);
  if (whole) return whole;
  let head = '';
  let tail = '';
  let rest = segment;
  for (const w of t.words) {
    if (w.folded.length < AFFIX_MIN || rest.length <= w.folded.length) continue;
    if (!head && rest.startsWith(w.folded)) {
      head = w.placeholder;
      rest = rest.slice(w.folded.length);
    }
    if (!tail && rest.length > w.folded.length && rest.endsWith(w.folded)) {
      tail = w.placeholder;
      rest = rest.slice(0, rest.length - w.folded.length);
    }
  }
  return head + rest + tail;
}

/**
 * Whether an interior run between two letters is leetspeak: one digit (`P4ss`), or symbols that
 * all stand for letters (`Pa$$word`). Two digits or more are a number (`blue12sky`).
 */
function isLeet(run: string, t: RootTables): boolean {
  if (t.digit.test(run)) return run.length === 1 && t.fold.has(run.charCodeAt(0));
  for (let i = 0; i < run.length; i++) if (!t.fold.has(run.charCodeAt(i))) return false;
  return true;
}

/** The runs of one kind in the normalised text (code points, never half a surrogate pair). */
function runs(text: string, t: RootTables): { kind: Kind; text: string }[] {
  const out: { kind: Kind; text: string }[] = [];
  for (const ch of text) {
    const kind = kindOf(ch, t);
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else out.push({ kind, text: ch });
  }
  return out;
}

/**
 * The folded root of a password (see the file comment). Pure and deterministic; linear in the
 * input. Callers cap the input first (the checker's `maxLength`). Returns `''` when nothing but
 * rotating parts is left (`123456`, `!!!`).
 */
export function passwordRoot(password: string): string {
  return rootSegments(password).join('');
}

/**
 * The root's segments before they are joined: letter runs with their interior leetspeak, each
 * folded and with calendar words replaced. The similarity rule weighs them.
 */
export function rootSegments(password: string): string[] {
  const t = tables();
  const text = password.normalize('NFKC').toLowerCase().normalize('NFD').replace(t.combiningAll, '').normalize('NFC');
  const all = runs(text, t);
  let first = 0;
  let last = all.length - 1;
  while (first <= last && all[first]!.kind !== 'letter') first++;
  while (last >= first && all[last]!.kind !== 'letter') last--;
  const segments: string[] = [];
  let current = '';
  for (let i = first; i <= last; i++) {
    const run = all[i]!;
    const leet = run.kind !== 'letter' && isLeet(run.text, t) && all[i - 1]?.kind === 'letter' && all[i + 1]?.kind === 'letter';
    if (run.kind === 'letter' || leet) {
      current += run.text;
      continue;
    }
    if (current) segments.push(current);
    current = '';
  }
  if (current) segments.push(current);
  return segments.map((s) => replaceCalendar(foldLetters(s, t.fold), t));
}
