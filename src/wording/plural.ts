/**
 * Plural forms by the Unicode CLDR rules the runtime ships (Intl.PluralRules): "1 point",
 * "2 points"; Polish "1 znak", "2 znaki", "5 znaków"; Japanese has one form. One PluralRules per
 * locale, made on first use.
 */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

const rules = new Map<string, Intl.PluralRules>();
/** select() per locale for the small whole numbers messages count (lengths, points): read, not
 * recomputed — Intl's select was a few per cent of a rejected password's evaluation. */
const categories = new Map<string, Intl.LDMLPluralRule[]>();
const CACHED_BELOW = 4096;

/** The form of `forms` that `n` takes in `locale` (`other` when the locale's category is not given). */
export function plural(locale: string, n: number, forms: PluralForms): string {
  let r = rules.get(locale);
  if (!r) {
    rules.set(locale, (r = new Intl.PluralRules(locale)));
    categories.set(locale, new Array<Intl.LDMLPluralRule>(CACHED_BELOW));
  }
  let category: Intl.LDMLPluralRule;
  if (Number.isInteger(n) && n >= 0 && n < CACHED_BELOW) {
    const known = categories.get(locale)!;
    category = known[n] ??= r.select(n);
  } else category = r.select(n);
  return forms[category] ?? forms.other;
}

/**
 * `n` and its noun in the right form: `count('en', 1, POINTS)` → "1 point". With `digits`, the
 * number is formatted for that locale ("1,000,000 entries").
 */
export function count(locale: string, n: number, forms: PluralForms, digits?: string): string {
  return `${digits ? n.toLocaleString(digits) : n} ${plural(locale, n, forms)}`;
}

/** English nouns the CLI and page count. */
export const POINTS: PluralForms = { one: 'point', other: 'points' };
export const ENTRIES: PluralForms = { one: 'entry', other: 'entries' };
export const PARTS: PluralForms = { one: 'part', other: 'parts' };
