/**
 * The parameters a message of each code may use (options `messages`, wording/overrides.ts): one
 * table, from which both the TypeScript type of a message function's argument and the run-time
 * check of a template's `{placeholders}` are derived. Typed against the code table, so a code
 * added to src/codes.ts without its row here is a compile error.
 *
 * Never the password, nor anything computed from it but `term` (a list word the password
 * contains, withheld like every other term when it would give the password away: engine/redact.ts)
 * and the fixed names of what was found (`kind`, `shape`).
 */
import type { BuiltInCode } from '../codes.js';
import type { FieldName } from './catalogue.js';

/** How a parameter is typed: `?` marks one that may be absent (then `undefined`, or '' in a template). */
type ParamType = 'string' | 'string?' | 'number' | 'boolean';

export const MESSAGE_PARAMS = {
  /** `term`: the banned word (absent when it would give the password away); `distance`: 0 exact, 1 one edit away. */
  BANNED_TERM: { term: 'string?', distance: 'number' },
  /** `fieldName`: the field's name in the message's locale ("email address"); `field`: its key (`email`); `term`: the value matched. */
  CONTEXT_TERM: { fieldName: 'string', field: 'string', term: 'string?' },
  BREACHED: {},
  BREACHED_UNCHECKED: {},
  BREACHED_RARE: {},
  /** `points` scored of the `threshold` needed; `plain`: the profile words it without the arithmetic (not entra). */
  LOW_SCORE: { points: 'number', threshold: 'number', plain: 'boolean' },
  /** `min`: the minimum length in characters. */
  TOO_SHORT: { min: 'number' },
  /** `max`: the maximum length in characters. */
  TOO_LONG: { max: 'number' },
  /** `kind`: 'char' (aaa) or 'block' (abab). */
  REPETITIVE: { kind: 'string?' },
  /** `kind`: 'digits' or 'letters'. */
  SEQUENTIAL: { kind: 'string?' },
  /** `kind`: the keyboard layout (`qwerty`, …) or 'pieces'. */
  KEYBOARD_WALK: { kind: 'string?' },
  /** `term`: the word (absent when it would give the password away). */
  DICTIONARY_WORD: { term: 'string?' },
  /** `kind`: the cheapest attack that finds it (`reversed-word`, `doubled-word`, …), when one was named. */
  WEAK: { kind: 'string?' },
  /** `kind`: 'year' or 'date'. */
  DATE: { kind: 'string?' },
  /** `kind`: 'digits' or 'symbols'. */
  PREDICTABLE_AFFIX: { kind: 'string?' },
  /** `shape`: 'famous', 'repeat', 'word-number' or another shape the character model names. */
  PREDICTABLE_STRING: { shape: 'string?' },
  CHECK_ERROR: {},
  POPULAR_PASSWORD: {},
  POPULARITY_UNCHECKED: {},
  ROTATED_PASSWORD: {},
} as const satisfies { readonly [C in BuiltInCode]: Readonly<Record<string, ParamType>> };

type TypeOf<T extends ParamType> = T extends 'number' ? number : T extends 'boolean' ? boolean : T extends 'string?' ? string | undefined : string;

/** What a message of code `C` is given: `MessageParams['TOO_SHORT']` is `{ min: number }`. */
export type MessageParams = {
  readonly [C in BuiltInCode]: { readonly [K in keyof (typeof MESSAGE_PARAMS)[C]]: (typeof MESSAGE_PARAMS)[C][K] extends ParamType ? TypeOf<(typeof MESSAGE_PARAMS)[C][K]> : never };
};

/** The parameter names of a code, for checking a template. */
export function paramNames(code: BuiltInCode): readonly string[] {
  return Object.keys(MESSAGE_PARAMS[code]);
}

/** The raw values the wording layer reads from a finding (wording/feedback.ts paramsOf). */
export type RawParams = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * A finding's parameters as its code's message is promised them: the declared keys only, each of
 * its declared type (a custom check may report a built-in code with odd params: a number that
 * is not one reads 0, a missing string '', so a message function never sees a wrong type).
 */
export function typedParams(code: BuiltInCode, raw: RawParams, field: FieldName | string | undefined): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  const spec: Readonly<Record<string, ParamType>> = MESSAGE_PARAMS[code];
  for (const key in spec) {
    const value = key === 'field' ? field : raw[key];
    const type = spec[key];
    if (type === 'number') out[key] = typeof value === 'number' && Number.isFinite(value) ? value : Number.isFinite(Number(value)) ? Number(value) : 0;
    else if (type === 'boolean') out[key] = value === true;
    else if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
    else out[key] = type === 'string' ? '' : undefined;
  }
  return out;
}
