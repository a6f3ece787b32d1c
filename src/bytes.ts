/**
 * Small helpers shared by the binary formats (filters, term indexes, the compiled dictionary).
 * All of them are little-endian on disk and are read through typed-array views, which use the
 * host's byte order: every current JS engine is little-endian.
 */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Rounds a byte length up to the next multiple of 8 (section alignment). */
export function pad8(n: number): number {
  return (n + 7) & ~7;
}

/** Throws where in-place views would read the wrong byte order. */
export function requireLittleEndian(format: string): void {
  if (!LITTLE_ENDIAN) throw new Error(`${format} serialisation needs a little-endian platform`);
}
