/**
 * The decoded readings of a text a custom check returned, for PasswordRedactor: a check that
 * URL-encodes or base64-encodes the password (into a link, a token, a log-style message) would
 * otherwise carry it past a search for the password as typed. Decoding is lenient on purpose —
 * a stray `%` or a base64 run that starts mid-group must not hide what follows — and bounded:
 * texts are at most 500 characters (custom-findings.ts), each reading is linear in them.
 */
const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8'); // not fatal: garbage becomes U+FFFD, the rest survives

const hexValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

/** Percent-decoding that keeps a malformed `%` as it is; `plusIsSpace`: the form encoding. */
export function percentDecoded(s: string, plusIsSpace: boolean): string {
  if (!s.includes('%') && !(plusIsSpace && s.includes('+'))) return s;
  const bytes: number[] = [];
  let plain = '';
  const flush = () => {
    if (plain) for (const b of utf8.encode(plain)) bytes.push(b);
    plain = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && i + 2 < s.length && hexValue(s.charCodeAt(i + 1)) >= 0 && hexValue(s.charCodeAt(i + 2)) >= 0) {
      flush();
      bytes.push(hexValue(s.charCodeAt(i + 1)) * 16 + hexValue(s.charCodeAt(i + 2)));
      i += 2;
    } else if (c === 43 && plusIsSpace) {
      flush();
      bytes.push(32);
    } else {
      plain += s[i];
    }
  }
  flush();
  return lenient.decode(new Uint8Array(bytes));
}

/** The 6-bit value of a base64 or base64url character, or -1. */
function sextet(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43 || c === 45) return 62; // + or -
  if (c === 47 || c === 95) return 63; // / or _
  return -1;
}

/**
 * Every run of base64/base64url characters (4 or more) decoded from each of its 4 possible
 * group alignments, so an encoding that starts inside a longer run (`token=cGFzc…`, or after a
 * prefix byte) is read at its own alignment. Padding `=` ends a run.
 */
export function base64Readings(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && sextet(s.charCodeAt(i)) < 0) i++;
    const start = i;
    while (i < s.length && sextet(s.charCodeAt(i)) >= 0) i++;
    if (i - start < 4) continue;
    for (let skip = 0; skip < 4 && start + skip + 2 <= i; skip++) {
      const bytes: number[] = [];
      let acc = 0;
      let bits = 0;
      for (let j = start + skip; j < i; j++) {
        acc = ((acc << 6) | sextet(s.charCodeAt(j))) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          bytes.push((acc >> bits) & 0xff);
        }
      }
      out.push(lenient.decode(new Uint8Array(bytes)));
    }
  }
  return out;
}
