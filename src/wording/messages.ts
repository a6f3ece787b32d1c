/**
 * The types of the `messages` option (README "Your own wording"): your wording for passgate's
 * codes, per language, replacing a built-in locale's messages one by one or adding a language.
 * The run-time rules are in wording/overrides.ts; these types say the same at compile time:
 *
 * - keys are the codes (`BuiltInCode`), so a misspelt code is an excess-property error;
 * - a message function gets that code's parameters, typed (`MessageParams`, wording/params.ts),
 *   so `p.mn` on TOO_SHORT is an error;
 * - with `createChecker`, whose `messages` is checked against `StrictMessages`, a template's
 *   `{placeholder}` must be one of the code's parameters, and a language passgate does not ship
 *   must give every code and every context field's name.
 */
import type { BuiltInCode } from '../codes.js';
import type { FieldName } from './catalogue.js';
import type { Locale } from './locales.js';
import type { MessageParams } from './params.js';

export type { MessageParams } from './params.js';

/**
 * One message: a template whose `{name}` placeholders are the code's parameters
 * (`'Use at least {min} characters.'`), or a function of them. Braces mean a placeholder and
 * nothing else; a function may return any text (checked like a custom check's message:
 * withheld when it would give the password away).
 */
export type MessageText<C extends BuiltInCode> = string | ((params: MessageParams[C]) => string);

/**
 * A code's wording: its headline (`warning`, also the finding's `message`) as a text, or both the
 * headline and the suggestion shown with it (`suggestion: null` shows none).
 */
export type MessageEntry<C extends BuiltInCode> =
  | MessageText<C>
  | { readonly warning?: MessageText<C>; readonly suggestion?: MessageText<C> | null };

/**
 * Your wording for one language: any codes of a built-in locale, or every code of a language
 * you add. `fields`: how CONTEXT_TERM's `{fieldName}` names each context field.
 */
export type LocaleMessages = { readonly [C in BuiltInCode]?: MessageEntry<C> } & {
  readonly fields?: { readonly [F in FieldName]?: string };
};

/**
 * The `messages` option: wording keyed by language code (`en`, … or a language passgate does not
 * ship, such as `sv`: then `locale: 'sv'` selects it, and Accept-Language may).
 */
export type Messages = { readonly [L in Locale]?: LocaleMessages } & { readonly [language: string]: LocaleMessages | undefined };

// ---- The strict check createChecker applies (a literal `messages` keeps its template strings). ----

type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** A template naming a parameter its code lacks becomes a type that says so. */
type CheckText<T, C extends BuiltInCode> = T extends string
  ? string extends T
    ? T
    : [Exclude<Placeholders<T>, keyof MessageParams[C]>] extends [never]
      ? T
      : T & { readonly [Error in `${C} has no parameter {${Exclude<Placeholders<T>, keyof MessageParams[C]> & string}}`]: never }
  : T;

// A function is given its code's parameters (this is also the contextual type that types `p`).
type CheckField<T, C extends BuiltInCode> = T extends string
  ? CheckText<T, C>
  : T extends (...args: never[]) => unknown
    ? (params: MessageParams[C]) => string
    : T;

type CheckEntry<E, C extends BuiltInCode, Added extends boolean> = E extends string | ((...args: never[]) => unknown)
  ? CheckField<E, C>
  : { readonly [K in keyof E]: K extends 'warning' | 'suggestion' ? CheckField<E[K], C> : never } & (Added extends true ? { readonly warning: MessageText<C> } : unknown);

// A language typed wide (`LocaleMessages`, a record) rather than written out is checked at run time only.
type CheckLocale<O, Added extends boolean> = string extends keyof O
  ? unknown
  : LocaleMessages extends O
    ? unknown
    : CheckWritten<O, Added>;

type CheckWritten<O, Added extends boolean> = {
  readonly [K in keyof O]: K extends BuiltInCode ? CheckEntry<O[K], K, Added> : K extends 'fields' ? O[K] : never;
} & (Added extends true
  ? { readonly [C in Exclude<BuiltInCode, keyof O>]: MessageEntry<C> } & { readonly fields: { readonly [F in FieldName]: string } }
  : unknown);

/**
 * What createChecker's `messages` is: inferred as written (`M`), given its contextual types by
 * `Messages` (so a function's `p` is typed), and checked by `StrictMessages`.
 */
export type CheckedMessages<M> = M & Messages & StrictMessages<M>;

/**
 * `messages` as createChecker checks it: templates against their code's parameters, and an added
 * language for completeness. A `messages` typed as plain `Messages` (built elsewhere) is checked
 * at run time only.
 */
export type StrictMessages<M> = string extends keyof M
  ? unknown
  : { readonly [L in keyof M]: CheckLocale<M[L], L extends Locale ? false : true> };
