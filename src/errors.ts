/**
 * The errors passgate throws on purpose, as one small hierarchy: `err instanceof PassgateError`
 * tells a caller "passgate refused, and the message says why" from a bug or a host failure.
 * Misuse of the API (a bad option, a non-string password) stays a plain TypeError or RangeError,
 * as JavaScript APIs do. No message ever contains a password or key material.
 */
export class PassgateError extends Error {
  override readonly name: string = 'PassgateError';
}

/** Where a data file was looked for, for `DataError`. */
export interface DataErrorDetails {
  /** The data file's name, e.g. `global-banned.txt`. */
  readonly file: string;
  /** Where it was looked for: a file path (Node) or a URL (browsers). */
  readonly location?: string;
  /** The HTTP status of the failed download, when there was a response. */
  readonly status?: number;
  /** The underlying error (a file system error, a network error, a decoder's error). */
  readonly cause?: unknown;
}

/**
 * A data file shipped with passgate (the lists, the embedded filter, the compiled indexes) that a
 * checker needs is missing, unreachable or damaged. `createChecker` rejects with it rather than
 * run without the data: a checker missing its lists would accept `Password1!`. The message names
 * the file, where it was looked for and the option that waives it.
 */
export class DataError extends PassgateError {
  override readonly name: string = 'DataError';
  readonly file: string;
  readonly location: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, details: DataErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.file = details.file;
    this.location = details.location;
    this.status = details.status;
  }
}
