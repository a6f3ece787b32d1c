import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the package root (the folder whose package.json is named passgate) by walking up from
 * this module. Works from the sources (src/server/) and from the bundle (dist/ or a dist chunk),
 * so the service finds `dist/browser.js` and `data/` in a checkout and in node_modules alike.
 */
function findRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'passgate') return dir;
      } catch {
        // an unreadable package.json is not ours; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

let root: string | null | undefined;
export function packageRoot(): string | null {
  if (root === undefined) root = findRoot();
  return root;
}

/** `dist/` of the package, where the browser bundle lives. */
export function distDir(): string | null {
  const r = packageRoot();
  return r ? join(r, 'dist') : null;
}

/** A file's bytes, or null when it does not exist. */
export async function readIfExists(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw err;
  }
}
