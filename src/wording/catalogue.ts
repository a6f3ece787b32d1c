/**
 * The message catalogues, one file per locale (locales/*.ts). A catalogue is typed by code and
 * by context field, so a locale that lacks a message, or a code added without its messages, is
 * a compile error rather than a raw code shown to a user.
 */
import type { BuiltInCode } from '../codes.js';
import type { PasswordContext } from '../types.js';
import type { Locale } from './locales.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import { de } from './locales/de.js';
import { es } from './locales/es.js';
import { nl } from './locales/nl.js';
import { pt } from './locales/pt.js';
import { it } from './locales/it.js';
import { pl } from './locales/pl.js';
import { ja } from './locales/ja.js';

/** Parameters a message may use; never the password. */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;
type Text = (p: Params) => string;
export interface Entry {
  readonly warning: Text;
  readonly suggestion?: Text;
}
/** Every code passgate itself reports (src/codes.ts `CODE_TABLE`): each has a message in every locale. */
export type MessageCode = BuiltInCode;
/** The context fields a message may name (the rotation fields are secrets: never named, never terms). */
export type FieldName = Exclude<keyof PasswordContext, 'previousPassword' | 'previousPasswordHashes'>;

export interface LocaleWording {
  readonly messages: Readonly<Record<MessageCode, Entry>>;
  /** What each context field is called where a message names it (CONTEXT_TERM). */
  readonly fields: Readonly<Record<FieldName, string>>;
}

export const CATALOGUES: Readonly<Record<Locale, LocaleWording>> = { en, fr, de, es, nl, pt, it, pl, ja };

/** A built-in code's entry; undefined for custom codes (own keys only: `constructor` is no code). */
export function entryFor(locale: Locale, code: string): Entry | undefined {
  const messages = CATALOGUES[locale].messages;
  return Object.hasOwn(messages, code) ? messages[code as MessageCode] : undefined;
}

/** A context field's name in a locale; undefined for a field the locale does not know. */
export function fieldNameFor(locale: Locale, field: string): string | undefined {
  const fields = CATALOGUES[locale].fields;
  return Object.hasOwn(fields, field) ? fields[field as FieldName] : undefined;
}
