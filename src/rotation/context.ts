/**
 * The two rotation fields of the context, read and checked. They are secrets: they are never
 * context terms (detect/context.ts reads only CONTEXT_FIELDS and `extraTerms`), never echoed in
 * a finding or an error, and never logged by the service. Misuse is a TypeError/RangeError that
 * names the field, never its value.
 */
import type { Finding } from '../types.js';
import { codePointLength } from '../normalise/normalise.js';
import { MAX_PREVIOUS_HASHES, parseHash, type ParsedHash } from './hash-format.js';

export interface RotationContext {
  /** The current password as the user typed it (self-service change), or null. */
  readonly previous: string | null;
  /** The stored hashes (current and a short history), parsed; empty when none were given. */
  readonly hashes: readonly ParsedHash[];
}

const NONE: RotationContext = Object.freeze({ previous: null, hashes: Object.freeze([]) });

function read(from: object, key: string | number, name: string): unknown {
  try {
    return (from as Record<string | number, unknown>)[key];
  } catch {
    throw new TypeError(`\`${name}\` could not be read`);
  }
}

/**
 * Reads `previousPassword` and `previousPasswordHashes` from a context (already known to be an
 * object or nothing: readContext checked it). `maxLength` bounds the previous password as it
 * bounds the password.
 */
export function readRotationContext(context: unknown, maxLength: number): RotationContext {
  if (context === undefined || context === null || typeof context !== 'object') return NONE;
  const rawPrevious = read(context, 'previousPassword', 'context.previousPassword');
  let previous: string | null = null;
  if (rawPrevious !== undefined && rawPrevious !== null) {
    if (typeof rawPrevious !== 'string') throw new TypeError('`context.previousPassword` must be a string');
    if (rawPrevious.length > 2 * maxLength || codePointLength(rawPrevious) > maxLength) {
      throw new RangeError(`\`context.previousPassword\` is longer than maxLength (${maxLength} characters)`);
    }
    if (rawPrevious !== '') previous = rawPrevious;
  }
  const list = read(context, 'previousPasswordHashes', 'context.previousPasswordHashes');
  if (list === undefined || list === null) return previous === null ? NONE : { previous, hashes: NONE.hashes };
  let isArray: boolean;
  try {
    isArray = Array.isArray(list);
  } catch {
    isArray = false; // a revoked Proxy
  }
  if (!isArray) throw new TypeError('`context.previousPasswordHashes` must be an array of strings');
  const length = Number(read(list as object, 'length', 'context.previousPasswordHashes'));
  if (length > MAX_PREVIOUS_HASHES) {
    throw new RangeError(`\`context.previousPasswordHashes\` may hold at most ${MAX_PREVIOUS_HASHES} hashes (it has ${length})`);
  }
  const hashes: ParsedHash[] = [];
  for (let i = 0; i < length; i++) {
    const where = `context.previousPasswordHashes[${i}]`;
    hashes.push(parseHash(read(list as object, i, where), where));
  }
  return { previous, hashes };
}

/** The finding: which input showed it, never either password. */
export const rotatedFinding = (via: 'previousPassword' | 'previousPasswordHashes'): Finding => ({
  code: 'ROTATED_PASSWORD',
  source: 'context',
  params: { via },
});
