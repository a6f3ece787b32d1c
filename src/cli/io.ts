import type { Readable, Writable } from 'node:stream';

/**
 * What a CLI subcommand may touch. Injected so tests can drive a command in-process with
 * in-memory streams and read its output and exit code.
 */
export interface CliIO {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes shared by every subcommand. */
export const Exit = { OK: 0, REJECTED: 1, USAGE: 2, FAILURE: 3 } as const;

/** A subcommand: parses its own arguments, writes to io, resolves to an exit code. */
export type Subcommand = (args: readonly string[], io: CliIO) => Promise<number>;

/** Thrown for misuse (bad flags, missing files); main prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
