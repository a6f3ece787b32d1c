import type { TermIndex, TermMatch } from './term-index.js';

/**
 * Two TermIndexes answering exactly as one TermIndex built over `first`'s terms followed by
 * `second`'s (same matches, same ids, same order). It lets a checker combine the organisation's
 * own few terms, indexed at createChecker, with the shipped global list's index, precompiled at
 * data-build time: building the global index cold was ~25 ms of every createChecker.
 *
 * - Ids: `first`'s as they are, `second`'s shifted by `firstIdLimit` (the length of the list
 *   `first` was built from), as in the concatenated list.
 * - A term in both lists is one term of the concatenated list, reported under its first id:
 *   `second`'s copies of `first`'s terms are `shadowed` and never reported.
 * - Each index's output is sorted by start, end, termId; the two runs are merged, and every id
 *   of `first` is below every id of `second`, so the merge is the single index's order.
 */
export class StackedIndex {
  readonly size: number;
  readonly minTermLength: number;
  readonly maxTermLength: number;
  private readonly first: TermIndex;
  private readonly second: TermIndex;
  private readonly offset: number;
  private readonly shadowed: ReadonlySet<number>;
  /** `second`'s matches of the current query, before the merge (not re-entrant, like TermIndex). */
  private readonly scratch: TermMatch[] = [];

  /**
   * @param first         the index reported first (the custom terms)
   * @param firstTerms    the terms `first` was built from, in order
   * @param second        the other index (the global terms)
   */
  constructor(first: TermIndex, firstTerms: readonly string[], second: TermIndex) {
    this.first = first;
    this.second = second;
    this.offset = firstTerms.length;
    const shadowed = new Set<number>();
    for (const t of firstTerms) {
      const id = second.idOf(t);
      if (id >= 0) shadowed.add(id);
    }
    this.shadowed = shadowed;
    this.size = first.size + second.size - shadowed.size;
    const mins = [first, second].filter((x) => x.size > 0).map((x) => x.minTermLength);
    this.minTermLength = mins.length > 0 ? Math.min(...mins) : 0;
    this.maxTermLength = Math.max(first.maxTermLength, second.maxTermLength);
  }

  findExact(text: string, from: number, to: number, out: TermMatch[]): void {
    this.query('findExact', text, from, to, out);
  }

  findFuzzy(text: string, from: number, to: number, out: TermMatch[]): void {
    this.query('findFuzzy', text, from, to, out);
  }

  private query(kind: 'findExact' | 'findFuzzy', text: string, from: number, to: number, out: TermMatch[]): void {
    const start = out.length;
    this.first[kind](text, from, to, out);
    this.scratch.length = 0;
    this.second[kind](text, from, to, this.scratch);
    this.merge(out, start);
  }

  /** Merges out[start..] (first's matches) with scratch (second's), shifting and dropping as above. */
  private merge(out: TermMatch[], start: number): void {
    const { scratch, shadowed, offset } = this;
    let kept = 0;
    for (const m of scratch) {
      if (shadowed.has(m.termId)) continue;
      m.termId += offset; // fresh objects from this query: safe to adjust in place
      scratch[kept++] = m;
    }
    scratch.length = kept;
    if (kept === 0) return;
    if (out.length === start) {
      for (const m of scratch) out.push(m);
      return;
    }
    const mine = out.splice(start);
    let i = 0;
    let j = 0;
    while (i < mine.length && j < kept) out.push(before(scratch[j]!, mine[i]!) ? scratch[j++]! : mine[i++]!);
    while (i < mine.length) out.push(mine[i++]!);
    while (j < kept) out.push(scratch[j++]!);
  }
}

/** Whether a sorts strictly before b by start, end, termId. */
function before(a: TermMatch, b: TermMatch): boolean {
  return (a.start - b.start || a.end - b.end || a.termId - b.termId) < 0;
}
