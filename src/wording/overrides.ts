/**
 * The `messages` option at run time (types: wording/messages.ts; README "Your own wording"):
 * checked once at construction, then compiled into one `Speaker` per language the checker
 * speaks, which the wording layer (feedback.ts) asks instead of the catalogues.
 *
 * The rules, each with an error naming the code (never a password: there is none yet):
 * - keys are language codes: a built-in locale (`en`, `fr`, …) takes any codes you give and keeps
 *   its own for the rest; any other two- or three-letter code adds a language, which must give
 *   every code and every context field's name. Complete rather than falling back per code to
 *   English: a headline half in one language and half in another is what the catalogues' typing
 *   exists to prevent, and a missing code is named at start-up rather than shown in English to
 *   a user. (A passgate release that adds a code says so in CHANGELOG.md.)
 * - a message is a template (`{name}` placeholders, each a parameter of its code: params.ts) or a
 *   function of those parameters; or `{ warning, suggestion }` (`suggestion: null`: none).
 * - templates interpolate only parameters, and `term` is withheld beforehand like every term that
 *   would give the password away (engine/redact.ts), so a template cannot show the password.
 *   A function can return anything (it may read state the application holds, such as a request
 *   body), so its text passes the same redaction as a custom check's message, and is replaced by
 *   passgate's own message when it would give the password away, when it throws, or when it does
 *   not return a non-empty string of at most 500 characters: evaluate never throws for it.
 */
import { BUILT_IN_CODES, type BuiltInCode } from '../codes.js';
import { withinOneEdit } from '../detect/edit-distance.js';
import { CATALOGUES, type Entry, type FieldName, type Params } from './catalogue.js';
import { LOCALES, type Locale } from './locales.js';
import { paramNames, typedParams } from './params.js';

/** Longest message text, template or function result (as a custom check's message: custom-findings.ts). */
export const MAX_MESSAGE_LENGTH = 500;
const MAX_FIELD_NAME_LENGTH = 100;
const MAX_LANGUAGES = 32;
const FIELD_NAMES: readonly string[] = Object.keys(CATALOGUES.en.fields);
const CODES: ReadonlySet<string> = new Set(BUILT_IN_CODES);
/** A primary language subtag (BCP 47), as a key of an added language. */
const LANGUAGE = /^[a-z]{2,3}$/;

/** Whether a text would give the password away (engine/redact.ts), asked of a function's text. */
export type Guard = (text: string) => boolean;
type Spoken = (p: Params, guard?: Guard) => string;

/** A code's wording in one language, as the wording layer calls it. */
export interface SpokenEntry {
  readonly warning: Spoken;
  readonly suggestion?: ((p: Params, guard?: Guard) => string | undefined) | undefined;
}

/** One language of one checker. */
export interface Speaker {
  readonly locale: string;
  entry(code: string): SpokenEntry | undefined;
  fieldName(field: string): string | undefined;
}

const builtInSpeaker = (locale: Locale): Speaker => {
  // A Map by code, read once: the catalogue object keyed by a code string per message was a
  // megamorphic lookup (2.3 % of a common password's evaluation, --cpu-prof on the bench mix).
  // Built on the language's first message, not at import (nine of them, most never spoken).
  let entries: Map<string, SpokenEntry | undefined> | null = null;
  return {
    locale,
    entry: (code) => (entries ??= new Map([...CODES].map((c) => [c, CATALOGUES[locale].messages[c as BuiltInCode]]))).get(code),
    fieldName: (field) => (Object.hasOwn(CATALOGUES[locale].fields, field) ? CATALOGUES[locale].fields[field as FieldName] : undefined),
  };
};
const BUILT_IN_SPEAKERS: ReadonlyMap<string, Speaker> = new Map(LOCALES.map((l) => [l, builtInSpeaker(l)]));

/** The languages a checker speaks and each one's speaker. */
export class CheckerWording {
  /** The built-in locales, then the added ones, in the order given. */
  readonly locales: readonly string[];
  readonly #speakers: ReadonlyMap<string, Speaker>;

  constructor(own: ReadonlyMap<string, Speaker>) {
    const speakers = new Map(BUILT_IN_SPEAKERS);
    for (const [locale, speaker] of own) speakers.set(locale, speaker);
    this.#speakers = speakers;
    this.locales = Object.freeze([...speakers.keys()]);
  }

