import { FileLimits, readRegularFile } from '../io/regular-file.js';
import type { ParseArgsConfig } from 'node:util';
import { checkOption, checkOptions, SCALAR_OPTIONS, type CheckerOptions, type OptionName, type ScalarOption } from '../options.js';
import { DEFAULT_PROFILE, PROFILE_NAMES } from '../policy/profiles.js';
import { LOCALES } from '../wording/locales.js';
import type { PasswordContext } from '../types.js';
import { createChecker, withDataDir, FilterFormatError, type Checker } from '../index.js';
import { DATA_DIR_VARIABLE } from '../assets/node.js';
import { Assets } from '../assets/platform.js';
import { DataError } from '../errors.js';
import { splitLines } from '../text-lines.js';
import { UsageError, fsReason, unreadable, type CliIO } from './io.js';

/** Flags every command that builds a checker understands (check, audit, serve). */
export const CHECKER_FLAGS = {
  profile: { type: 'string' },
  custom: { type: 'string' },
  global: { type: 'string' },
  breached: { type: 'string' },
  'no-breached': { type: 'boolean' },
  'no-embedded-breached': { type: 'boolean' },
  'min-length': { type: 'string' },
  'max-length': { type: 'string' },
  mfa: { type: 'boolean' },
  locale: { type: 'string' },
  audit: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const CONTEXT_FLAGS = {
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  username: { type: 'string' },
  email: { type: 'string' },
  tenant: { type: 'string' },
  'display-name': { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** `a (default), b or c`: the default first. */
const choices = (all: readonly string[], first: string) => {
  const rest = all.filter((x) => x !== first);
  return `${first} (default)${rest.length > 1 ? `, ${rest.slice(0, -1).join(', ')}` : ''}${rest.length > 0 ? ` or ${rest.at(-1)}` : ''}`;
};

export const CHECKER_FLAGS_HELP = `  --profile NAME        ${choices(PROFILE_NAMES, DEFAULT_PROFILE)}
  --custom FILE         custom banned terms, one a line (at most 1000, 4–16 characters each)
  --global FILE         replace the shipped global banned list (one term a line)
  --breached FILE       a filter built with 'passgate build', checked as well as the embedded one
  --no-embedded-breached  with --breached: use only FILE, not the embedded list as well
  --no-breached         no breached-password lookup
  --min-length N        minimum length in characters
  --max-length N        maximum length in characters
  --mfa                 nist profile: the password is one of several factors (minimum 8)
  --locale TAG          ${choices(LOCALES, 'en')}
  --audit               audit mode: report what would be rejected, accept everything`;

/**
 * `passgate audit` reports what would be rejected whatever the mode, so it takes every checker
 * flag but --audit (and its help does not list it).
 */
export const { audit: _auditFlag, ...AUDIT_CHECKER_FLAGS } = CHECKER_FLAGS;
export const AUDIT_CHECKER_FLAGS_HELP = CHECKER_FLAGS_HELP.split('\n').filter((line) => !line.trimStart().startsWith('--audit ')).join('\n');

export const CONTEXT_FLAGS_HELP = `  --first-name, --last-name, --username, --email, --tenant, --display-name VALUE
                        the user's own details: a password containing them is rejected`;

type Values = Record<string, string | boolean | undefined>;

// Which flag sets each option, for messages: the library checks the values (src/options.ts).
const FLAG: Readonly<Record<ScalarOption, string>> = {
  profile: '--profile', minLength: '--min-length', maxLength: '--max-length', mfa: '--mfa', locale: '--locale', mode: '--audit',
};
const flagName: OptionName = (option) => FLAG[option];

/**
 * The checker options the flags translate into. Each value is checked on its own here, naming
 * its flag; the rules between them (lengths for a profile) wait for `checkerFrom`, since `serve`
 * merges these with a config file first.
 */
export async function checkerOptionsFrom(values: Values): Promise<CheckerOptions> {
  const options: CheckerOptions = {};
  if (typeof values.profile === 'string') options.profile = checkOption('profile', values.profile, flagName);
  if (typeof values.custom === 'string') options.customBannedTerms = await termFile(values.custom, '--custom');
  if (typeof values.global === 'string') options.globalBannedTerms = await termFile(values.global, '--global');
  if (values['no-breached']) options.breached = false;
  else if (typeof values.breached === 'string') {
    options.breached = values['no-embedded-breached'] ? { path: values.breached } : { path: values.breached, keepEmbedded: true };
  }
  if (typeof values['min-length'] === 'string') options.minLength = integer(values['min-length'], '--min-length');
  if (typeof values['max-length'] === 'string') options.maxLength = integer(values['max-length'], '--max-length');
  if (values.mfa) options.mfa = true;
  if (typeof values.locale === 'string') options.locale = values.locale;
  if (values.audit) options.mode = 'audit';
  for (const option of SCALAR_OPTIONS) if (options[option] !== undefined) checkOption(option, options[option], flagName);
  return options;
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
  const map = {
    'first-name': 'firstName', 'last-name': 'lastName', username: 'username', email: 'email',
    tenant: 'tenantName', 'display-name': 'displayName',
  } as const;
  for (const [flag, field] of Object.entries(map)) {
    const v = values[flag];
    if (typeof v === 'string') ctx[field] = v;
  }
  return Object.keys(ctx).length > 0 ? ctx : undefined;
}

function integer(text: string, flag: string): number {
  if (!/^\d{1,6}$/.test(text)) throw new UsageError(`${flag} must be a whole number`);
  return Number(text);
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
