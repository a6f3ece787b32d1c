import leven from 'leven';
import type { TermMatch } from '../../src/match/index.js';

/**
 * The reference the index must equal: every window × every term, compared with `leven`.
 * (No `maxDistance`: leven 4.1's `{ maxDistance: 1 }` reports 1 for every distance ≥ 1.)
 */
export function naiveScan(
  terms: readonly string[],
  text: string,
  from: number,
  to: number,
  distance: 0 | 1,
  fuzzyMinLength = 0,
): TermMatch[] {
  const out: TermMatch[] = [];
  const firstId = new Map<string, number>();
  terms.forEach((t, i) => {
    if (t.length > 0 && !firstId.has(t)) firstId.set(t, i);
  });
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  for (let start = from; start < to; start++) {
    for (let end = start + 1; end <= to; end++) {
      const w = text.slice(start, end);
      const ids: number[] = [];
      for (const [t, termId] of firstId) {
        if (distance === 0 ? w === t : t.length >= fuzzyMinLength && leven(w, t) === 1) {
          ids.push(termId);
        }
      }
      ids.sort((x, y) => x - y);
      for (const termId of ids) out.push({ start, end, termId, distance });
    }
  }
  return out;
}
