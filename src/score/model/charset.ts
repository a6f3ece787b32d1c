/**
 * The charset-aware cost of a brute-forced character: the size of the union of the character
 * classes the password uses (lowercase 26, uppercase 26, digits 10, printable ASCII symbols and
 * space 33, anything else 100), the alphabet a brute-force attacker who knows the classes must
 * search. A gap in a random printable password costs ~95 per character, in a random lowercase
 * one 26, instead of zxcvbn's flat 10 — so randomness is recognised as randomness, while what a
 * person typed is priced by the character model and the matchers first (estimate.ts).
 */
export function bruteforceCardinality(password: string): number {
  let lower = 0, upper = 0, digit = 0, symbol = 0, other = 0;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lower = 26;
    else if (c >= 0x41 && c <= 0x5a) upper = 26;
    else if (c >= 0x30 && c <= 0x39) digit = 10;
    else if (c >= 0x20 && c < 0x7f) symbol = 33;
    else other = 100;
  }
  return Math.max(10, lower + upper + digit + symbol + other);
}

/** The size of one character's class, as in bruteforceCardinality (lowercase, uppercase 26,
 * digits 10, printable ASCII symbols and space 33, anything else 100). */
export function classCardinality(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 26;
  if (c >= 0x30 && c <= 0x39) return 10;
  if (c >= 0x20 && c < 0x7f) return 33;
  return 100;
}
