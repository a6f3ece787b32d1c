import type { Readable, Writable } from 'node:stream';
import { FileKindError } from '../io/regular-file.js';

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

// What a file system error means, in words: users see these instead of ENOENT/EISDIR.
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/** The file system error behind `err`, if it is one that makes a file unreadable. */
export function fsReason(err: unknown): string | undefined {
  if (err instanceof FileKindError) return err.reason; // a FIFO, a device, a directory, too large
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? FS_REASONS[code] : undefined;
}

/** A file the user named cannot be read: misuse (exit 2), with the flag and the path. */
export function unreadable(what: string, path: string, err: unknown): UsageError {
  return new UsageError(`${what}: cannot read '${path}' (${fsReason(err) ?? 'read error'})`);
}
