import { DataError } from '../errors.js';

/**
 * Every shipped data file is checked against the data build's manifest (data/manifest.json: size
 * and SHA-256 of each file it wrote) before any of it is used, on every platform. What a host
 * serves in place of a file — an SPA's index.html answered with 200 for a missing path, a proxy's
 * error page, a truncated download, flipped bytes — is a DataError naming the file, where it
 * came from and what came back; it never becomes a word list (issue 20, item 2).
 */
export const MANIFEST = 'manifest.json';

/** The manifest is small (≈ 9 KB); anything far larger is not one. */
const MAX_MANIFEST_BYTES = 1 << 20;

export interface ExpectedFile {
  readonly bytes: number;
  readonly sha256: string;
}
export type Manifest = ReadonlyMap<string, ExpectedFile>;

/** SHA-256 of the bytes as lowercase hex: native where the platform has it. */
export type Sha256 = (bytes: Uint8Array) => string | Promise<string>;

/**
 * The manifest's file entries, wherever they sit in it (word lists, filters, compiled indexes):
 * every object with a `file` name, a byte size and a SHA-256.
 */
export function parseManifest(bytes: Uint8Array, where: string, contentType?: string | null): Manifest {
  const fail = (why: string): never => {
    throw new DataError(`passgate: the data manifest ${MANIFEST} at ${where} is unusable: ${why}. ${REBUILD}`, { file: MANIFEST, location: where });
  };
  if (bytes.length > MAX_MANIFEST_BYTES) fail(`${bytes.length} bytes is not a manifest`);
  const html = looksLikeHtml(bytes, contentType);
  if (html) fail(html);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    fail('it is not JSON');
  }
  const out = new Map<string, ExpectedFile>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return void v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.file === 'string' && Number.isSafeInteger(o.bytes) && typeof o.sha256 === 'string' && /^[0-9a-f]{64}$/.test(o.sha256)) {
      out.set(o.file, { bytes: o.bytes as number, sha256: o.sha256 });
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  visit(json, 0);
  if (out.size === 0) fail('it lists no files');
  return out;
}

const REBUILD = 'Reinstall passgate or rebuild its data (npm run build:data), and serve or copy the whole data/ folder';

/**
 * The bytes of `name` if they are the file the manifest describes; else a DataError saying what
 * came back instead. A file the manifest does not list is refused too: it was not built with it.
 */
export async function verifyFile(name: string, bytes: Uint8Array, manifest: Manifest, sha256: Sha256, where: string, contentType?: string | null): Promise<Uint8Array> {
  const fail = (what: string): never => {
    throw new DataError(`passgate: data file ${name} at ${where} is damaged or not the file passgate was built with: ${what}. ${REBUILD}.`, { file: name, location: where, cause: new Error(what) });
  };
  const expected = manifest.get(name);
  if (!expected) fail(`${MANIFEST} does not list it`);
  const html = looksLikeHtml(bytes, contentType);
  if (html) fail(html);
  if (bytes.length !== expected!.bytes) fail(`it has ${bytes.length} bytes where ${expected!.bytes} were expected (truncated, or another version)`);
  if ((await sha256(bytes)) !== expected!.sha256) fail('its SHA-256 differs (damaged or changed)');
  return bytes;
}

/**
 * What a host sends for a path it does not have, said plainly: the usual cause is an SPA host
 * (Vite, Netlify, Vercel rewrites, nginx `try_files … /index.html`) answering every unknown path
 * with the app's page. No data file passgate builds starts with `<` and names html in its head.
 */
export function looksLikeHtml(bytes: Uint8Array, contentType?: string | null): string | null {
  const type = contentType?.toLowerCase() ?? '';
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 512); i++) head += String.fromCharCode(bytes[i]!);
  const text = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();
  const isHtml = type.startsWith('text/html') || (text.startsWith('<') && (text.includes('<html') || text.includes('<!doctype html') || text.includes('<head') || text.includes('<body')));
  return isHtml ? 'an HTML page came back — is your host rewriting missing files to index.html?' : null;
}
