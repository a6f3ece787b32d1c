/**
 * The CLI's option flags, their help lines and their parsing, derived from the option schema
 * (src/option-schema.ts): a flag's name, its limits and its default are written there once.
 * Flags that are the CLI's own (--json, --config, --workers, …) stay with their command.
 */
import {
  choices, defaultText, limitsText, OPTION_IDS, OPTION_SCHEMA, isLibraryOption,
  type CliFlag, type LibraryOption, type OptionEntry, type OptionId, type ServiceSetting,
} from '../option-schema.js';
import { checkValue, FLAG_NAMER } from '../option-check.js';
import { UsageError } from './io.js';

type FlagConfig = { readonly type: 'string' } | { readonly type: 'boolean' };

/** The library options the CLI takes (check, audit, serve), in the schema's order. */
export const CHECKER_OPTION_IDS = OPTION_IDS.filter((id): id is LibraryOption => isLibraryOption(id) && OPTION_SCHEMA[id].cli !== undefined);
/** The service settings `serve` takes as flags. */
export const SERVE_OPTION_IDS = OPTION_IDS.filter((id): id is ServiceSetting => !isLibraryOption(id) && OPTION_SCHEMA[id].cli !== undefined);

const flagsOf = (ids: readonly OptionId[]): [OptionEntry, CliFlag][] => ids.flatMap((id) => (OPTION_SCHEMA[id].cli ?? []).map((f) => [OPTION_SCHEMA[id], f] as [OptionEntry, CliFlag]));

/** `parseArgs` options for these options' flags. */
export function flagConfig(ids: readonly OptionId[]): Record<string, FlagConfig> {
  return Object.fromEntries(flagsOf(ids).map(([, f]) => [f.flag, { type: f.arg === undefined ? 'boolean' : 'string' } as const]));
}

/** The help lines for these options' flags: name, what it does, its limits and default. */
export function flagHelp(ids: readonly OptionId[]): string {
  return flagsOf(ids)
    .map(([entry, f]) => `  ${`--${f.flag}${f.arg === undefined ? '' : ` ${f.arg}`}`.padEnd(20)}  ${flagText(entry, f)}`)
    .join('\n');
}

function flagText(entry: OptionEntry, f: CliFlag): string {
  const text = f.help ?? entry.summary;
  if (f.arg === undefined) return text; // a switch: its own words
  const { kind } = entry;
  // A choice's values say it all (`recommended (default), entra or nist`), unless the flag has its own words.
  if (kind.type === 'enum' || kind.type === 'locale') return `${f.help ? `${f.help}: ` : ''}${choices(kind.values, defaultText(entry))}`;
  const dflt = kind.type === 'integer' ? defaultText(entry) : kind.type === 'string' ? entry.default : undefined;
  const said = [limitsText(kind), dflt && `default ${dflt}`].filter(Boolean).join('; ');
  return said ? `${text} (${said})` : text;
}

type Values = Record<string, string | boolean | undefined>;

/**
 * The values the flags give, by option id, each checked on its own and named by its flag (a file
 * flag's value is its path, read by the caller). Rules between options wait for the caller.
 */
export function optionValues(ids: readonly OptionId[], values: Values): Partial<Record<OptionId, unknown>> {
  const out: Partial<Record<OptionId, unknown>> = {};
  for (const id of ids) {
    const { kind, cli = [] } = OPTION_SCHEMA[id];
    for (const f of cli) {
      const given = values[f.flag];
      if (given === undefined || given === false) continue;
      if (f.sets !== undefined) {
        if (kind.type !== 'breached') out[id] = f.sets; // the breached switches: the caller's (they combine)
        continue;
      }
      if (typeof given !== 'string') continue;
      if (kind.type === 'terms' || kind.type === 'breached') out[id] = given;
      else if (kind.type === 'integer') {
        if (!/^\d{1,7}$/.test(given)) throw new UsageError(`--${f.flag} must be a whole number`);
        out[id] = checkValue(id, Number(given), FLAG_NAMER);
      } else {
        checkValue(id, given, FLAG_NAMER);
        out[id] = given; // as given: a locale tag stays a tag
      }
    }
  }
  return out;
}
