/** The package root, with a trailing slash. */
export const ROOT: string;
/** Builds data/ and dist/ if any part is missing; returns what it built (`'data/'`, `'dist/'`). */
export function ensureBuilt(): string[];
