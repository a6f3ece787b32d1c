import type { Finding } from '../types.js';
import { entryFor, fieldNameFor, type Params } from './catalogue.js';
import type { Locale } from './locales.js';
import { sortSmall } from '../sort-small.js';

export interface Feedback {
  readonly warning: string | null;
  readonly suggestions: string[];
}

// Which reason leads the feedback when several reject: the one the user can act on first.
const PRIORITY = [
  'TOO_LONG', 'TOO_SHORT', 'CONTEXT_TERM', 'BREACHED', 'BREACHED_UNCHECKED', 'BREACHED_RARE', 'BANNED_TERM', 'LOW_SCORE', 'WEAK',
  'KEYBOARD_WALK', 'SEQUENTIAL', 'REPETITIVE', 'DATE', 'PREDICTABLE_AFFIX', 'DICTIONARY_WORD',
];
const PRIORITY_RANK = new Map(PRIORITY.map((code, i) => [code, i]));
const rank = (code: string) => PRIORITY_RANK.get(code) ?? PRIORITY.length;
/** Rejections before warnings, then the most actionable code first (stable: ties keep their order). */
const byActionability = (a: Finding, b: Finding) => severityRank(a) - severityRank(b) || rank(a.code) - rank(b.code);

/** The message for one finding in a locale; unknown (custom) codes fall back to the code. */
export function messageFor(finding: Finding, locale: Locale): string {
  const entry = entryFor(locale, finding.code);
  if (!entry) return finding.code;
  return entry.warning(paramsOf(finding, locale));
}

/** Warning from the most actionable rejecting finding; suggestions from every finding, deduped. */
export function feedbackFor(findings: readonly Finding[], locale: Locale): Feedback {
  if (!findings.some((f) => f.severity === 'reject')) return { warning: null, suggestions: [] };
  const ordered = sortSmall(findings.filter((f) => f.severity !== 'info'), byActionability);
  const lead = ordered[0]!;
  const suggestions: string[] = [];
  for (const f of ordered) {
    const s = entryFor(locale, f.code)?.suggestion?.(paramsOf(f, locale));
    if (s && !suggestions.includes(s)) suggestions.push(s);
    if (suggestions.length === 3) break;
  }
  return { warning: lead.message ?? messageFor(lead, locale), suggestions };
}

function severityRank(f: Finding): number {
  return f.severity === 'reject' ? 0 : f.severity === 'warn' ? 1 : 2;
}

// An object of one fixed shape rather than a spread of `params`: spreading objects of many
// shapes went megamorphic and cost a third of a whole evaluation (measured with --cpu-prof).
function paramsOf(f: Finding, locale: Locale): Params {
  const p = f.params;
  const field = typeof p?.field === 'string' ? p.field : undefined;
  return {
    term: f.term,
    distance: f.distance,
    fieldName: field ? fieldNameFor(locale, field) ?? field : undefined,
    kind: p?.kind,
    shape: p?.shape,
    points: p?.points,
    threshold: p?.threshold,
    min: p?.min,
    max: p?.max,
  };
}
