/**
 * Issue 20 item 2: every data file is verified against data/manifest.json (size, SHA-256) before
 * use, in Node and in the browser. An SPA host answering index.html with 200 for a missing file
 * made the entra profile accept Password1!, P@ssw0rd, Welcome01 and Winter2020! (the HTML became
 * the banned list); flipped bytes in a .bin index went unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, withDataDir } from '../../src/index.js';
import { withDataUrl } from '../../src/browser.js';
import { Assets } from '../../src/assets/platform.js';
import { looksLikeHtml, parseManifest } from '../../src/assets/integrity.js';
import { dataDir } from '../helpers/manifest.js';

const shipped = new URL('../../data/', import.meta.url).pathname;
const INDEX_HTML = '<!doctype html>\n<html><head><title>My app</title></head><body><div id="root"></div></body></html>\n';
// What entra refuses with the shipped list (Winter2020! reaches 6 points there: Entra accepts it).
const SEEDS = ['Password1!', 'P@ssw0rd', 'Welcome01'];
const base = 'https://app.example/passgate/data/';

/** A host that has `present` and answers every other path with its index.html and 200 (Vite, Netlify, Vercel, try_files). */
const spaHost = (present: readonly string[]): typeof fetch =>
  (async (input: RequestInfo | URL) => {
    const name = new URL(String(input)).pathname.split('/').pop()!;
    if (present.includes(name)) return new Response(await readFile(join(shipped, name)));
    return new Response(INDEX_HTML, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }) as typeof fetch;

async function refused(p: Promise<unknown>): Promise<DataError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

describe('an SPA host that answers index.html for missing files (browser platform)', () => {
  it.each(['entra', 'recommended', 'nist'] as const)('%s refuses to start, naming the file, the URL and what came back', async (profile) => {
    // The manifest is there (copied), the lists are not: each list request gets the page.
    const err = await refused(withDataUrl(base, { fetch: spaHost(['manifest.json']) }).createChecker({ profile }));
    expect(err.file).toBe(Assets.globalBanned);
    expect(err.location).toBe(base + Assets.globalBanned);
    expect(err.message).toContain(base + Assets.globalBanned);
    expect(err.message).toMatch(/HTML page.*index\.html/);
    expect(err.message).not.toMatch(/reinstall passgate$/);
  });

  it('with nothing copied at all, the manifest itself is named as an HTML page', async () => {
    const err = await refused(withDataUrl(base, { fetch: spaHost([]) }).createChecker({ profile: 'entra' }));
    expect(err.file).toBe('manifest.json');
    expect(err.message).toMatch(/index\.html/);
  });

  it('the seed passwords are refused once the real files are served', async () => {
    const all = await readdir(shipped);
    const c = await withDataUrl(base, { fetch: spaHost(all) }).createChecker({ profile: 'entra' });
    for (const p of SEEDS) expect(c.evaluate(p).accepted, p).toBe(false);
  });

  it('a truncated download is refused, not used', async () => {
    const truncating: typeof fetch = (async (input: RequestInfo | URL) => {
      const name = new URL(String(input)).pathname.split('/').pop()!;
      const bytes = await readFile(join(shipped, name));
      return new Response(name === Assets.globalBanned ? bytes.subarray(0, 1000) : bytes);
    }) as typeof fetch;
    const err = await refused(withDataUrl(base, { fetch: truncating }).createChecker({ profile: 'entra' }));
    expect(err.file).toBe(Assets.globalBanned);
    expect(err.message).toMatch(/1000 bytes where \d+ were expected/);
  });
});

describe('flipped bytes and swapped files (Node)', () => {
  const folder = (change: Record<string, (b: Buffer) => Uint8Array | string>, drop: readonly string[] = []) => dataDir(drop, change);
  const flip = (at: number) => (b: Buffer) => {
    const c = Buffer.from(b);
    c[Math.floor(c.length * at)]! ^= 0x10;
    return c;
  };

  it.each([
    [Assets.dictionaryCompiled, {}],
    [Assets.bannedCompiled, { breached: false as const }],
    [Assets.model, {}],
    [Assets.breachedFull, {}],
    [Assets.names, { breached: false as const }],
  ])('one flipped bit in %s (same size) is a DataError naming it', async (file, options) => {
    const dir = await folder({ [file]: flip(0.61) });
    // The text list is read only when the compiled dictionary is absent.
    const err = await refused(withDataDir(dir).createChecker(file === Assets.names ? { ...options } : options).then(async (c) => {
      if (file === Assets.names) {
        return withDataDir(await folder({ [file]: flip(0.61) }, [Assets.dictionaryCompiled])).createChecker(options);
      }
      return c;
    }));
    expect(err.file).toBe(file);
    expect(err.message).toMatch(/SHA-256 differs/);
  });

  it('an HTML page saved in place of the global list: entra refuses to start (it accepted the seeds)', async () => {
    const err = await refused(withDataDir(await folder({ [Assets.globalBanned]: () => INDEX_HTML })).createChecker({ profile: 'entra' }));
    expect(err.file).toBe(Assets.globalBanned);
    expect(err.message).toMatch(/index\.html/);
  });

  it('a data folder without its manifest refuses to start, naming manifest.json', async () => {
    const err = await refused(withDataDir(await folder({}, ['manifest.json'])).createChecker({ profile: 'entra' }));
    expect(err.file).toBe('manifest.json');
    expect(err.message).toContain('npm run build:data');
  });
});

describe('the manifest reader', () => {
  it('lists every file the data build wrote, with size and SHA-256', async () => {
    const m = parseManifest(new Uint8Array(await readFile(join(shipped, 'manifest.json'))), 'data/manifest.json');
    const files = (await readdir(shipped)).filter((f) => f !== 'manifest.json').sort();
    expect([...m.keys()].filter((f) => files.includes(f)).sort()).toEqual(files);
  });

  it.each([
    ['HTML', INDEX_HTML],
    ['not JSON', 'hello'],
    ['no files', '{"files": []}'],
  ])('refuses a manifest that is %s', (_, text) => {
    expect(() => parseManifest(new TextEncoder().encode(text), 'x')).toThrow(DataError);
  });

  it.each([
    ['<!DOCTYPE html><html>', null, true],
    ['\uFEFF  <html lang="en">', null, true],
    ['whatever', 'text/html; charset=utf-8', true],
    ['<3 love\npassword\n', 'text/plain', false],
    ['password\n123456\n', null, false],
  ])('looksLikeHtml(%j, %j) is %s', (text, type, html) => {
    expect(looksLikeHtml(new TextEncoder().encode(text), type) !== null).toBe(html);
  });
});
