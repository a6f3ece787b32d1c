/**
 * `parseArgs` with misuse said the CLI's way: one short line naming the flag, never Node's raw
 * message (which ends on an unbalanced quote and suggests `--` to a user who mistyped a flag),
 * and for an unknown flag the nearest known one (`did you mean --profile?`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

/** An unknown flag is repeated only when it looks like one: it may be a password typed in the wrong place. */
const FLAG_LIKE = /^--?[a-z][a-z0-9-]{0,30}$/;
/** At most this many edits away to be suggested (and fewer than half the name). */
const MAX_SUGGEST_DISTANCE = 2;

export function parseFlags<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw usageError(command, err, config.options ?? {});
  }
}

function usageError(command: string, err: unknown, options: NonNullable<ParseArgsConfig['options']>): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /^Unknown option '([^']*)'/.exec(message)?.[1] ?? '';
    if (!FLAG_LIKE.test(given)) return new UsageError(`unknown option (see passgate ${command} --help)`);
    const near = nearest(given, Object.keys(options).map((name) => `--${name}`));
    return new UsageError(`unknown option '${given}' (${near ? `did you mean ${near}?` : `see passgate ${command} --help`})`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /^Option '(-[^' ]*)/.exec(message)?.[1];
    if (name) return new UsageError(/does not take an argument/.test(message) ? `${name} takes no value` : `${name} needs a value`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    // A file name put where a flag belongs, typically: named so the user sees which.
    const given = /^Unexpected argument '(.*)'\. This command/s.exec(message)?.[1];
    const shown = given === undefined ? '' : ` '${given.slice(0, 40).replace(/[\u0000-\u001f\u007f']/g, '?')}'`;
    return new UsageError(`unexpected argument${shown}: it takes no positional argument (see passgate ${command} --help)`);
  }
  return err;
}

/** The known flag fewest edits from `given` (ties: the first listed), if near enough. */
function nearest(given: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_SUGGEST_DISTANCE + 1;
  for (const k of known) {
    const d = distance(given, k);
    if (d < bestDistance && d * 2 < k.length - 2) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent swaps counted as one edit (names are ≤ 33 characters). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
