import { isDigit } from './chars.js';
import type { PatternMatch } from './types.js';

/**
 * Fixed reference year for "how recent is this year". A constant rather than the clock so that the
 * same password always gets the same result (tests, audits, browser vs server).
 */
export const REFERENCE_YEAR = 2026;
/** Even a year far from the reference is one of a few dozen an attacker tries early. */
export const MIN_YEAR_SPACE = 20;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ORDERS = ['dmy', 'mdy', 'ymd'] as const;

/**
 * DATE:
 * - `kind: 'year'`: 1900–2099 as the first or last four digits of a digit run (`1990`,
 *   `winter2020`, `19901234`); a year buried in the middle of a longer run is not reported.
 * - `kind: 'date'` with separators: `d/m/y`, `m/d/y`, `y/m/d` with one repeated separator out of
 *   `/ - . _ \ space`, day/month 1–2 digits, year 2 or 4 digits (`12/05/1990`, `1990-05-12`,
 *   `5.12.90`); the date must be a whole digit-run group (`192.168.1.1` is not a date).
 * - `kind: 'date'` without separators: 6–8 digits as d-m-y, m-d-y or y-m-d with 1–2 digit
 *   day/month and 2/4-digit years (`051290`, `12051990`, `5121990`, `19900512`), taken as a whole
 *   digit run or as its first/last 6–8 digits.
 * Day and month are checked against the calendar (31 April is not a date; 29 February is).
 * Not caught on purpose: 4–5 digit dates (`1290`, `51290`: almost every 4-digit string would
 * parse), year-day-month order, month names, years outside 1900–2099 written in full.
 */
export function findDates(plain: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  const n = plain.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(plain.charCodeAt(i))) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < n && isDigit(plain.charCodeAt(e))) e++;
    addYears(plain, i, e, out);
    addCompactDates(plain, i, e, out);
    addSeparatedDate(plain, i, e, out);
    i = e;
  }
  return out;
}

function addYears(plain: string, s: number, e: number, out: PatternMatch[]): void {
  if (e - s < 4) return;
  pushYear(plain, s, out);
  if (e - 4 > s) pushYear(plain, e - 4, out);
}

function pushYear(plain: string, at: number, out: PatternMatch[]): void {
  const y = num(plain, at, 4);
  if (y < 1900 || y > 2099) return;
  out.push({ start: at, end: at + 4, code: 'DATE', kind: 'year', guesses: yearSpace(y) });
}

function addCompactDates(plain: string, s: number, e: number, out: PatternMatch[]): void {
  const runLen = e - s;
  for (let len = 6; len <= 8 && len <= runLen; len++) {
    compactWindow(plain, s, len, out);
    if (runLen > len) compactWindow(plain, e - len, len, out);
  }
}

/** Tries every split of the window into 1|2|4 + 1|2 + 1|2|4 digits that adds up to its length. */
function compactWindow(plain: string, at: number, len: number, out: PatternMatch[]): void {
  bestYear = -1;
  for (let la = 1; la <= 4; la++) {
    if (la === 3) continue;
    for (let lb = 1; lb <= 2; lb++) {
      const lc = len - la - lb;
      if (lc !== 1 && lc !== 2 && lc !== 4) continue;
      consider(
        num(plain, at, la), la,
        num(plain, at + la, lb),
        num(plain, at + la + lb, lc), lc,
      );
    }
  }
  if (bestYear >= 0) pushDate(at, at + len, false, out);
}

/** `/ - . _ \ space`: the characters people put between day, month and year. */
function isDateSeparator(c: number): boolean {
  return c === 0x2f || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x5c || c === 0x20;
}

function addSeparatedDate(plain: string, s: number, e: number, out: PatternMatch[]): void {
  const la = e - s;
  if (la === 3 || la > 4 || e >= plain.length) return;
  const sep = plain.charCodeAt(e);
  if (!isDateSeparator(sep)) return;
  // Middle group: 1–2 digits, then the same separator.
  const s2 = e + 1;
  let e2 = s2;
  while (e2 < plain.length && isDigit(plain.charCodeAt(e2))) e2++;
  const lb = e2 - s2;
  if (lb < 1 || lb > 2 || e2 >= plain.length || plain.charCodeAt(e2) !== sep) return;
  const s3 = e2 + 1;
  let e3 = s3;
  while (e3 < plain.length && isDigit(plain.charCodeAt(e3))) e3++;
  const lc = e3 - s3;
  if (lc !== 1 && lc !== 2 && lc !== 4) return;
  bestYear = -1;
  consider(num(plain, s, la), la, num(plain, s2, lb), num(plain, s3, lc), lc);
  if (bestYear >= 0) pushDate(s, e3, true, out);
}

// Scratch result of `consider`: kept in module state so the hot path allocates nothing.
let bestYear = -1;
let bestOrder = 0;

/** Records the readings of (a, b, c) as a date whose year is closest to the reference year. */
function consider(a: number, la: number, b: number, c: number, lc: number): void {
  if (la <= 2) {
    const y = fullYear(c, lc);
    if (y >= 0) {
      if (validDayMonth(a, b)) keep(y, 0);
      if (validDayMonth(b, a)) keep(y, 1);
    }
  }
  if (lc <= 2) {
    const y = fullYear(a, la);
    if (y >= 0 && validDayMonth(c, b)) keep(y, 2);
  }
}

function keep(year: number, order: number): void {
  if (bestYear < 0 || Math.abs(year - REFERENCE_YEAR) < Math.abs(bestYear - REFERENCE_YEAR)) {
    bestYear = year;
    bestOrder = order;
  }
}

function pushDate(start: number, end: number, separated: boolean, out: PatternMatch[]): void {
  // An attacker enumerates 365 days per year over the year space; the separator (one of a handful,
  // in one of a few places) multiplies that by 4.
  out.push({
    start,
    end,
    code: 'DATE',
    kind: 'date',
    guesses: yearSpace(bestYear) * 365 * (separated ? 4 : 1),
    params: { order: ORDERS[bestOrder] ?? 'dmy', separated: separated ? 1 : 0 },
  });
}

function validDayMonth(d: number, m: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (DAYS_IN_MONTH[m - 1] ?? 0);
}

/** 4 digits: 1900–2099; 2 digits: 51–99 → 19xx, 00–50 → 20xx; anything else is not a year. */
function fullYear(v: number, len: number): number {
  if (len === 4) return v >= 1900 && v <= 2099 ? v : -1;
  if (len === 2) return v > 50 ? 1900 + v : 2000 + v;
  return -1;
}

export function yearSpace(year: number): number {
  return Math.max(Math.abs(year - REFERENCE_YEAR), MIN_YEAR_SPACE);
}

function num(plain: string, at: number, len: number): number {
  let v = 0;
  for (let k = at; k < at + len; k++) v = v * 10 + (plain.charCodeAt(k) - 0x30);
  return v;
}
