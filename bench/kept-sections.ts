/**
 * The sections of bench/RESULTS.md that `npm run bench` (bench/run.ts) does not produce and so
 * must carry over when it rewrites the file: the HTTP service section (bench/server.ts writes it
 * between its markers: servers in their own processes and a load generator), the popularity
 * section (bench/popularity.ts, between its markers: a redis-server and the evaluation sets), the
 * browser tiers section (between its markers: bundle-size --tiers, bench:quality --light) and the big HIBP
 * filter section (bench/filter-big.ts: builds of 10^7–10^8 keys, minutes each), from its heading
 * to the next top-level heading, marker or the end, and the rotated-passwords section
 * (bench/rotation.ts, between its markers: hash verifications at common costs), and the speed
 * section against a reference checkout (bench/throughput-vs-ref.ts, between its markers). Returned
 * in that order, each on its own lines; '' when none is there.
 */
export const SERVER_START = '<!-- server:start -->';
export const SERVER_END = '<!-- server:end -->';
export const BIG_FILTERS_HEADING = '## Big HIBP filters\n';
/** The rotated-passwords section (bench/rotation.ts: hash verifications at common costs, seconds each). */
export const ROTATION_START = '<!-- rotation:start -->';
export const ROTATION_END = '<!-- rotation:end -->';
/** bench/popularity.ts writes its section between these (it needs a redis-server and the evaluation sets). */
export const POPULARITY_START = '<!-- popularity:start -->';
export const POPULARITY_END = '<!-- popularity:end -->';
/** The browser data tiers' size table and quality (scripts/bundle-size.ts --tiers, bench:quality --light). */
export const TIERS_START = '<!-- tiers:start -->';
export const TIERS_END = '<!-- tiers:end -->';

/** The speed-against-a-reference section (bench/throughput-vs-ref.ts: two checkouts in one process, issue 19). */
export const SPEED_START = '<!-- speed:start -->';
export const SPEED_END = '<!-- speed:end -->';

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
  const r = previous.indexOf(ROTATION_START);
  const rEnd = previous.indexOf(ROTATION_END);
  if (r >= 0 && rEnd > r) out += `\n${previous.slice(r, rEnd + ROTATION_END.length)}\n`;
  const sp = previous.indexOf(SPEED_START);
  const spEnd = previous.indexOf(SPEED_END);
  if (sp >= 0 && spEnd > sp) out += `\n${previous.slice(sp, spEnd + SPEED_END.length)}\n`;
  return out;
}

/**
 * bench/QUALITY.md's attacker's-guesses section (bench/attacker.ts writes it between these
 * markers; bench/quality.ts carries it over when it rewrites the file): the section with its
 * markers, or '' when the document has none.
 */
export const ATTACKER_START = '<!-- attacker:start -->';
export const ATTACKER_END = '<!-- attacker:end -->';
export function attackerSection(previous: string): string {
  const a = previous.indexOf(ATTACKER_START);
  const b = previous.indexOf(ATTACKER_END, a);
  return a >= 0 && b > a ? previous.slice(a, b + ATTACKER_END.length) : '';
}
/** `doc` with its attacker section replaced by `section` ('' removes it), or `section` appended at the end. */
export function withAttackerSection(doc: string, section: string): string {
  const old = attackerSection(doc);
  const base = old ? doc.replace(old, '').trimEnd() + '\n' : doc;
  return section ? `${base.trimEnd()}\n\n${section.trim()}\n` : base;
}
