/**
 * The parts of the OpenAPI document that describe options, their limits, the locales and the
 * context fields, derived from their sources (src/option-schema.ts, src/detect/context.ts,
 * src/wording/locales.ts) rather than copied into openapi.ts.
 */
import { CONTEXT_FIELDS } from '../detect/context.js';
import { LOCALES } from '../wording/locales.js';
import { defaultText, OPTION_IDS, OPTION_SCHEMA, type LibraryOption, type OptionId } from '../option-schema.js';

/** A JSON Schema for one option's value as the library takes it (and the policy shows it). */
export function optionJsonSchema(id: OptionId): Record<string, unknown> {
  const entry = OPTION_SCHEMA[id];
  const { kind } = entry;
  const dflt = defaultText(entry);
  const description = `${entry.summary}${dflt === undefined ? '' : `. Default: ${dflt}`}.`;
  const withDefault = entry.default === undefined ? {} : { default: entry.default };
  switch (kind.type) {
    case 'enum':
      return { type: 'string', enum: [...kind.values], ...withDefault, description };
    case 'locale':
      return { type: 'string', ...withDefault, description: `${entry.summary}: ${kind.values.join(', ')}.` };
    case 'integer':
      return { type: 'integer', minimum: kind.min, maximum: kind.max, ...withDefault, description };
    case 'boolean':
      return { type: 'boolean', ...withDefault, description };
    case 'terms':
      return {
        type: 'array',
        ...(kind.maxTerms !== undefined && { maxItems: kind.maxTerms }),
        items: { type: 'string', minLength: kind.minLength, maxLength: kind.maxLength },
        description,
      };
    default:
      return { description };
  }
}

/** The options with `flag` set in the schema (`policy`: shown by GET /v1/policy; `page`: sent to the page). */
const withFlag = (flag: 'policy' | 'page') => OPTION_IDS.filter((id): id is LibraryOption => OPTION_SCHEMA[id][flag] === true);

/** `only`: the subset a smaller object shows (a result's `policy` has no `locale`). */
export const policyOptionProperties = (only?: readonly LibraryOption[]): Record<string, unknown> =>
  Object.fromEntries(withFlag('policy').filter((id) => !only || only.includes(id)).map((id) => [id, optionJsonSchema(id)]));
export const pageOptionProperties = (): Record<string, unknown> => Object.fromEntries(withFlag('page').map((id) => [id, optionJsonSchema(id)]));

/** The locales, for a per-request `locale`. */
export const localeDescription = (): string =>
  `Message language for this call: ${LOCALES.join(', ')} (region tags fall back to the language; others use the configured locale).`;

/** The context fields a caller may send, each a string. */
export const contextFieldProperties = (): Record<string, unknown> => Object.fromEntries(CONTEXT_FIELDS.map((field) => [field, { type: 'string' }]));
