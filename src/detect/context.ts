import type { PasswordContext } from '../types.js';
import { normaliseTermForms, type NormaliserConfig } from '../normalise/normalise.js';

export interface ContextTerm {
  readonly term: string;
  readonly field: string;
}

/** Entra: names and other terms count from four characters on. */
export const CONTEXT_MIN_LENGTH = 4;
export const CONTEXT_FIELDS = ['firstName', 'lastName', 'username', 'email', 'tenantName', 'displayName'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];
/**
 * Context values are short by nature; capping them bounds the work a hostile caller can cause.
 * In UTF-16 units, both before normalisation (the value is cut) and after (so is its
 * normalised form: NFKC can make one code point 18 units).
 */
export const MAX_CONTEXT_VALUE_LENGTH = 256;
/** The most `extraTerms` taken (later ones are ignored); the service refuses longer arrays. */
export const MAX_EXTRA_TERMS = 50;
/** The most terms (values and their words) one evaluation matches: bounds the matching work. */
export const MAX_CONTEXT_TERMS = 128;
/**
 * Input units per evaluation for context values that are not already in the profile's Unicode
 * form: those are normalised cluster by cluster (~0.6 µs a cluster, measured), the rest in a few
 * whole-string calls. Real names need a few dozen; a hostile context stops here.
 */
const SLOW_NORMALISE_BUDGET = 512;

/** The caller's context, each field read exactly once (a getter or Proxy sees one read). */
interface ContextValues {
  readonly fields: readonly (readonly [ContextField, string])[];
  readonly extraTerms: readonly string[];
}

/**
 * Reads the context once. Misuse — something that is not an object, a field whose getter (or
 * Proxy trap) throws, `extraTerms` that is not an array — is a TypeError naming the field, never
 * quoting a value nor passing on what a getter threw (it could quote one).
 */
export function readContext(context: unknown): ContextValues {
  if (context === undefined || context === null) return { fields: [], extraTerms: [] };
  if (typeof context !== 'object') throw new TypeError('The `context` argument must be an object');
  const read = (from: object, key: string | number, name: string): unknown => {
    try {
      return (from as Record<string | number, unknown>)[key];
    } catch {
      throw new TypeError(`\`${name}\` could not be read`);
    }
  };
  const fields: [ContextField, string][] = [];
  for (const field of CONTEXT_FIELDS) {
    const raw = read(context, field, `context.${field}`);
    if (raw !== undefined && raw !== null && typeof raw !== 'string') throw new TypeError(`\`context.${field}\` must be a string`);
    if (raw) fields.push([field, raw]);
  }
  const list = read(context, 'extraTerms', 'context.extraTerms');
  const extraTerms: string[] = [];
  if (list !== undefined && list !== null) {
    let isArray: boolean;
    try {
      isArray = Array.isArray(list);
    } catch {
      isArray = false; // a revoked Proxy
    }
    if (!isArray) throw new TypeError('`context.extraTerms` must be an array of strings');
    const length = Number(read(list as object, 'length', 'context.extraTerms'));
    for (let i = 0; i < Math.min(length, MAX_EXTRA_TERMS); i++) {
      const raw = read(list as object, i, `context.extraTerms[${i}]`);
      if (typeof raw !== 'string') throw new TypeError(`\`context.extraTerms[${i}]\` must be a string`);
      extraTerms.push(raw);
    }
  }
  return { fields, extraTerms };
}

/**
 * Turns the caller's context into normalised terms: each field whole, plus its words (a display
 * name "Anna Maria Lopez", a username "anna.lopez", the local part of an email), so that any name
 * a user goes by is caught on its own. Words are split on the normalised text, so a value is
 * normalised once. At most MAX_CONTEXT_TERMS terms of at most MAX_CONTEXT_VALUE_LENGTH units.
 */
export function contextTerms(context: PasswordContext | undefined, config: NormaliserConfig): ContextTerm[] {
  // Most calls pass no context: no reading, no set, no closures.
  if (context === undefined || context === null) return [];
  const { fields, extraTerms } = readContext(context);
  const out: ContextTerm[] = [];
  const seen = new Set<string>();
  let budget = SLOW_NORMALISE_BUDGET;
  const add = (term: string, field: string) => {
    if (out.length < MAX_CONTEXT_TERMS && term.length >= CONTEXT_MIN_LENGTH && !seen.has(term)) {
      seen.add(term);
      out.push({ term, field });
    }
  };
  const addWithParts = (raw: string, field: string) => {
    const { plain, folded, slowUnits } = normaliseTermForms(raw, config, MAX_CONTEXT_VALUE_LENGTH, budget);
    budget -= slowUnits;
    add(folded, field);
    // Spans too short to be a term are skipped before slicing (a digit string has one word per
    // other digit: 128 slices of one unit each for a 256-digit value, every one then refused).
    const spans = wordSpans(plain);
    for (let k = 0; k < spans; k++) {
      const a = spanScratch[2 * k]!;
      const b = spanScratch[2 * k + 1]!;
      // The length folded.slice(a, b) would have.
      const length = Math.min(b, folded.length) - Math.min(a, folded.length);
      if (b - a < folded.length && length >= CONTEXT_MIN_LENGTH) add(folded.slice(a, b), field);
    }
  };
  for (const [field, raw] of fields) {
    if (out.length >= MAX_CONTEXT_TERMS) break;
    let value = raw.slice(0, MAX_CONTEXT_VALUE_LENGTH);
    if (field === 'email') {
      const at = value.lastIndexOf('@');
      if (at >= 0) value = value.slice(0, at);
    }
    addWithParts(value, field);
  }
  for (const extra of extraTerms) {
    if (out.length >= MAX_CONTEXT_TERMS) break;
    addWithParts(extra.slice(0, MAX_CONTEXT_VALUE_LENGTH), 'extraTerms');
  }
  return out;
}

/**
 * Letters (any script) stay together; everything else separates words, digits start one. The
 * spans go to spanScratch as (start, end) pairs, their count returned: no array per span (a
 * context at its limits has 56 values of 256 units). Module scratch: read before the next call.
 */
function wordSpans(plain: string): number {
  // A span per two units at most, and one more for an odd length.
  if (spanScratch.length < plain.length + 2) spanScratch = new Int32Array(plain.length + 2);
  let count = 0;
  let from = -1;
  for (let i = 0; i < plain.length; ) {
    const cp = plain.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (isLetter(plain, i, cp, len) || (cp >= 0x30 && cp <= 0x39 && from < 0)) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      spanScratch[2 * count] = from;
      spanScratch[2 * count + 1] = i;
      count++;
      from = -1;
    }
    i += len;
  }
  if (from >= 0) {
    spanScratch[2 * count] = from;
    spanScratch[2 * count + 1] = plain.length;
    count++;
  }
  return count;
}

let spanScratch = new Int32Array(2 * 64);

function isLetter(s: string, i: number, cp: number, len: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  const ch = s.slice(i, i + len);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** NIST: the entire password (affixes aside: "derivatives thereof") equals a context term. */
export function wholeContextTerm(core: string, terms: readonly ContextTerm[]): ContextTerm | undefined {
  return terms.find((t) => t.term === core);
}
