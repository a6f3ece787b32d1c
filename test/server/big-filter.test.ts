import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFilter } from '../../src/filter/index.js';
import { loadFilter } from '../../src/filter/node.js';
import { startTestServer, type TestServer } from './helpers.js';

// Issue 12: `serve --breached FILE` must work on filters of any size. Past
// `limits.pageFilterMaxBytes` the file is opened by path, part by part (never one buffer), and the
// page gets the shipped small tier instead of a download of many GiB. The limit is set to 0 here
// so that a small test filter takes the big-file path.
describe('passgate serve with a filter too large to hand to the page', () => {
  let s: TestServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ownPasswords = ['Zq7!unlisted-owned-1', 'Zq7!unlisted-owned-2', 'Zq7!unlisted-owned-3'];

  function filterFile(): string {
    dir = mkdtempSync(join(tmpdir(), 'passgate-big-'));
    const path = join(dir, 'own.pgf');
    writeFileSync(path, buildFilter(ownPasswords, { falsePositiveRate: 1e-4 }));
    return path;
  }

  it.each([
    ['opened by path, the page gets the small shipped tier', 0],
    ['small enough: read once, the page gets the same filter', undefined],
  ])('judges with the configured filter when %s', async (_, pageFilterMaxBytes) => {
    const path = filterFile();
    s = await startTestServer({ breachedFile: path, ...(pageFilterMaxBytes !== undefined && { limits: { pageFilterMaxBytes } }) });
    for (const password of ownPasswords) {
      const r = (await s.post('/v1/evaluate', JSON.stringify({ password }))).json;
      expect(r.accepted, password).toBe(false);
      expect(r.policy.rejectedBy).toContain('BREACHED');
    }
    expect((await s.get('/v1/policy')).json.lists.breached.entries).toBe(ownPasswords.length);
    const page = (await s.get('/page/config.json')).json;
    const small = loadFilter(new Uint8Array(readFileSync(new URL('../../data/breached-100k.pgf', import.meta.url)))).count;
    expect(page.breached.entries).toBe(pageFilterMaxBytes === 0 ? small : ownPasswords.length);
    const served = await s.get(page.breached.url.replace(/^/, '/'));
    expect(served.status).toBe(200);
  });

  it('names a damaged big filter at startup instead of serving without it', async () => {
    const path = filterFile();
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(path, bytes);
    await expect(startTestServer({ breachedFile: path, limits: { pageFilterMaxBytes: 0 } })).rejects.toThrow(/invalid configuration \(FilterFormatError.*checksum/);
  });
});
