import { TermIndex } from '../match/index.js';
import { normaliseTerm, type NormaliserConfig } from '../normalise/normalise.js';

export type ListSource = 'global' | 'custom';

/**
 * The global and custom banned lists folded into one index, as Entra combines them before
 * matching. Each folded term remembers the list it came from (custom wins a tie: it is the
 * organisation's own word), the term as the administrator wrote it, and its rank for the
 * strength estimate (custom terms are the first words a targeted attacker tries).
 */
export interface BannedLists {
  readonly index: TermIndex;
  readonly display: readonly string[];
  readonly source: readonly ListSource[];
  readonly rank: readonly number[];
  readonly globalCount: number;
  readonly customCount: number;
}

export function buildBannedLists(
  global: readonly string[],
  custom: readonly string[],
  config: NormaliserConfig,
  fuzzyMinLength: number,
): BannedLists {
  const folded: string[] = [];
  const display: string[] = [];
  const source: ListSource[] = [];
  const rank: number[] = [];
  custom.forEach((term, i) => {
    folded.push(normaliseTerm(term, config));
    display.push(term.toLowerCase());
    source.push('custom');
    rank.push(i + 1);
  });
  global.forEach((term, i) => {
    folded.push(normaliseTerm(term, config));
    display.push(term.toLowerCase());
    source.push('global');
    rank.push(i + 1);
  });
  const index = TermIndex.build(folded, { fuzzyMinLength: Number.isFinite(fuzzyMinLength) ? fuzzyMinLength : 1 << 30 });
  return { index, display, source, rank, globalCount: global.length, customCount: custom.length };
}
