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
  const n = findings.length;
  // A `messages` function that evaluates again from inside would reuse the scratch: not there.
  if (n > ORDER_SCRATCH_MAX || ordering) return feedbackOfMany(findings, speaker, guard);
  ordering = true;
  try {
    return orderedFeedback(findings, speaker, guard);
  } finally {
    ordering = false;
  }
}

function orderedFeedback(findings: readonly Finding[], speaker: Speaker, guard?: Guard): Feedback {
  const n = findings.length;
  // Each finding's order key computed once, the non-informational ones insertion-sorted by it
  // (stable, as sortSmall) as indices in module scratch: no object per finding, no array grown
  // by push (an array's first push reserves 17 slots, ~150 B).
  let m = 0;
  for (let i = 0; i < n; i++) {
    const f = findings[i]!;
    if (f.severity === 'info') continue;
    const key = severityRank(f) * KEY_STRIDE + rank(f);
    let j = m - 1;
    while (j >= 0 && orderKey[j]! > key) {
      orderKey[j + 1] = orderKey[j]!;
      orderAt[j + 1] = orderAt[j]!;
      j--;
    }
    orderKey[j + 1] = key;
    orderAt[j + 1] = i;
    m++;
  }
  const lead = findings[orderAt[0]!]!;
  // At most three suggestions, distinct: held in locals, the array made at its size.
  let s1: string | undefined;
  let s2: string | undefined;
  let s3: string | undefined;
  for (let i = 0; i < m && s3 === undefined; i++) {
    const f = findings[orderAt[i]!]!;
    const s = speaker.entry(f.code)?.suggestion?.(paramsOf(f, speaker), guard);
    if (!s || s === s1 || s === s2) continue;
    if (s1 === undefined) s1 = s;
    else if (s2 === undefined) s2 = s;
    else s3 = s;
  }
  const suggestions = s1 === undefined ? [] : s2 === undefined ? [s1] : s3 === undefined ? [s1, s2] : [s1, s2, s3];
  return { warning: lead.message ?? messageFor(lead, speaker, guard), suggestions };
}

/** Findings up to which feedbackFor orders indices in scratch; more (a long password's many
 * tokens) take feedbackOfMany, whose sort is O(m log m). */
const ORDER_SCRATCH_MAX = 64;
const orderKey = new Float64Array(ORDER_SCRATCH_MAX);
const orderAt = new Int32Array(ORDER_SCRATCH_MAX);
let ordering = false;

/** feedbackFor over many findings: the same order by a stable sort of objects. @internal
 * Exported for the oracle test only. */
export function feedbackOfMany(findings: readonly Finding[], speaker: Speaker, guard?: Guard): Feedback {
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