  /** A language this checker speaks (`locale`, `language(tag)`); English for anything else. */
  speaker(locale: string): Speaker {
    return this.#speakers.get(locale) ?? this.#speakers.get('en')!;
  }

  /** The language of a tag this checker speaks (`sv-SE` → `sv`), else undefined. */
  language(tag: unknown): string | undefined {
    if (typeof tag !== 'string') return undefined;
    const language = tag.toLowerCase().split(/[-_]/, 1)[0] ?? '';
    return this.#speakers.has(language) ? language : undefined;
  }
}

/** The wording of a checker without `messages`: the nine catalogues as they are. */
export const BUILT_IN_WORDING = new CheckerWording(new Map());

/** Checks `messages` and compiles it; throws TypeError/RangeError naming the code at fault. */
export function resolveMessages(raw: unknown): CheckerWording {
  if (raw === undefined) return BUILT_IN_WORDING;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TypeError('`messages` must be an object keyed by language code, such as { en: { BREACHED: \'…\' } }');
  }
  const languages = Object.keys(raw);
  if (languages.length > MAX_LANGUAGES) throw new RangeError(`\`messages\` may hold at most ${MAX_LANGUAGES} languages (it has ${languages.length})`);
  const own = new Map<string, Speaker>();
  for (const language of languages) {
    const builtIn = (LOCALES as readonly string[]).includes(language);
    if (!builtIn && !LANGUAGE.test(language)) {
      throw new RangeError(`\`messages\` key ${shown(language)} is not a language code: use its two- or three-letter code in lower case, such as 'sv' (region tags such as sv-FI fall back to it)`);
    }
    const value = (raw as Record<string, unknown>)[language];
    if (value === undefined) continue;
    own.set(language, compileLanguage(language, builtIn ? (language as Locale) : null, value));
  }
  return own.size === 0 ? BUILT_IN_WORDING : new CheckerWording(own);
}

function compileLanguage(language: string, builtIn: Locale | null, value: unknown): Speaker {
  const where = `\`messages.${language}\``;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${where} must be an object keyed by code`);
  // The paths passed on are bare (messages.en.TOO_SHORT); `q` quotes them in a message.
  // What a function that fails falls back to: the locale's own message, or English for an added language.
  const base = CATALOGUES[builtIn ?? 'en'];
  const entries = new Map<string, SpokenEntry>();
  let fields: Readonly<Record<string, string>> = builtIn ? CATALOGUES[builtIn].fields : {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (key === 'fields') fields = { ...fields, ...fieldNames(`messages.${language}.fields`, item, builtIn === null) };
    else if (CODES.has(key)) entries.set(key, compileEntry(`messages.${language}.${key}`, key as BuiltInCode, item, base.messages[key as BuiltInCode], builtIn === null));
    else throw new TypeError(`\`messages.${language}\` has ${shown(key)}, which is not a code passgate reports${didYouMean(key)}`);
  }
  if (builtIn === null) {
    const missing = BUILT_IN_CODES.filter((code) => !entries.has(code));
    if (missing.length > 0) {
      throw new RangeError(`${where} adds a language, so it must word every code (none falls back to another language); missing: ${missing.join(', ')}`);
    }
    if (!Object.hasOwn(value, 'fields')) throw new RangeError(`${where} adds a language, so it must name every context field in \`fields\` (${FIELD_NAMES.join(', ')})`);
    return { locale: language, entry: (code) => entries.get(code), fieldName: (field) => (Object.hasOwn(fields, field) ? fields[field] : undefined) };
  }
  const catalogue = CATALOGUES[builtIn];
  return {
    locale: language,
    entry: (code) => entries.get(code) ?? (CODES.has(code) ? catalogue.messages[code as BuiltInCode] : undefined),
    fieldName: (field) => (Object.hasOwn(fields, field) ? fields[field] : undefined),
  };
}

