/**
 * Accept-Encoding and Accept-Language negotiation (RFC 9110 §12.5.3–4), small and bounded: the
 * fetch handler runs it on every evaluate call with a language header, in any runtime, so it
 * imports nothing. It replaces the `negotiator` package (a runtime dependency every library user
 * installed for a few lines of it); test/server/negotiate.test.ts holds negotiator as the oracle.
 */

/** Past this many characters or entries a header is read no further (a browser sends < 200). */
export const MAX_ACCEPT_LENGTH = 4096;
export const MAX_ACCEPT_ENTRIES = 64;

interface Entry {
  /** Lower-cased range: a token, a language tag or `*`. */
  readonly range: string;
  readonly q: number;
  /** Position in the header: earlier wins a tie. */
  readonly at: number;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
// RFC 9110 qvalue: 0 to 1 with at most three decimals. Anything else makes the entry unusable.
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

function parse(header: string): Entry[] {
  const out: Entry[] = [];
  const parts = header.slice(0, MAX_ACCEPT_LENGTH).split(',', MAX_ACCEPT_ENTRIES);
  for (let i = 0; i < parts.length; i++) {
    const [rawRange, ...params] = parts[i]!.split(';');
    const range = rawRange!.trim();
    if (!TOKEN.test(range)) continue;
    let q = 1;
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== 'q') continue;
      const v = p.slice(eq + 1).trim();
      q = QVALUE.test(v) ? Number(v) : 0;
    }
    out.push({ range: range.toLowerCase(), q, at: i });
  }
  return out;
}

interface Priority {
  readonly q: number;
  /** How specifically the range names the candidate: higher wins over a higher q. */
  readonly s: number;
  readonly at: number;
}

/** The most specific range matching a candidate (then the highest q, then the latest), as negotiator picks. */
function priority(entries: readonly Entry[], specificity: (range: string) => number): Priority | null {
  let best: Priority | null = null;
  for (const e of entries) {
    const s = specificity(e.range);
    if (s < 0) continue;
    if (!best || s > best.s || (s === best.s && (e.q > best.q || (e.q === best.q && e.at > best.at)))) best = { q: e.q, s, at: e.at };
  }
  return best;
}

/** The client's preferred encoding among br and gzip by its q-values (ties: br, then gzip); null: identity. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const entries = parse(acceptEncoding);
  const q = (name: string) => priority(entries, (r) => (r === name ? 1 : r === '*' ? 0 : -1))?.q ?? 0;
  const br = q('br');
  const gzip = q('gzip');
  // identity not named (and no `*`) stays acceptable, below every named coding.
  const named = entries.some((e) => e.range === 'identity' || e.range === '*');
  const identity = named ? q('identity') : 0;
  const top = Math.max(br, gzip, identity);
  if (top <= 0) return null;
  return br === top ? 'br' : gzip === top ? 'gzip' : null;
}

/**
 * The candidate (a language tag, e.g. `fr` or `pt-BR`) the header prefers, or undefined when it
 * accepts none. A range matches a candidate exactly (`fr`), as its primary tag (`fr-CH` → `fr`),
 * by the candidate's primary tag (`en` → `en-US`), or as `*`; ties go to the earlier candidate.
 */
export function preferredLanguage(acceptLanguage: string, candidates: readonly string[]): string | undefined {
  const entries = parse(acceptLanguage);
  let best: (Priority & { index: number }) | null = null;
  candidates.forEach((candidate, index) => {
    const full = candidate.toLowerCase();
    const primary = full.split('-')[0]!;
    const p = priority(entries, (r) => (r === full ? 4 : r.split('-')[0] === full ? 2 : r === primary ? 1 : r === '*' ? 0 : -1));
    if (!p || p.q <= 0) return;
    if (!best || p.q > best.q || (p.q === best.q && (p.s > best.s || (p.s === best.s && p.at < best.at)))) best = { ...p, index };
  });
  return best === null ? undefined : candidates[(best as { index: number }).index];
}
