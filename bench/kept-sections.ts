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

/** The block of `text` from `start` to the first `end` after it, both markers included; '' when it has none. */
export function markedBlock(text: string, start: string, end: string): string {
  const a = text.indexOf(start);
  const b = a < 0 ? -1 : text.indexOf(end, a + start.length);
  return b < 0 ? '' : text.slice(a, b + end.length);
}

/**
 * `text` with its `start`…`end` block replaced by `block` (which carries the markers). When the
 * text has no such block, `placeNew(text)` decides where it goes: by default at the end. Every
 * bench that writes its own block of bench/RESULTS.md goes through here.
 */
export function replaceMarkedBlock(text: string, start: string, end: string, block: string, placeNew: (text: string) => string = (t) => `${t.trimEnd()}\n\n${block}\n`): string {
  const old = markedBlock(text, start, end);
  if (!old) return placeNew(text);
  const at = text.indexOf(old);
  return text.slice(0, at) + block + text.slice(at + old.length);
}

export function keptSections(previous: string): string {
  let out = '';
  const keep = (start: string, end: string) => {
    const block = markedBlock(previous, start, end);
    if (block) out += `\n${block}\n`;
  };
  keep(SERVER_START, SERVER_END);
  keep(POPULARITY_START, POPULARITY_END);
  keep(TIERS_START, TIERS_END);
  const big = previous.indexOf(BIG_FILTERS_HEADING);
  if (big >= 0) {
    // It ends at the next top-level heading or the next kept section's marker, whichever comes first.
    const ends = ['\n## ', '\n<!-- '].map((m) => previous.indexOf(m, big + BIG_FILTERS_HEADING.length)).filter((i) => i >= 0);
    const next = ends.length > 0 ? Math.min(...ends) : -1;
    out += `\n${previous.slice(big, next < 0 ? previous.length : next + 1).trimEnd()}\n`;
  }
  keep(ROTATION_START, ROTATION_END);
  keep(SPEED_START, SPEED_END);
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
  return markedBlock(previous, ATTACKER_START, ATTACKER_END);
}
/** `doc` with its attacker section replaced by `section` ('' removes it), or `section` appended at the end. */
export function withAttackerSection(doc: string, section: string): string {
  const old = attackerSection(doc);
  const base = old ? doc.replace(old, '').trimEnd() + '\n' : doc;
  return section ? `${base.trimEnd()}\n\n${section.trim()}\n` : base;
}
