/**
 * The sections of bench/RESULTS.md that `npm run bench` (bench/run.ts) does not produce and so
 * must carry over when it rewrites the file: the HTTP service section (bench/server.ts writes it
 * between its markers: servers in their own processes and a load generator), the popularity
 * section (bench/popularity.ts, between its markers: a redis-server and the evaluation sets), the
 * browser tiers section (between its markers: bundle-size --tiers, bench:quality --light) and the big HIBP
 * filter section (bench/filter-big.ts: builds of 10^7–10^8 keys, minutes each), from its heading
 * to the next top-level heading, marker or the end. Returned in that order, each on its own lines; '' when
 * neither is there.
 */
export const SERVER_START = '<!-- server:start -->';
export const SERVER_END = '<!-- server:end -->';
export const BIG_FILTERS_HEADING = '## Big HIBP filters\n';
/** bench/popularity.ts writes its section between these (it needs a redis-server and the evaluation sets). */
export const POPULARITY_START = '<!-- popularity:start -->';
export const POPULARITY_END = '<!-- popularity:end -->';
/** The browser data tiers' size table and quality (scripts/bundle-size.ts --tiers, bench:quality --light). */
export const TIERS_START = '<!-- tiers:start -->';
export const TIERS_END = '<!-- tiers:end -->';

export function keptSections(previous: string): string {
  let out = '';
  const a = previous.indexOf(SERVER_START);
  const b = previous.indexOf(SERVER_END);
  if (a >= 0 && b > a) out += `\n${previous.slice(a, b + SERVER_END.length)}\n`;
  const pa = previous.indexOf(POPULARITY_START);
  const pb = previous.indexOf(POPULARITY_END);
  if (pa >= 0 && pb > pa) out += `\n${previous.slice(pa, pb + POPULARITY_END.length)}\n`;
  const t = previous.indexOf(TIERS_START);
  const u = previous.indexOf(TIERS_END);
  if (t >= 0 && u > t) out += `\n${previous.slice(t, u + TIERS_END.length)}\n`;
  const big = previous.indexOf(BIG_FILTERS_HEADING);
  if (big >= 0) {
    // It ends at the next top-level heading or the next kept section's marker, whichever comes first.
    const ends = ['\n## ', '\n<!-- '].map((m) => previous.indexOf(m, big + BIG_FILTERS_HEADING.length)).filter((i) => i >= 0);
    const next = ends.length > 0 ? Math.min(...ends) : -1;
    out += `\n${previous.slice(big, next < 0 ? previous.length : next + 1).trimEnd()}\n`;
  }
  return out;
}
