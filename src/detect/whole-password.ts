import type { Finding, NormalisedText } from '../types.js';
import type { EngineState } from '../engine/state.js';
import type { TermIndex, TermMatch } from '../match/index.js';
import { wholeContextTerm, type ContextTerm } from './context.js';

/** NIST: compare the entire (normalised) password, never its parts. */
export function wholePasswordChecks(state: EngineState, text: NormalisedText, terms: readonly ContextTerm[]): Finding[] {
  const out: Finding[] = [];
  const whole = text.folded;
  const n = text.start.length;
  const span = n > 0 ? { start: 0, end: text.end[n - 1]! } : {};
  const banned = state.banned;
  const id = wholeTermId(banned.index, whole);
  if (id >= 0) {
    out.push({ code: 'BANNED_TERM', source: banned.source[id] ?? 'global', term: banned.display[id], distance: 0, ...span });
  }
  const core = stripAffixes(whole);
  const ctx = wholeContextTerm(whole, terms) ?? wholeContextTerm(core, terms);
  if (ctx) out.push({ code: 'CONTEXT_TERM', source: 'context', term: ctx.term, distance: 0, params: { field: ctx.field }, ...span });
  const dict = state.dictionary;
  const word = dict ? wholeTermId(dict.index, whole) : -1;
  if (dict && word >= 0) out.push({ code: 'DICTIONARY_WORD', source: 'dictionary', term: dict.word(word), ...span });
  return out;
}

function wholeTermId(index: Pick<TermIndex, 'minTermLength' | 'maxTermLength' | 'findExact'>, s: string): number {
  if (s.length < index.minTermLength || s.length > index.maxTermLength) return -1;
  const out: TermMatch[] = [];
  index.findExact(s, 0, s.length, out);
  return out.find((m) => m.start === 0 && m.end === s.length)?.termId ?? -1;
}

// "derivatives thereof": the name with digits or symbols bolted on either end.
function stripAffixes(s: string): string {
  let a = 0;
  let b = s.length;
  const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || c > 0x7f;
  while (a < b && !isLetter(s.charCodeAt(a))) a++;
  while (b > a && !isLetter(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}
