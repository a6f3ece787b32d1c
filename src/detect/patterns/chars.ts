/**
 * Character classes shared by the detectors, on UTF-16 code units. Plain comparisons instead of
 * regular expressions: cheap, allocation-free and impossible to make backtrack.
 */

export const CH_0 = 0x30;
export const CH_9 = 0x39;
export const CH_A = 0x61;
export const CH_Z = 0x7a;

export function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

/** ASCII lowercase letter (the input is already case folded). */
export function isLower(c: number): boolean {
  return c >= CH_A && c <= CH_Z;
}

/**
 * A "symbol": space, ASCII punctuation, and the Latin-1 punctuation block (¡ § « ° ¿ × ÷ …).
 * Everything else that is not a digit (letters of any script, surrogates, marks) counts as a
 * word character, so affixes are only split off at characters people type as decoration.
 */
export function isSymbol(c: number): boolean {
  if (c <= 0x7f) {
    return (
      (c >= 0x20 && c <= 0x2f) ||
      (c >= 0x3a && c <= 0x40) ||
      (c >= 0x5b && c <= 0x60) ||
      (c >= 0x7b && c <= 0x7e)
    );
  }
  return (c >= 0xa1 && c <= 0xbf) || c === 0xd7 || c === 0xf7 || c === 0x20ac;
}
