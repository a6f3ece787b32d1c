/** Hex digit parsing shared by the string and the byte (HIBP file) paths: one table lookup a digit. */

/** Value of an ASCII hex digit (either case) by char code, or -1. */
export const HEX_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i;
    t[97 + i] = 10 + i;
  }
  return t;
})();

/** True when `s` is exactly 40 hex digits (a SHA-1 digest). */
export function isSha1Hex(s: string): boolean {
  if (s.length !== 40) return false;
  for (let i = 0; i < 40; i++) {
    const c = s.charCodeAt(i);
    if (c > 255 || HEX_VALUE[c]! < 0) return false;
  }
  return true;
}

/** The 32-bit big-endian word of 8 hex digits at `off` (as int32). Digits must be valid. */
export function hexWord(s: string, off: number): number {
  let v = 0;
  for (let i = off; i < off + 8; i++) v = (v << 4) | HEX_VALUE[s.charCodeAt(i) & 255]!;
  return v | 0;
}

/** Same as `hexWord` over bytes (ASCII hex in a file buffer). Digits must be valid. */
export function hexWordBytes(b: Uint8Array, off: number): number {
  let v = 0;
  for (let i = off; i < off + 8; i++) v = (v << 4) | HEX_VALUE[b[i]!]!;
  return v | 0;
}
