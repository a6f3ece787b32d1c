/** The package root, with a trailing slash. */
export const ROOT: string;
/** The built entries of dist/ the package needs. */
export const DIST: readonly string[];
/** Whether dist/ is missing an entry or older than a file under src/ (of `root`, default ROOT). */
export function distIsStale(root?: string): boolean;
/** Builds data/ and dist/ if any part is missing (and dist/ when stale, with `rebuildStale`); returns what it built. */
export function ensureBuilt(options?: { rebuildStale?: boolean }): string[];
