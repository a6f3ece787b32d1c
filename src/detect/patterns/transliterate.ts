/**
 * Passwords in another script (`Пароль2024!`): the recommended profile reads Cyrillic and Greek
 * letters as the Latin keys they sit on, before normalising, so the banned list, dictionary and
 * character model — all Latin — see them. Cyrillic follows the Russian ЙЦУКЕН layout on a QWERTY
 * keyboard, the way Russian speakers' passwords appear in the shipped top-1M list (`gfhjkm` is
 * пароль; wordlists/README.md); Greek follows the Greek layout, which puts most letters on
 * their Latin look-alikes (α a, β b, … ς w, ω v).
 *
 * One code unit in, one out, so spans into the password stay valid. Only a password without
 * ASCII letters is read this way: a Latin word with a Cyrillic look-alike mixed in (`pаssword`)
 * is the normaliser's confusable fold's job, which a layout reading would defeat.
 */
const CYRILLIC_LOWER = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const CYRILLIC_LATIN = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.`';
const GREEK_LOWER = 'αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ';
const GREEK_LATIN = 'abgdezhuiklmnjoprswtyfxcvaehioyviyiy';

const MAP = new Map<number, number>();
function add(from: string, to: string): void {
  for (let i = 0; i < from.length; i++) {
    const t = to.charCodeAt(i);
    MAP.set(from.charCodeAt(i), t);
    const upper = from[i]!.toUpperCase();
    // Capitals keep their case where the key is a letter; a punctuation key stays as it is.
    if (upper.length === 1 && upper !== from[i] && !MAP.has(upper.charCodeAt(0))) MAP.set(upper.charCodeAt(0), to[i]!.toUpperCase().charCodeAt(0));
  }
}
add(CYRILLIC_LOWER, CYRILLIC_LATIN);
add(GREEK_LOWER, GREEK_LATIN);

/** The password with Cyrillic and Greek letters read as Latin keys; itself when there are none. */
export function transliterate(password: string): string {
  let found = false;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return password;
    if (!found && MAP.has(c)) found = true;
  }
  if (!found) return password;
  let out = '';
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out += String.fromCharCode(MAP.get(c) ?? c);
  }
  return out;
}
