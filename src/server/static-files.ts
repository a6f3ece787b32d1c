import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Assets, PAGE_DATA_FILES } from '../assets/platform.js';
import { MANIFEST } from '../assets/integrity.js';
import { nodePlatform } from '../assets/node.js';
import { distDir, readIfExists } from './package-files.js';
import type { StaticBody } from './reply.js';

/** A byte body tagged by its SHA-256 (files may be megabytes: node:crypto's native digest). */
export function bytesBody(body: Uint8Array, type: string): StaticBody {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

// Only the word lists and character model the browser platform asks for; filters are served from
// the server's state (the exact bytes it judges with), never from an arbitrary data/ file.
const DATA_FILES: ReadonlySet<string> = new Set(PAGE_DATA_FILES);

/** Shipped data files are immutable for the life of a process: read once, keep. */
const dataCache = new Map<string, Promise<StaticBody | null>>();

export function dataFile(name: string): Promise<StaticBody | null> {
  if (!DATA_FILES.has(name)) return Promise.resolve(null);
  let file = dataCache.get(name);
  if (!file) {
    // The folder the checker reads (the package's data/, or PASSGATE_DATA_DIR): the page must get
    // the very lists the server judges with.
    // The model is binary but compresses by a quarter (1.26 MB → 0.95 MB br, 0.97 MB gzip): the
    // page downloads it, so it is compressed too — once per encoding, kept by compress.ts's cache.
    file = nodePlatform.readAsset(name).then((b) =>
      b
        ? name === Assets.model
          ? { ...bytesBody(b, 'application/octet-stream'), compress: true }
          : bytesBody(b, name === MANIFEST ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8')
        : null,
    );
    file.catch(() => dataCache.delete(name));
    dataCache.set(name, file);
  }
  return file;
}

// A plain file name: letters, digits, dot, dash, underscore; no separators, so no traversal.
function isPlainName(name: string): boolean {
  if (name.length === 0 || name.length > 80 || name.startsWith('.')) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
    if (!ok) return false;
  }
  return true;
}

/**
 * The browser bundle and the chunks it imports, from the package's dist/. Read per request (the
 * OS caches it) so a rebuilt bundle is picked up without a restart during development.
 */
export async function distFile(name: string): Promise<StaticBody | null> {
  if (!isPlainName(name)) return null;
  const type = name.endsWith('.js') ? 'text/javascript; charset=utf-8' : name.endsWith('.js.map') ? 'application/json; charset=utf-8' : null;
  // Only the browser build and code-split chunks: the Node entries have nothing to do on a page.
  if (!type || !(name.startsWith('browser') || name.startsWith('chunk-'))) return null;
  const dir = distDir();
  const bytes = dir ? await readIfExists(join(dir, name)) : null;
  return bytes ? bytesBody(bytes, type) : null;
}