function compileEntry(where: string, code: BuiltInCode, item: unknown, base: Entry, complete: boolean): SpokenEntry {
  // A headline alone keeps the locale's suggestion; an added language has none to keep (English would show).
  if (typeof item === 'string' || typeof item === 'function') return { warning: compileText(where, code, item, base.warning), suggestion: complete ? undefined : base.suggestion };
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`${q(where)} must be a string, a function or { warning, suggestion }`);
  }
  for (const key of Object.keys(item)) {
    if (key !== 'warning' && key !== 'suggestion') throw new TypeError(`${q(where)} has ${shown(key)}: only \`warning\` and \`suggestion\` are known`);
  }
  const { warning, suggestion } = item as { warning?: unknown; suggestion?: unknown };
  if (warning === undefined && complete) throw new RangeError(`${q(`${where}.warning`)} is missing: an added language words every code's warning`);
  const baseSuggestion = base.suggestion ?? (() => undefined);
  return {
    warning: warning === undefined ? base.warning : compileText(`${where}.warning`, code, warning, base.warning),
    suggestion:
      suggestion === null ? undefined
      : suggestion === undefined ? (complete ? undefined : base.suggestion)
      : compileText(`${where}.suggestion`, code, suggestion, baseSuggestion),
  };
}

function compileText<R extends string | undefined>(where: string, code: BuiltInCode, text: unknown, fallback: (p: Params) => R): (p: Params, guard?: Guard) => string | R {
  if (typeof text === 'function') return guarded(code, text as (p: object) => unknown, fallback);
  if (typeof text !== 'string') throw new TypeError(`${q(where)} must be a string or a function`);
  return template(where, code, text);
}

/** A function's text, if it is a usable string that does not give the password away; else the fallback's. */
function guarded<R extends string | undefined>(code: BuiltInCode, fn: (p: object) => unknown, fallback: (p: Params) => R): (p: Params, guard?: Guard) => string | R {
  return (p, guard) => {
    let out: unknown;
    try {
      out = fn(Object.freeze(typedParams(code, p, p.field as string | undefined)));
    } catch {
      return fallback(p); // never what it threw: that may hold anything
    }
    // No guard, no way to check: the fallback (fail closed).
    if (typeof out !== 'string' || out.length === 0 || out.length > MAX_MESSAGE_LENGTH || !guard || guard(out)) return fallback(p);
    return out;
  };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** A template compiled into its literal parts and parameter names. */
function template(where: string, code: BuiltInCode, text: string): (p: Params) => string {
  if (text.trim() === '') throw new RangeError(`${q(where)} is empty`);
  if (text.length > MAX_MESSAGE_LENGTH) throw new RangeError(`${q(where)} is longer than ${MAX_MESSAGE_LENGTH} characters`);
  const known = paramNames(code);
  const literals: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!known.includes(name)) {
      const has = known.length === 0 ? 'it has none' : `it has ${known.map((k) => `{${k}}`).join(', ')}`;
      throw new RangeError(`${q(where)} refers to {${name.slice(0, 40)}}, a parameter ${code} does not have (${has})`);
    }
    literals.push(text.slice(at, m.index));
    names.push(name);
    at = m.index + m[0].length;
  }
  literals.push(text.slice(at));
  if (literals.some((l) => l.includes('{') || l.includes('}'))) {
    throw new RangeError(`${q(where)} has a brace that is not around a parameter name (write {name}; for other braces use a function)`);
  }
  if (names.length === 0) return () => text;
  return (p) => {
    const values = typedParams(code, p, p.field as string | undefined);
    let out = literals[0]!;
    for (let i = 0; i < names.length; i++) out += String(values[names[i]!] ?? '') + literals[i + 1]!;
    return out;
  };
}

function fieldNames(where: string, value: unknown, complete: boolean): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${q(where)} must be an object naming context fields`);
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    if (!FIELD_NAMES.includes(key)) throw new TypeError(`${q(where)} has ${shown(key)}, which is not a context field (${FIELD_NAMES.join(', ')})`);
    const name = (value as Record<string, unknown>)[key];
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_FIELD_NAME_LENGTH) {
      throw new TypeError(`${q(`${where}.${key}`)} must be a non-empty string of at most ${MAX_FIELD_NAME_LENGTH} characters`);
    }
    out[key] = name;
  }
  const missing = FIELD_NAMES.filter((f) => !Object.hasOwn(out, f));
  if (complete && missing.length > 0) throw new RangeError(`${q(where)} must name every context field of an added language; missing: ${missing.join(', ')}`);
  return out;
}

/** A path as an error shows it. */
const q = (path: string) => `\`${path}\``;

/** A key as an error shows it: quoted, cut short. */
function shown(key: string): string {
  return `'${key.slice(0, 40)}'`;
}

function didYouMean(key: string): string {
  const upper = key.toUpperCase();
  const near = BUILT_IN_CODES.find((c) => c === upper || withinOneEdit(upper, 0, upper.length, c));
  return near ? ` (did you mean ${near}?)` : '';
}
