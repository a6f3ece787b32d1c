import type { Finding, NormalisedText, PasswordContext } from '../types.js';
import { normalise, type NormaliserConfig } from '../normalise/normalise.js';
import { withinOneEdit } from './edit-distance.js';

export interface ContextTerm {
  readonly term: string;
  readonly field: string;
}

/** Entra: names and other terms count from four characters on. */
export const CONTEXT_MIN_LENGTH = 4;
const FIELDS = ['firstName', 'lastName', 'username', 'email', 'tenantName', 'displayName'] as const;
// Context values are short by nature; capping them bounds the work a hostile caller can cause.
const MAX_VALUE_LENGTH = 256;
const MAX_EXTRA_TERMS = 64;

/**
 * Turns the caller's context into normalised terms: each field whole, plus its parts split on
 * spaces and punctuation (a display name "Anna Maria Lopez", a username "anna.lopez", the local
 * part of an email), so that any name a user goes by is caught on its own.
 */
export function contextTerms(context: PasswordContext | undefined, config: NormaliserConfig): ContextTerm[] {
  if (context === undefined || context === null || typeof context !== 'object') return [];
  const out: ContextTerm[] = [];
  const seen = new Set<string>();
  const add = (value: string, field: string) => {
    const term = normalise(value, config).folded;
    if (term.length >= CONTEXT_MIN_LENGTH && !seen.has(term)) {
      seen.add(term);
      out.push({ term, field });
    }
  };
  const addWithParts = (value: string, field: string) => {
    add(value, field);
    for (const part of splitWords(value)) add(part, field);
  };
  for (const field of FIELDS) {
    const raw = context[field];
    if (typeof raw !== 'string' || raw.length === 0) continue;
    let value = raw.slice(0, MAX_VALUE_LENGTH);
    if (field === 'email') {
      const at = value.lastIndexOf('@');
      if (at >= 0) value = value.slice(0, at);
    }
    addWithParts(value, field);
  }
  if (Array.isArray(context.extraTerms)) {
    for (const extra of context.extraTerms.slice(0, MAX_EXTRA_TERMS)) {
      if (typeof extra === 'string') addWithParts(extra.slice(0, MAX_VALUE_LENGTH), 'extraTerms');
    }
  }
  return out;
}

function splitWords(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of value) {
    // Letters (any script) stay together; everything else separates words.
    if (ch.toLowerCase() !== ch.toUpperCase() || (ch >= '0' && ch <= '9' && current === '')) current += ch;
    else if (current) {
      parts.push(current);
      current = '';
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Entra's substring rule, plus (when `fuzzy`) windows one edit away from terms of ≥ 5 units. */
export function findContextTerms(text: NormalisedText, terms: readonly ContextTerm[], fuzzy: boolean): Finding[] {
  const findings: Finding[] = [];
  const s = text.folded;
  for (const { term, field } of terms) {
    let at = s.indexOf(term);
    if (at >= 0) {
      findings.push(contextFinding(text, at, at + term.length, term, field, 0));
      continue;
    }
    if (!fuzzy || term.length < 5) continue;
    const hit = fuzzyWindow(s, term);
    if (hit) findings.push(contextFinding(text, hit[0], hit[1], term, field, 1));
  }
  return findings;
}

/** NIST: the entire password (affixes aside: "derivatives thereof") equals a context term. */
export function wholeContextTerm(core: string, terms: readonly ContextTerm[]): ContextTerm | undefined {
  return terms.find((t) => t.term === core);
}

function fuzzyWindow(s: string, term: string): [number, number] | undefined {
  for (let len = term.length - 1; len <= term.length + 1; len++) {
    for (let i = 0; i + len <= s.length; i++) {
      if (withinOneEdit(s, i, i + len, term)) return [i, i + len];
    }
  }
  return undefined;
}

function contextFinding(text: NormalisedText, a: number, b: number, term: string, field: string, distance: number): Finding {
  return {
    code: 'CONTEXT_TERM',
    source: 'context',
    start: text.start[a]!,
    end: text.end[b - 1]!,
    term,
    distance,
    params: { field },
  };
}
