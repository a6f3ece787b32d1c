export const LOCALES = ['en', 'fr', 'de', 'es', 'nl', 'pt', 'it', 'pl', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * `fr-CA` → `fr`; unknown languages are an error at construction, naming the option
 * (`shown`: how the message names it, e.g. a config key or a CLI flag).
 */
export function resolveLocale(tag: unknown, optionName: string, shown = `\`${optionName}\``): Locale {
  if (typeof tag !== 'string') throw new TypeError(`${shown} must be a string such as 'en' or 'fr-CA'`);
  const language = tag.toLowerCase().split(/[-_]/, 1)[0] ?? '';
  if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  throw new RangeError(`${shown} '${tag.slice(0, 20)}' is not supported; use one of ${LOCALES.join(', ')}`);
}
