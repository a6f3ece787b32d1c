/**
 * Seasons and months in their order, so a password that names one can be stepped back to the
 * one before (`Spring2025` ← `Winter2024`, `March` ← `February`): the commonest rotation of
 * passwords that expire every quarter or month.
 */

/** Each cycle in order; an entry with `|` lists spellings of one step, commonest first. */
const CYCLES: readonly (readonly string[])[] = [
  ['spring', 'summer', 'autumn|fall', 'winter'],
  ['printemps', 'ete|été', 'automne', 'hiver'],
  ['fruhling|frühling|fruehling', 'sommer', 'herbst', 'winter'],
  ['primavera', 'verano', 'otono|otoño', 'invierno'],
  ['lente', 'zomer', 'herfst', 'winter'],
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['janvier', 'fevrier|février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout|août', 'septembre', 'octobre', 'novembre', 'decembre|décembre'],
  ['januar', 'februar', 'marz|märz|maerz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
];

interface Step {
  readonly previous: readonly string[];
  /** The cycle wrapped (winter → spring, december → january): the year moved on too. */
  readonly wrapped: boolean;
}

/** Every spelling → the spellings of the step before, longest spelling first when matching. */
const STEPS = new Map<string, Step[]>();
for (const cycle of CYCLES) {
  cycle.forEach((entry, i) => {
    const before = cycle[(i + cycle.length - 1) % cycle.length]!.split('|');
    for (const spelling of entry.split('|')) {
      const list = STEPS.get(spelling) ?? [];
      list.push({ previous: before, wrapped: i === 0 });
      STEPS.set(spelling, list);
    }
  });
}
const SPELLINGS = [...STEPS.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** `word` written in the case pattern of `like`: lower, UPPER or Capitalised. */
function caseLike(word: string, like: string): string {
  if (like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (like[0] === like[0]!.toUpperCase() && like[0] !== like[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

/** The last number, when it is a year (19xx, 20xx) or two digits, stepped back one. */
function yearBack(text: string): string | null {
  let end = text.length;
  while (end > 0 && !isDigit(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
  const run = text.slice(start, end);
  const isYear = run.length === 4 && (run.startsWith('19') || run.startsWith('20'));
  if (!isYear && run.length !== 2) return null;
  const v = Number(run) - 1;
  if (v < 0) return null;
  return text.slice(0, start) + String(v).padStart(run.length, '0') + text.slice(end);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Old-password candidates from a season or month named in `password` (the first one found,
 * matching case-insensitively): the previous one in its case, and with the year one back when
 * the cycle wrapped. `rank` orders them (0 first).
 */
export function previousCalendar(password: string): { text: string; rank: number }[] {
  const lower = password.toLowerCase();
  // Lower-casing may change lengths outside ASCII: then indices do not line up, skip.
  if (lower.length !== password.length) return [];
  for (const spelling of SPELLINGS) {
    const at = lower.indexOf(spelling);
    if (at < 0) continue;
    const like = password.slice(at, at + spelling.length);
    const out: { text: string; rank: number }[] = [];
    let rank = 0;
    for (const step of STEPS.get(spelling)!) {
      for (const before of step.previous) {
        const text = password.slice(0, at) + caseLike(before, like) + password.slice(at + spelling.length);
        const back = step.wrapped ? yearBack(text) : null;
        if (back !== null) out.push({ text: back, rank: rank++ });
        out.push({ text, rank: rank++ });
      }
    }
    return out;
  }
  return [];
}
