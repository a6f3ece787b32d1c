import { FileLimits, readRegularFile } from '../io/regular-file.js';
import { checkOptions, type CheckerOptions, type OptionName } from '../options.js';
import { OPTION_SCHEMA } from '../option-schema.js';
import { checkTerms, FLAG_NAMER } from '../option-check.js';
import { CHECKER_OPTION_IDS, flagConfig, flagHelp, optionValues } from './option-flags.js';
import type { PasswordContext } from '../types.js';
import { CONTEXT_FIELDS, type ContextField } from '../detect/context.js';
import { createChecker, withDataDir, FilterFormatError, type Checker } from '../index.js';
import { DATA_DIR_VARIABLE } from '../assets/node.js';
import { Assets } from '../assets/platform.js';
import { DataError } from '../errors.js';
import { splitLines } from '../text-lines.js';
import { UsageError, fsReason, unreadable, type CliIO } from './io.js';

/** Flags every command that builds a checker understands (check, audit, serve): from the option schema. */
export const CHECKER_FLAGS = flagConfig(CHECKER_OPTION_IDS);

/** Each context field's flag (tsc asks for one when a field is added to CONTEXT_FIELDS). */
const CONTEXT_FLAG: { readonly [F in ContextField]: string } = {
  firstName: 'first-name', lastName: 'last-name', username: 'username', email: 'email', tenantName: 'tenant', displayName: 'display-name',
};
export const CONTEXT_FLAGS = Object.fromEntries(CONTEXT_FIELDS.map((field) => [CONTEXT_FLAG[field], { type: 'string' } as const]));

export const CHECKER_FLAGS_HELP = flagHelp(CHECKER_OPTION_IDS);

/**
 * `passgate audit` reports what would be rejected whatever the mode, so it takes every checker
 * flag but --audit (and its help does not list it).
 */
const AUDIT_OPTION_IDS = CHECKER_OPTION_IDS.filter((id) => id !== 'mode');
export const AUDIT_CHECKER_FLAGS = flagConfig(AUDIT_OPTION_IDS);
export const AUDIT_CHECKER_FLAGS_HELP = flagHelp(AUDIT_OPTION_IDS);

export const CONTEXT_FLAGS_HELP = `  ${CONTEXT_FIELDS.map((field) => `--${CONTEXT_FLAG[field]}`).join(', ')} VALUE
                        the user's own details: a password containing them is rejected`;

type Values = Record<string, string | boolean | undefined>;

const flagName: OptionName = (option, on) => FLAG_NAMER(option, on && { on });

/**
 * The checker options the flags translate into. Each value is checked on its own here, naming
 * its flag; the rules between them (lengths for a profile) wait for `checkerFrom`, since `serve`
 * merges these with a config file first. File flags are read here, their terms checked against
 * the option's limits (`--custom (term 3) must be 4–16 characters long`).
 */
export async function checkerOptionsFrom(values: Values): Promise<CheckerOptions> {
  const given = optionValues(CHECKER_OPTION_IDS, values);
  const options: Record<string, unknown> = {};
  for (const id of CHECKER_OPTION_IDS) {
    const value = given[id];
    if (value === undefined) continue;
    const kind = OPTION_SCHEMA[id].kind.type;
    if (kind === 'terms') options[id] = checkTerms(id, await termFile(value as string, `--${OPTION_SCHEMA[id].cli![0]!.flag}`), FLAG_NAMER);
    else if (kind !== 'breached') options[id] = value;
  }
  if (values['no-breached']) options.breached = false;
  else if (typeof values.breached === 'string') {
    options.breached = values['no-embedded-breached'] ? { path: values.breached } : { path: values.breached, keepEmbedded: true };
  }
  return options as CheckerOptions;
}

// The flags that do what the library's waiving options do (Waivers in assets/platform.ts).
const WAIVING_FLAGS: Readonly<Record<string, string>> = {
  [Assets.globalBanned]: '--global FILE',
  [Assets.breachedFull]: '--no-breached, or --breached FILE',
};

/**
 * The checker the flags describe, reading passgate's data from `PASSGATE_DATA_DIR` when set.
 * A `--breached` file that cannot be read or is not a filter is misuse, named with the flag.
 */
export async function checkerFrom(values: Values, env: CliIO['env']): Promise<Checker> {
  const options = await checkerOptionsFrom(values);
  checkOptions(options, flagName);
  const dir = env[DATA_DIR_VARIABLE];
  try {
    return await (dir ? withDataDir(dir).createChecker(options) : createChecker(options));
  } catch (err) {
    const path = options.breached && 'path' in options.breached ? options.breached.path : undefined;
    if (path !== undefined && fsReason(err)) throw unreadable('--breached', path, err);
    if (path !== undefined && err instanceof FilterFormatError) throw new UsageError(`--breached: '${path}' is not a usable filter (${err.message})`);
    const flags = err instanceof DataError ? WAIVING_FLAGS[err.file] : undefined;
    if (flags) throw new DataError(`${(err as DataError).message} With the CLI: ${flags}.`, err as DataError);
    throw err;
  }
}

export function contextFrom(values: Values): PasswordContext | undefined {
  const ctx: PasswordContext = {};
  for (const field of CONTEXT_FIELDS) {
    const v = values[CONTEXT_FLAG[field]];
    if (typeof v === 'string') ctx[field] = v;
  }
  return Object.keys(ctx).length > 0 ? ctx : undefined;
}

async function termFile(path: string, flag: string): Promise<string[]> {
  let text: string;
  try {
    // Bounded, regular files only: --custom /dev/zero or a FIFO must fail, not read forever.
    text = new TextDecoder().decode(await readRegularFile(path, FileLimits.terms));
  } catch (err) {
    throw unreadable(flag, path, err);
  }
  // Written by hand: trimmed, `#` lines are comments (the one line rule, src/text-lines.ts).
  return splitLines(text, { trim: true });
}
