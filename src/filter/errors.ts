import { PassgateError } from '../errors.js';

/**
 * Thrown by `loadFilter` for bytes that are not a usable filter: truncated, corrupted
 * (checksum mismatch), foreign (bad magic) or written by a newer format version.
 * The message names exactly what is wrong; it never contains key material.
 */
export class FilterFormatError extends PassgateError {
  override readonly name = 'FilterFormatError';
}
