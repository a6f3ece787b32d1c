/**
 * The alphabet of the character model (model/*.ts): what one code unit of the normalised
 * (`plain`: NFKC, lowercase) password becomes. 40 symbols keep the order-3 context table dense
 * and small (40³ contexts): letters and digits each get their own symbol, the space its own
 * (phrases), the 32 other printable ASCII characters share one symbol refined by a fixed
 * distribution (`SYMBOL_CLASS`), and anything else shares one more.
 */
export const ALPHABET_SIZE = 40;
/** Start and end of a string (contexts before the first character are padded with it). */
export const BOUNDARY = 0;
export const SPACE = 37;
/** One of the 32 printable ASCII characters that are neither letters, digits nor space. */
export const SYMBOL_CLASS = 38;
/** Any code unit outside printable ASCII. */
export const OTHER_CLASS = 39;
/** log2 of the characters an "other" symbol stands for: priced as one of 128, uniformly. */
export const OTHER_BITS = 7;

/** The model symbol of a code unit of `plain` (already lowercase). */
export function symbolOf(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 27;
  if (c === 0x20) return SPACE;
  if (c > 0x20 && c < 0x7f) return c >= 0x41 && c <= 0x5a ? c - 0x41 + 1 : SYMBOL_CLASS;
  return OTHER_CLASS;
}

/** Index 0–31 of a printable ASCII symbol within SYMBOL_CLASS (the order of the code points). */
export function symbolIndex(c: number): number {
  if (c <= 0x2f) return c - 0x21; // ! " # $ % & ' ( ) * + , - . /  (15)
  if (c <= 0x40) return c - 0x3a + 15; // : ; < = > ? @  (7)
  if (c <= 0x60) return c - 0x5b + 22; // [ \ ] ^ _ `  (6)
  return c - 0x7b + 28; // { | } ~  (4)
}
export const SYMBOL_COUNT = 32;
