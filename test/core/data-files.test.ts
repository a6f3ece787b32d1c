import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { dataDir, remanifest } from '../helpers/manifest.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, PassgateError, buildFilter, withDataDir } from '../../src/index.js';
import { withDataUrl } from '../../src/browser.js';
import { Assets } from '../../src/assets/platform.js';
import type { CheckerOptions } from '../../src/options.js';

// A checker that cannot load the data its profile needs must refuse to start: one that ran
// without its lists would accept `Password1!` and `Winter2020!` (issue 10, item 3).

const shipped = new URL('../../data/', import.meta.url).pathname;

/** The folder's manifest rewritten for the files it now holds (a data build of those files). */
async function remanifested(dir: string): Promise<string> {
  remanifest(dir);
  return dir;
}

async function refusal(make: Promise<unknown>): Promise<DataError> {
  const err = await make.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataError);
  expect(err).toBeInstanceOf(PassgateError);
  return err as DataError;
}

describe('missing data files (Node)', () => {
  it.each([
    ['an empty data folder', async () => mkdtemp(join(tmpdir(), 'passgate-empty-'))],
    ['no data folder at all', async () => join(tmpdir(), 'passgate-no-such-folder', 'data')],
  ])('with %s, every profile refuses to start and names global-banned.txt and where it looked', async (_, make) => {
    const dir = await make();
    for (const profile of ['recommended', 'entra', 'nist'] as const) {
      const err = await refusal(withDataDir(dir).createChecker({ profile }));
      expect(err.file).toBe(Assets.globalBanned);
      expect(err.location).toBe(join(dir, Assets.globalBanned));
      expect(err.message).toContain(join(dir, Assets.globalBanned));
      expect(err.message).toContain('globalBannedTerms');
    }
  });

  it('names the embedded filter when only it is missing, and the waiving option', async () => {
    const api = withDataDir(await dataDir([Assets.breachedFull]));
    for (const profile of ['recommended', 'nist'] as const) {
      const err = await refusal(api.createChecker({ profile }));
      expect(err.file).toBe(Assets.breachedFull);
      expect(err.message).toMatch(/`breached`/);
    }
    const entra = await api.createChecker({ profile: 'entra' }); // entra does not use the filter
    expect(entra.evaluate('Password1!').accepted).toBe(false);
    const off = await api.createChecker({ breached: false });
    expect(off.evaluate('Winter2020!').accepted).toBe(false);
  });

  it('uses the compiled dictionary without the text lists, and names a text list when both are gone', async () => {
    const withCompiled = withDataDir(await dataDir([Assets.dictionary]));
    expect((await withCompiled.createChecker({ breached: false })).evaluate('Winter2020!').accepted).toBe(false);
    const without = withDataDir(await dataDir([Assets.dictionary, Assets.dictionaryCompiled]));
    const err = await refusal(without.createChecker({ breached: false }));
    expect(err.file).toBe(Assets.dictionary);
    expect(err.message).toContain("estimator: 'zxcvbn'");
  });

  // Issue 14: the compiled index is bound to its list by a content hash, not by the term count.
  it('refuses a compiled banned index built from another list of the same length, saying to rebuild', async () => {
    const changed = (b: Buffer) => {
      const terms = b.toString('utf8').split('\n');
      terms[0] = 'zzqqxxjj'; // one term replaced: the same count
      return terms.join('\n');
    };
    // An edited list is not the file the manifest describes: refused before anything else.
    const edited = await refusal(withDataDir(await dataDir([], { [Assets.globalBanned]: changed })).createChecker({ breached: false }));
    expect(edited.file).toBe(Assets.globalBanned);
    expect(edited.message).toMatch(/not the file passgate was built with/);
    // With a manifest made for the edited list, the stale compiled index is still caught.
    const api = withDataDir(await remanifested(await dataDir([], { [Assets.globalBanned]: changed })));
    // The index is compiled for the recommended profile's settings (other profiles build their own).
    const err = await refusal(api.createChecker({ breached: false }));
    expect(err.file).toBe(Assets.bannedCompiled);
    expect(err.message).toContain('another global banned list');
    expect(err.message).toContain('npm run build:data');
    // Without the stale index the edited list is used as it is.
    const rebuilt = withDataDir(await remanifested(await dataDir([Assets.bannedCompiled], { [Assets.globalBanned]: changed })));
    const codes = (c: { evaluate(p: string): { findings: readonly { code: string }[] } }) => c.evaluate('zzqqxxjj').findings.map((f) => f.code);
    expect(codes(await rebuilt.createChecker({ breached: false }))).toContain('BANNED_TERM');
    expect(codes(await withDataDir(shipped).createChecker({ breached: false }))).not.toContain('BANNED_TERM');
  });

  it('builds the global index from the text list when the compiled one is missing', async () => {
    const api = withDataDir(await dataDir([Assets.bannedCompiled]));
    expect((await api.createChecker({ profile: 'entra' })).evaluate('Password1!').accepted).toBe(false);
  });

  // Which option waives which file, as the README's table says.
  it.each<[string, CheckerOptions]>([
    ['entra with its own global list', { profile: 'entra', globalBannedTerms: ['contoso'] }],
    ['entra with no global list', { profile: 'entra', globalBannedTerms: [] }],
    ['nist without lists and filter', { profile: 'nist', globalBannedTerms: [], breached: false }],
    ['nist with its own filter', { profile: 'nist', globalBannedTerms: [], breached: { bytes: buildFilter(['Tundra-Quiver-88']) } }],
  ])('an empty data folder is fine for %s', async (_, options) => {
    const api = withDataDir(await mkdtemp(join(tmpdir(), 'passgate-empty-')));
    const c = await api.createChecker(options);
    expect(c.policy().lists.globalBannedTerms).toBe(options.globalBannedTerms!.length);
  });

  it('the recommended profile runs on an empty folder only with every waiver, zxcvbn included', async () => {
    const api = withDataDir(await mkdtemp(join(tmpdir(), 'passgate-empty-')));
    const err = await refusal(api.createChecker({ globalBannedTerms: [], breached: false }));
    expect(err.file).toBe(Assets.commonPasswords); // the dictionary's first list, every time
    expect(err.message).toContain("estimator: 'zxcvbn'");
    const c = await api.createChecker({ globalBannedTerms: [], breached: false, estimator: 'zxcvbn' });
    expect(c.policy().strength).toMatchObject({ estimator: 'zxcvbn' });
  });
});

