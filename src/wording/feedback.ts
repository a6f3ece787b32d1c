import type { Finding } from '../types.js';
import type { Params } from './catalogue.js';
import type { Locale } from './locales.js';
import { BUILT_IN_WORDING, type Guard, type Speaker } from './overrides.js';
import { sortSmall } from '../sort-small.js';
import { BUILT_IN_CODES, CODE_TABLE } from '../codes.js';

export interface Feedback {
  readonly warning: string | null;
  readonly suggestions: string[];
}

// Which reason leads the feedback when several reject: the code table's ranks (src/codes.ts),
// read once here; custom codes and those ranked 'last' come after every ranked one.
const PRIORITY_RANK: ReadonlyMap<string, number> = new Map(
  BUILT_IN_CODES.flatMap((code) => {
    const { rank } = CODE_TABLE[code];
    return rank === 'last' ? [] : [[code, rank] as const];
  }),
);
const LAST = Math.max(...PRIORITY_RANK.values()) + 1;
// A WEAK that names the cheapest attack (`kind`, score/attacks/) says more than the points rule's
// count: it leads just before LOW_SCORE (issue 19). entra has no estimate, so its points wording stays.
const NAMED_ATTACK_RANK = (PRIORITY_RANK.get('LOW_SCORE') ?? LAST) - 0.5;
const rank = (f: Finding) =>
  f.code === 'WEAK' && typeof f.params?.kind === 'string' ? NAMED_ATTACK_RANK : PRIORITY_RANK.get(f.code) ?? LAST;
// Rejections before warnings, then the most actionable code first (stable: ties keep their order).

// A built-in locale, or a checker's speaker of one of its languages (options `messages`: overrides.ts).
const speakerOf = (locale: Locale | Speaker): Speaker => (typeof locale === 'string' ? BUILT_IN_WORDING.speaker(locale) : locale);

/**
 * The message for one finding in a locale; unknown (custom) codes fall back to the code.
 * `guard`: whether a text would give the password away, for `messages` functions (overrides.ts).
 */
export function messageFor(finding: Finding, locale: Locale | Speaker, guard?: Guard): string {
  const speaker = speakerOf(locale);
  const entry = speaker.entry(finding.code);
  if (!entry) return finding.code;
  return entry.warning(paramsOf(finding, speaker), guard);
}


/** Warning from the most actionable rejecting finding; suggestions from every finding, deduped. */
export function feedbackFor(findings: readonly Finding[], locale: Locale | Speaker, guard?: Guard): Feedback {
  let rejects = false;
  for (let i = 0; i < findings.length && !rejects; i++) rejects = findings[i]!.severity === 'reject';
  if (!rejects) return { warning: null, suggestions: [] };
  const speaker = speakerOf(locale);
  // Each finding's order key computed once (the comparator read the rank table twice per comparison).
  const ordered: Ranked[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.severity !== 'info') ordered.push({ f, key: severityRank(f) * KEY_STRIDE + rank(f) });
  }
  sortSmall(ordered, byKey);
  const lead = ordered[0]!.f;
  const suggestions: string[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const f = ordered[i]!.f;
    const s = speaker.entry(f.code)?.suggestion?.(paramsOf(f, speaker), guard);
    if (s && !suggestions.includes(s)) suggestions.push(s);
    if (suggestions.length === 3) break;
  }
  return { warning: lead.message ?? messageFor(lead, speaker, guard), suggestions };
}

interface Ranked {
  readonly f: Finding;
  readonly key: number;
}
/** Severity first, then rank: ranks are small numbers, far below this. */
const KEY_STRIDE = 1e6;
const byKey = (a: Ranked, b: Ranked) => a.key - b.key;

function severityRank(f: Finding): number {
  return f.severity === 'reject' ? 0 : f.severity === 'warn' ? 1 : 2;
}

// An object of one fixed shape rather than a spread of `params`: spreading objects of many
// shapes went megamorphic and cost a third of a whole evaluation (measured with --cpu-prof).
function paramsOf(f: Finding, speaker: Speaker): Params {
  const p = f.params;
  const field = typeof p?.field === 'string' ? p.field : undefined;
  return {
    term: f.term,
    distance: f.distance,
    fieldName: field ? speaker.fieldName(field) ?? field : undefined,
    field,
    kind: p?.kind,
    shape: p?.shape,
    points: p?.points,
    threshold: p?.threshold,
    plain: p?.plain,
    min: p?.min,
    max: p?.max,
  };
}
