/**
 * The plain-text rotation rule: is `next` the `previous` password with its rotating parts
 * changed? Used when the user typed the current password (a self-service change).
 *
 * The rule, in order (bench/rotation.ts measures it: the share of generated rotations it
 * catches, and how often two unrelated human passwords match it — at most 1 in 10,000):
 * 1. the same password up to Unicode form and case;
 * 2. the same root (root.ts) when the root carries something: at least MIN_ROOT_WEIGHT letters
 *    (a calendar placeholder counts as PLACEHOLDER_WEIGHT) — `Winter2020!` → `Summer2021?`;
 * 3. long roots one edit apart (a letter or an inner symbol added, removed or changed), or one
 *    root inside the other (`Harbour` → `HarbourAgain`) when the shorter is long;
 * 4. no root at all (digits and symbols only): the digit strings, each at least MIN_DIGITS long,
 *    one edit apart (`19730415` → `19730416`, `123456` → `1234567`).
 * Every step is linear or, for the one-edit test, linear too (no full edit-distance table).
 */
import { rootSegments } from './root.js';

export const MIN_ROOT_WEIGHT = 4;
const PLACEHOLDER_WEIGHT = 4;
/** Roots at least this heavy also match one edit apart, or one inside the other. */
export const NEAR_ROOT_WEIGHT = 7;
export const MIN_DIGITS = 6;

const PLACEHOLDER = /<(?:season|month|day)>/g;

/** A root's weight: its letters, a calendar placeholder counted as PLACEHOLDER_WEIGHT. */
export function rootWeight(root: string): number {
  let placeholders = 0;
  const letters = root.replace(PLACEHOLDER, () => {
    placeholders++;
    return '';
  });
  return [...letters].length + PLACEHOLDER_WEIGHT * placeholders;
}

function digitsOf(text: string): string {
  let out = '';
  for (const ch of text) if (ch >= '0' && ch <= '9') out += ch;
  return out;
}

/** At most one insertion, deletion or substitution apart (code units), in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  // Same length: the rest after one substitution; a longer: the rest after one deletion from a.
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** Which step of the rule matched, for the bench; null when none did. */
export type RotationRule = 'same' | 'root' | 'near-root' | 'digits';

export function rotationRule(previous: string, next: string): RotationRule | null {
  const p = previous.normalize('NFKC').toLowerCase();
  const n = next.normalize('NFKC').toLowerCase();
  if (p === n) return 'same';
  const rootP = rootSegments(previous).join('');
  const rootN = rootSegments(next).join('');
  if (rootP === '' || rootN === '') {
    if (rootP !== rootN) return null;
    const dp = digitsOf(p);
    const dn = digitsOf(n);
    return dp.length >= MIN_DIGITS && dn.length >= MIN_DIGITS && withinOneEdit(dp, dn) ? 'digits' : null;
  }
  if (rootP === rootN) return rootWeight(rootP) >= MIN_ROOT_WEIGHT ? 'root' : null;
  const shorter = rootP.length <= rootN.length ? rootP : rootN;
  const longer = shorter === rootP ? rootN : rootP;
  if (rootWeight(shorter) < NEAR_ROOT_WEIGHT) return null;
  return withinOneEdit(shorter, longer) || longer.includes(shorter) ? 'near-root' : null;
}

/** Whether `next` is `previous` rotated (see the file comment). Never throws for strings. */
export function isRotation(previous: string, next: string): boolean {
  return rotationRule(previous, next) !== null;
}
