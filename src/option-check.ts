/**
 * Checks one value against its entry in the option schema (src/option-schema.ts). Every surface
 * uses these: the library names the option (`minLength`), the service its config key, the CLI its
 * flag, through a `Namer`. Messages state the allowed range or values and never echo a value that
 * could be a secret (a term is counted, never quoted).
 */
import { resolveLocale } from './wording/locales.js';
import { codePointLength } from './normalise/normalise.js';
import { isLibraryOption, OPTION_SCHEMA, type OptionId, type Kind } from './option-schema.js';

/** How a message names an option; `on`: the option switched on (`mfa: true`), `index`: one term of a list. */
export type Namer = (id: OptionId, part?: { readonly on?: true; readonly index?: number }) => string;

export const LIBRARY_NAMER: Namer = (id, part) =>
  part?.on ? `\`${id}: true\`` : part?.index !== undefined ? `\`${id}[${part.index}]\`` : `\`${id}\``;

/** Names each option by its key in the service's config (`config file 'a.json': 'limits.maxBodyBytes'`). */
export const configNamer =
  (where = ''): Namer =>
  (id, part) => {
    const key = `${where && `${where}: `}'${OPTION_SCHEMA[id].config ?? id}'`;
    return part?.index !== undefined ? `${key} (term ${part.index + 1})` : part?.on ? `${key} true` : key;
  };

/** Names each option by its first CLI flag (`--min-length`; for a switch, the switch: `--mfa`). */
export const FLAG_NAMER: Namer = (id, part) => {
  const flag = `--${OPTION_SCHEMA[id].cli?.[0]?.flag ?? id}`;
  return part?.index !== undefined ? `${flag} (term ${part.index + 1})` : flag;
};

/**
 * Checks a value of a scalar kind (enum, locale, integer, boolean, string) and returns it as the
 * library uses it (a locale tag becomes its language). TypeError/RangeError naming the option.
 * Library options keep the library's wording (`must be between`), service settings the config's
 * (`must be a whole number from`), as each has always said.
 */
export function checkValue(id: OptionId, value: unknown, name: Namer = LIBRARY_NAMER): unknown {
  const kind: Kind = OPTION_SCHEMA[id].kind;
  const shown = name(id);
  const library = isLibraryOption(id);
  switch (kind.type) {
    case 'enum':
      if (typeof value !== 'string' || !kind.values.includes(value)) {
        const list = kind.values.length === 2 ? kind.values.map((v) => `'${v}'`).join(' or ') : `one of ${kind.values.join(', ')}`;
        throw new RangeError(`${shown} must be ${list}`);
      }
      return value;
    case 'locale':
      return resolveLocale(value, id, shown);
    case 'integer': {
      const { min, max } = kind;
      if (!library) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new RangeError(`${shown} must be a whole number from ${min} to ${max}`);
        return value;
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`${shown} must be an integer`);
      if (value < min || value > max) throw new RangeError(`${shown} must be between ${min} and ${max}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`${shown} must be ${library ? 'a boolean' : 'true or false'}`);
      return value;
    case 'string':
      if (kind.format === 'origin') {
        if (value === '*' || (typeof value === 'string' && /^https?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(value))) return value;
        throw new TypeError(`${shown} must be '*' or an origin such as https://example.com (scheme, host, optional port; no path)`);
      }
      if (typeof value !== 'string' || value === '') throw new TypeError(`${shown} must be a non-empty string`);
      return value;
    default:
      throw new TypeError(`${shown} is not a scalar option`);
  }
}

/**
 * Checks a term list (each trimmed, then counted in code points) against its entry's limits;
 * returns the trimmed terms. A term is never quoted: its index and length say which and why.
 */
export function checkTerms(id: OptionId, terms: unknown, name: Namer = LIBRARY_NAMER): string[] {
  const kind = OPTION_SCHEMA[id].kind;
  if (kind.type !== 'terms') throw new TypeError(`${name(id)} is not a term list`);
  if (!Array.isArray(terms)) throw new TypeError(`${name(id)} must be an array of strings`);
  if (kind.maxTerms !== undefined && terms.length > kind.maxTerms) {
    throw new RangeError(`${name(id)} may hold at most ${kind.maxTerms} terms (it has ${terms.length})`);
  }
  const out: string[] = [];
  terms.forEach((raw: unknown, index: number) => {
    if (typeof raw !== 'string') throw new TypeError(`${name(id, { index })} must be a string`);
    const term = raw.trim();
    const len = codePointLength(term);
    if (len < kind.minLength || len > kind.maxLength) {
      throw new RangeError(`${name(id, { index })} must be ${kind.minLength}–${kind.maxLength} characters long (it has ${len})`);
    }
    out.push(term);
  });
  return out;
}
