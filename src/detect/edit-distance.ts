/**
 * Whether s[from, to) is within one insertion, deletion or substitution of `term`, in O(length)
 * with no allocation. Used for the handful of context terms, where an index would not pay off.
 */
export function withinOneEdit(s: string, from: number, to: number, term: string): boolean {
  const n = to - from;
  const m = term.length;
  if (Math.abs(n - m) > 1) return false;
  let i = 0;
  while (i < n && i < m && s.charCodeAt(from + i) === term.charCodeAt(i)) i++;
  if (i === n && i === m) return true;
  let a = n - 1;
  let b = m - 1;
  while (a >= i && b >= i && s.charCodeAt(from + a) === term.charCodeAt(b)) {
    a--;
    b--;
  }
  // After trimming the common prefix and suffix, at most one unit may remain on each side.
  return a - i < 1 && b - i < 1;
}
