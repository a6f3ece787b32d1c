import { describe, expect, it } from 'vitest';
import { createBrowserPlatform } from '../../src/assets/browser.js';
import { bindApi } from '../../src/api.js';
import { Assets } from '../../src/assets/platform.js';
import { manifestFor } from '../helpers/manifest.js';

function fakeFetch(files: Record<string, string | Uint8Array>) {
  const calls: string[] = [];
  const f = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const path = new URL(url).pathname;
    // The data build's manifest for whatever the fake serves now (every file is verified against it).
    if (path.endsWith('/manifest.json')) {
      const dir = path.slice(0, -'manifest.json'.length);
      const here = Object.entries(files).filter(([p, b]) => p.startsWith(dir) && b !== 'FAIL').map(([p, b]) => [p.slice(dir.length), b] as const);
      return new Response(manifestFor(Object.fromEntries(here)));
    }
    const body = files[path];
    if (body === undefined) return new Response('nope', { status: 404 });
    if (body === 'FAIL') return new Response('boom', { status: 500 });
    return new Response(typeof body === 'string' ? body : new Uint8Array(body));
  }) as typeof fetch;
  return { f, calls };
}

describe('the browser platform', () => {
  it('fetches data files from the base URL, once each, and treats 404 as "not shipped"', async () => {
    const { f, calls } = fakeFetch({ '/static/passgate/global-banned.txt': 'contoso\nfabrikam\n' });
    const p = createBrowserPlatform({ baseUrl: 'https://cdn.example/static/passgate/', fetch: f, tier: 'full' });
    const [a, b] = await Promise.all([p.readAsset(Assets.globalBanned), p.readAsset(Assets.globalBanned)]);
    expect(new TextDecoder().decode(a!)).toBe('contoso\nfabrikam\n');
    expect(b).toBe(a);
    expect(await p.readAsset(Assets.names)).toBeNull();
    expect(calls).toEqual([
      'https://cdn.example/static/passgate/global-banned.txt',
      'https://cdn.example/static/passgate/manifest.json',
      'https://cdn.example/static/passgate/names.txt',
    ]);
    expect(p.breachedAsset).toBe(Assets.breachedSmall);
  });

  it('does not cache a failed download, and refuses file paths', async () => {
    const files: Record<string, string> = { '/d/names.txt': 'FAIL' };
    const { f, calls } = fakeFetch(files);
    const p = createBrowserPlatform({ baseUrl: 'https://x.example/d/', fetch: f, tier: 'full' });
    await expect(p.readAsset(Assets.names)).rejects.toThrow(/HTTP 500/);
    files['/d/names.txt'] = 'alice\n';
    expect(new TextDecoder().decode((await p.readAsset(Assets.names))!)).toBe('alice\n');
    expect(calls.filter((c) => c.endsWith('/names.txt'))).toHaveLength(2);
    await expect(p.readFile('/etc/passwd')).rejects.toThrow(TypeError);
  });

  it('runs the whole engine on fetched lists', async () => {
    const { f } = fakeFetch({ '/d/global-banned.txt': 'contoso\n' });
    const api = bindApi(createBrowserPlatform({ baseUrl: 'https://x.example/d/', fetch: f }));
    const checker = await api.createChecker({ profile: 'entra' });
    expect(checker.evaluate('Contoso1').accepted).toBe(false);
    expect(checker.evaluate('Xylophone-Tundra').accepted).toBe(true);
  });

  // The light tier (the default; src/assets/tiers.ts): the same engine on smaller files.
  it.each([
    { tier: undefined, names: 'names.light.txt', filter: 'breached-light.pgf', model: false },
    { tier: 'light' as const, names: 'names.light.txt', filter: 'breached-light.pgf', model: false },
    { tier: 'full' as const, names: 'names.txt', filter: 'breached-100k.pgf', model: true },
  ])('tier $tier reads $names and $filter, model: $model', async ({ tier, names, filter, model }) => {
    const { f, calls } = fakeFetch({});
    const p = createBrowserPlatform({ baseUrl: 'https://x.example/d/', fetch: f, tier });
    expect(await p.readAsset(Assets.names)).toBeNull();
    expect(await p.readAsset(Assets.breachedSmall)).toBeNull();
    expect(await p.readAsset(Assets.globalBanned)).toBeNull();
    expect(calls).toEqual([`https://x.example/d/${names}`, `https://x.example/d/${filter}`, 'https://x.example/d/global-banned.txt']);
    expect(p.locate(Assets.names)).toBe(`https://x.example/d/${names}`);
    expect(!p.withoutModel).toBe(model);
  });

  it('refuses an unknown tier', () => {
    expect(() => createBrowserPlatform({ tier: 'tiny' as never })).toThrow(RangeError);
  });

  it('the light tier fails closed: a missing light file is a DataError naming it, never a checker', async () => {
    const { f } = fakeFetch({ '/d/global-banned.txt': 'contoso\n' });
    const api = bindApi(createBrowserPlatform({ baseUrl: 'https://x.example/d/', fetch: f }));
    await expect(api.createChecker()).rejects.toMatchObject({ name: 'DataError', message: expect.stringMatching(/\.light\.txt|breached-light\.pgf/) });
  });
});