describe('damaged data files (Node)', () => {
  const half = (b: Buffer) => b.subarray(0, b.length >> 1);
  it.each<[string, CheckerOptions]>([
    [Assets.dictionaryCompiled, {}],
    [Assets.bannedCompiled, { breached: false }],
    [Assets.breachedFull, {}],
  ])('a truncated %s is a DataError naming it, not a RangeError', async (file, options) => {
    const api = withDataDir(await dataDir([], { [file]: half }));
    const err = await refusal(api.createChecker(options));
    expect(err.file).toBe(file);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/damaged/);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('an empty global list is damaged, not "no banned terms"', async () => {
    const api = withDataDir(await dataDir([], { [Assets.globalBanned]: () => '' }));
    const err = await refusal(api.createChecker({ profile: 'entra' }));
    expect(err.file).toBe(Assets.globalBanned);
  });

  it('the shipped folder itself loads (the helpers above are not what fails)', async () => {
    const c = await withDataDir(await dataDir()).createChecker();
    expect(c.policy().lists.breached).toMatchObject({ entries: 999_999 });
  });
});

describe('missing data files (browser platform)', () => {
  const base = 'https://cdn.example/passgate/data/';
  // `files`: the shipped files served as they are (with the manifest they are verified against).
  const serving = (status: number | 'network', files: readonly string[] = []): typeof fetch =>
    (async (input: RequestInfo | URL) => {
      const name = new URL(String(input)).pathname.split('/').pop()!;
      if (files.includes(name)) return new Response(await readFile(join(shipped, name)));
      if (status === 'network') throw new TypeError('Failed to fetch');
      return new Response('no', { status });
    }) as typeof fetch;

  it.each([404, 403, 500])('HTTP %i for the global list: createChecker rejects with the URL and the status', async (status) => {
    for (const profile of ['recommended', 'entra', 'nist'] as const) {
      const err = await refusal(withDataUrl(base, { fetch: serving(status) }).createChecker({ profile }));
      expect(err.file).toBe(Assets.globalBanned);
      expect(err.status).toBe(status);
      expect(err.location).toBe(base + Assets.globalBanned);
      expect(err.message).toContain(base + Assets.globalBanned);
      expect(err.message).toContain(`HTTP ${status}`);
    }
  });

  it('a network error is a DataError naming the URL, with the cause kept', async () => {
    const err = await refusal(withDataUrl(base, { fetch: serving('network') }).createChecker({ profile: 'entra' }));
    expect(err.location).toBe(base + Assets.globalBanned);
    expect(err.status).toBeUndefined();
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it('a missing filter or word list is named; the browser never silently drops one', async () => {
    const lists = [Assets.globalBanned, 'manifest.json'];
    const filter = await refusal(withDataUrl(base, { fetch: serving(404, lists), tier: 'full' }).createChecker({ profile: 'nist' }));
    expect(filter.file).toBe(Assets.breachedSmall);
    const words = await refusal(withDataUrl(base, { fetch: serving(404, lists), tier: 'full' }).createChecker({ breached: false }));
    expect(words.file).toBe(Assets.commonPasswords);
    expect(words.status).toBe(404);
    // The light tier (the browser default) names its own files.
    const lightFilter = await refusal(withDataUrl(base, { fetch: serving(404, lists) }).createChecker({ profile: 'nist' }));
    expect(lightFilter.file).toBe('breached-light.pgf');
    const lightWords = await refusal(withDataUrl(base, { fetch: serving(404, lists) }).createChecker({ breached: false }));
    expect(lightWords.file).toBe('common-passwords.light.txt');
    expect(lightWords.status).toBe(404);
    const entra = await withDataUrl(base, { fetch: serving(404, lists) }).createChecker({ profile: 'entra' });
    expect(entra.evaluate('P@ssw0rd').accepted).toBe(false);
  });
});
