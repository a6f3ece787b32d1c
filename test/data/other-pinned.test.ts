// The other-language words are committed with a pin, so the shipped data is the same on every
// machine (scripts/wordlists/other-pinned.ts). These tests run the real build on fixture lists.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWordlists, type Manifest } from '../../scripts/build-wordlists.js';
import { PIN_FILE, PIN_WORDS, readPinned, type PinnedOtherWords } from '../../scripts/wordlists/other-pinned.js';

const tmp = mkdtempSync(join(tmpdir(), 'passgate-pin-'));
const dictDir = join(tmp, 'dict');
const versions: Record<string, string> = { wspanish: '1.0.30', wportuguese: '20220621-1', wdutch: '1:2.20.19-2', wpolish: '20220301-1' };
const dpkgVersion = (p: string) => versions[p] ?? null;
const other = (ms: Manifest[]) => ms.find((m) => m.file === 'dictionary-other.txt')!;
const words = (dir: string) => readFileSync(join(dir, 'dictionary-other.txt'), 'utf8');

let derived: PinnedOtherWords;

beforeAll(async () => {
  mkdirSync(dictDir);
  // Every pinned language present (at the versions above), each with words the 1M list supports.
  writeFileSync(join(dictDir, 'spanish'), 'campeón\ntulipán\n');
  writeFileSync(join(dictDir, 'portuguese'), 'futebol\n');
  writeFileSync(join(dictDir, 'dutch'), 'konijn\n');
  writeFileSync(join(dictDir, 'polish'), 'kwiatek\n');
  const out = join(tmp, 'derived');
  const m = other(await buildWordlists(out, { dictDir, dpkgVersion, pinned: null }));
  const text = words(out);
  derived = {
    words: text.slice(0, -1).split('\n'),
    pin: { packages: Object.entries(versions).map(([p, version]) => ({ package: p, version })), entries: m.entries, sha256: m.sha256, sources: m.sources, transform: m.transform },
  };
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('committed other-language words', () => {
  it('are what the build ships when no Debian list is installed: same bytes, same manifest as a checked build', async () => {
    const warned: string[] = [];
    const none = join(tmp, 'none');
    const m = other(await buildWordlists(none, { dictDir: join(tmp, 'missing'), warn: (l) => warned.push(l) }));
    expect(words(none)).toBe(readFileSync(resolve(PIN_WORDS), 'utf8'));
    expect(m.entries).toBeGreaterThan(10_000);
    expect(m.skipped).toBeUndefined();
    const pin = readPinned(resolve('.')).pin;
    expect(m).toEqual({ file: 'dictionary-other.txt', entries: pin.entries, bytes: m.bytes, sha256: pin.sha256, sources: pin.sources, transform: pin.transform });
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/without checking it .*wspanish not installed/);
  }, 60_000);

  it('pass the check when the pinned lists derive exactly them, silently', async () => {
    const warned: string[] = [];
    const out = join(tmp, 'verified');
    const m = other(await buildWordlists(out, { dictDir, dpkgVersion, pinned: derived, warn: (l) => warned.push(l) }));
    expect(m.sha256).toBe(derived.pin.sha256);
    expect(warned).toEqual([]);
  }, 60_000);

  it('fail the build loudly when the pinned lists derive other words', async () => {
    const tampered: PinnedOtherWords = { words: derived.words.slice(1), pin: { ...derived.pin, sha256: '0'.repeat(64), entries: derived.pin.entries - 1 } };
    await expect(buildWordlists(join(tmp, 'bad'), { dictDir, dpkgVersion, pinned: tampered, warn: () => {} })).rejects.toThrow(
      /differ from wordlists\/dictionary-other\.txt.*--update-other-words/,
    );
  }, 60_000);

  it('are shipped unchecked, with a note, when a list is at another version than pinned', async () => {
    const warned: string[] = [];
    const out = join(tmp, 'other-version');
    const newer = (p: string) => (p === 'wdutch' ? '1:2.20.20-1' : dpkgVersion(p));
    const m = other(await buildWordlists(out, { dictDir, dpkgVersion: newer, pinned: derived, warn: (l) => warned.push(l) }));
    expect(m.sha256).toBe(derived.pin.sha256);
    expect(warned.join('\n')).toContain('wdutch 1:2.20.20-1 installed, 1:2.20.19-2 pinned');
  }, 60_000);

  it('refuse a hand-edited word file', () => {
    const root = join(tmp, 'root');
    mkdirSync(join(root, 'wordlists'), { recursive: true });
    copyFileSync(resolve(PIN_FILE), join(root, PIN_FILE));
    writeFileSync(join(root, PIN_WORDS), readFileSync(resolve(PIN_WORDS), 'utf8') + 'extra\n');
    expect(() => readPinned(root)).toThrow(/does not match the sha256/);
  });

  it('are the shipped data/dictionary-other.txt', () => {
    expect(readFileSync(resolve('data/dictionary-other.txt'), 'utf8')).toBe(readFileSync(resolve(PIN_WORDS), 'utf8'));
  });
});
