import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChecker, PassgateError, type Checker, type CheckerOptions } from '../../src/index.js';
import * as browser from '../../src/browser.js';
import { LOCALES } from '../../src/wording/locales.js';
import { SnapshotError } from '../../src/popularity/store-memory.js';

const SECRET = 'test-secret-0123456789';
const CHOSEN = ['Zephyr#Lantern2024', 'zephyr#lantern2023!', 'Zephyr#Lantern2022'];
const open: Checker[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});
async function checker(popularity: Record<string, unknown>, extra: CheckerOptions = {}): Promise<Checker> {
  const c = await createChecker({ ...extra, popularity: { limit: 3, secret: SECRET, ...popularity } as CheckerOptions['popularity'] });
  open.push(c);
  return c;
}
const refused = (c: Checker, p: string) => c.evaluate(p).policy.rejectedBy.includes('POPULAR_PASSWORD');

describe('popularity, in process', () => {
  it('refuses the fourth account that picks a variant of a root three others chose', async () => {
    const c = await checker({});
    for (const p of CHOSEN) {
      expect(refused(c, p)).toBe(false);
      await c.recordChosen(p);
    }
    const r = c.evaluate('Zephyr#Lantern2025');
    expect(r.accepted).toBe(false);
    expect(r.policy.rejectedBy).toEqual(['POPULAR_PASSWORD']);
    expect(r.findings.find((f) => f.code === 'POPULAR_PASSWORD')).toMatchObject({ source: 'popularity', severity: 'reject' });
    expect((await c.evaluateAsync('ZEPHYR#LANTERN1999')).policy.rejectedBy).toContain('POPULAR_PASSWORD');
    // Another root is untouched.
    expect(refused(c, 'Quillon#Marsh2025')).toBe(false);
  });

  it.each([
    [2, 2], [3, 3], [5, 5], [10, 10],
  ])('with limit %i, refuses once %i accounts chose the root, not before', async (limit, needed) => {
    const c = await checker({ limit });
    for (let i = 0; i < needed; i++) {
      expect(refused(c, 'Brindlecomb!2025')).toBe(false);
      await c.recordChosen(`Brindlecomb!${2000 + i}`);
    }
    expect(refused(c, 'brindlecomb2026')).toBe(true);
  });

  it('counts on recordChosen only: evaluating never counts', async () => {
    const c = await checker({ limit: 2 });
    for (let i = 0; i < 20; i++) c.evaluate('Harrowgate$Pine7');
    expect(refused(c, 'Harrowgate$Pine7')).toBe(false);
    await c.recordChosen('Harrowgate$Pine7');
    expect(refused(c, 'Harrowgate$Pine8')).toBe(false);
    await c.recordChosen('Harrowgate$Pine9');
    expect(refused(c, 'Harrowgate$Pine8')).toBe(true);
  });

  it('has a message and a suggestion for POPULAR_PASSWORD in every locale', async () => {
    const c = await checker({ limit: 2 });
    await c.recordChosen('Tessellate#Owl1');
    await c.recordChosen('Tessellate#Owl3');
    const seen = new Set<string>();
    for (const locale of LOCALES) {
      const r = c.evaluate('Tessellate#Owl2', undefined, { locale });
      const f = r.findings.find((x) => x.code === 'POPULAR_PASSWORD')!;
      expect(f.message, locale).toBeTruthy();
      expect(r.feedback.warning, locale).toBe(f.message);
      expect(r.feedback.suggestions.length, locale).toBeGreaterThan(0);
      seen.add(f.message!);
    }
    expect(seen.size).toBe(LOCALES.length);
  });

  it('never returns a count, a root, the secret or the password', async () => {
    const c = await checker({ limit: 2 });
    // Invented words: no list holds them, so only a leak could put them in the result.
    await c.recordChosen('Vormacle#Pruneth2024');
    await c.recordChosen('Vormacle#Pruneth2023');
    const r = c.evaluate('Vormacle#Pruneth2025');
    expect(r.policy.rejectedBy).toContain('POPULAR_PASSWORD');
    const text = JSON.stringify(r) + JSON.stringify(await c.popularityStats()) + String(c);
    for (const secret of ['Vormacle#Pruneth2025', 'vormacle#pruneth', 'vormacle', 'pruneth', SECRET]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(r.findings.find((f) => f.code === 'POPULAR_PASSWORD')!.params).toBeUndefined();
  });

  it('counts a password without a root (digits and symbols only) as itself, not as one shared empty root', async () => {
    const c = await checker({ limit: 2 });
    await c.recordChosen('2024!!2024');
    await c.recordChosen('2023!!2023');
    expect(refused(c, '1999##1999')).toBe(false);
    await c.recordChosen('2024!!2024');
    expect(refused(c, '2024!!2024')).toBe(true);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a short secret', { secret: 'short' }, /at least 16 bytes/],
    ['no secret', { secret: undefined }, /secret/],
    ['a zero limit', { limit: 0 }, /limit/],
    ['a limit of 1 (it would tell who chose what)', { limit: 1 }, /between 2 and 1000/],
    ['a fractional limit', { limit: 2.5 }, /limit/],
    ['both stores', { redisUrl: 'redis://127.0.0.1:1', file: '/tmp/x' }, /not both/],
    ['an http URL', { redisUrl: 'http://127.0.0.1:6379' }, /redis:\/\//],
    ['a bad onError', { onError: 'ignore' }, /onError/],
    ['an unknown key', { limits: 3 }, /Unknown option `popularity.limits`/],
    ['a zero timeout', { timeoutMs: 0 }, /timeoutMs/],
  ])('refuses %s at construction, naming the option and never the secret', async (_, popularity, message) => {
    const err = await createChecker({ popularity: { limit: 3, secret: SECRET, ...popularity } as CheckerOptions['popularity'] }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain(SECRET);
  });

  it('says recordChosen needs the option, and refuses over-long passwords', async () => {
    const plain = await createChecker();
    await expect(plain.recordChosen('Zephyr#Lantern2024')).rejects.toThrow(/popularity/);
    await plain.close(); // nothing to release: still fine
    const c = await checker({}, { maxLength: 64 });
    await expect(c.recordChosen('x'.repeat(65))).rejects.toThrow(RangeError);
    await expect(c.recordChosen(42 as unknown as string)).rejects.toThrow(TypeError);
  });

  it('is refused by the browser entry with a clear TypeError, before any data is fetched', async () => {
    await expect(browser.createChecker({ popularity: { limit: 3, secret: SECRET } })).rejects.toThrow(/server-side feature/);
  });
});

describe('the snapshot file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'passgate-pop-'));

  it('keeps the counts across a restart, written atomically (no temporary file left)', async () => {
    const d = dir();
    const file = join(d, 'popularity.bin');
    const a = await checker({ file });
    for (const p of CHOSEN) await a.recordChosen(p);
    await a.close();
    expect(readdirSync(d)).toEqual(['popularity.bin']);
    const b = await checker({ file });
    expect(refused(b, 'Zephyr#Lantern2025')).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('lantern'))).toBe(false);
  });

  it('shares one store between the checkers of a process that name it (a service reload), until the last closes', async () => {
    const file = join(dir(), 'shared.bin');
    const old = await checker({ file });
    await old.recordChosen('Zephyr#Lantern2024');
    const next = await checker({ file, limit: 2 }); // a reload with another limit: same sketch
    await next.recordChosen('Zephyr#Lantern2023');
    await old.close();
    expect(refused(next, 'Zephyr#Lantern2025')).toBe(true);
    expect(refused(old, 'Zephyr#Lantern2025')).toBe(false); // limit 3: its own limit still applies
    await next.close();
    const fresh = await checker({ file, limit: 2 });
    expect(refused(fresh, 'Zephyr#Lantern2025')).toBe(true); // from the snapshot the last close wrote
  });

  it('starts empty when the file does not exist yet', async () => {
    const c = await checker({ file: join(dir(), 'new.bin') });
    expect((await c.popularityStats())!.fill).toBe(0);
  });

  it.each<[string, (file: string) => void, RegExp]>([
    ['truncated', (f) => writeFileSync(f, readFileSync(f).subarray(0, 100)), /bytes where this sketch takes/],
    ['grown', (f) => writeFileSync(f, Buffer.concat([readFileSync(f), Buffer.alloc(1)])), /bytes where this sketch takes/],
    ['damaged', (f) => { const b = readFileSync(f); b[b.length - 40]! ^= 1; writeFileSync(f, b); }, /checksum/],
    ['not a snapshot', (f) => { const b = readFileSync(f); b.write('XXXXXXXX', 0); writeFileSync(f, b); }, /not a passgate popularity snapshot/],
  ])('refuses a %s snapshot at start, never half-reading it', async (_, spoil, message) => {
    const file = join(dir(), 'p.bin');
    const a = await checker({ file });
    await a.recordChosen('Zephyr#Lantern2024');
    await a.close();
    spoil(file);
    const err = await createChecker({ popularity: { limit: 3, secret: SECRET, file } }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(SnapshotError);
    expect(err).toBeInstanceOf(PassgateError);
    expect((err as Error).message).toMatch(message);
  });

  it('refuses a snapshot written with another secret or another size', async () => {
    const file = join(dir(), 'p.bin');
    const a = await checker({ file });
    await a.recordChosen('Zephyr#Lantern2024');
    await a.close();
    await expect(createChecker({ popularity: { limit: 3, secret: 'another-secret-0123456789', file } })).rejects.toThrow(/another secret/);
    await expect(createChecker({ popularity: { limit: 3, secret: SECRET, file, expectedAccounts: 1_000_000 } })).rejects.toThrow(/bytes where/);
  });
});
