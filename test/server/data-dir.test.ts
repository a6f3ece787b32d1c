import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remanifest } from '../helpers/manifest.js';

// The page must get the very lists the server judges with: when PASSGATE_DATA_DIR points the
// checker at another data folder, /data/* is served from that folder too, not the package's.
// (Read on first use, so set before this file builds any checker; vitest runs each file alone.)
const dir = mkdtempSync(join(tmpdir(), 'passgate-datadir-'));
cpSync(new URL('../../data/', import.meta.url), dir, { recursive: true });
const MARKER = 'zzmarkerterm';
const original = readFileSync(join(dir, 'global-banned.txt'), 'utf8');
writeFileSync(join(dir, 'global-banned.txt'), `${original.trimEnd()}\n${MARKER}\n`);
// The compiled index belongs to the shipped list: an edited list goes without it (or with a rebuilt one).
rmSync(join(dir, 'banned-recommended.bin'));
// Every data file is verified against the folder's manifest: an edited copy gets a new one, as
// its data build would write.
remanifest(dir);
process.env.PASSGATE_DATA_DIR = dir;

const { startTestServer } = await import('./helpers.js');

describe('passgate serve with PASSGATE_DATA_DIR', () => {
  afterAll(() => {
    delete process.env.PASSGATE_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page the data folder the checker reads', async () => {
    const s = await startTestServer({ breachedFile: false });
    try {
      const judged = (await s.post('/v1/evaluate', JSON.stringify({ password: MARKER }))).json;
      expect(judged.findings.map((f: { code: string }) => f.code)).toContain('BANNED_TERM');
      const served = await s.get('/data/global-banned.txt');
      expect(served.status).toBe(200);
      expect(served.text.trimEnd().endsWith(MARKER)).toBe(true);
    } finally {
      await s.close();
    }
  });
});
