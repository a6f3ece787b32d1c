import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedJudge, verdictKey, type PeerCacheStats } from '../../bench/peer-cache.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'peer-cache-'));
  dirs.push(d);
  return d;
};
/** A peer that rejects passwords shorter than 6 and counts how often it is really called. */
const counting = () => {
  const calls: number[] = [];
  return { calls, judge: async (ps: readonly string[]) => (calls.push(ps.length), ps.map((p) => p.length < 6)) };
};

describe('bench peer-verdict cache', () => {
  it('returns the same verdicts from the cache without calling the peer again', async () => {
    const dir = tmp();
    const stats: PeerCacheStats = { hits: 0, misses: 0 };
    const peer = counting();
    const judge = cachedJudge(dir, 'tool 1.0', peer.judge, true, stats);
    const list = ['short', 'longer one', 'abc', 'password123'];
    const first = await judge(list);
    const second = await judge(list);
    expect(second).toEqual(first);
    expect(first).toEqual([true, false, true, false]);
    expect(peer.calls).toEqual([4]);
    expect(stats).toEqual({ hits: 1, misses: 1 });
    // no password is written to disk
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0]!), 'utf8')).toBe('1010\n');
  });

  it.each([
    ['another tool identity (version or options)', 'tool 1.1', ['short', 'longer one']],
    ['another list (set, seed or size)', 'tool 1.0', ['short', 'longer one', 'x']],
    ['the same passwords in another order', 'tool 1.0', ['longer one', 'short']],
  ])('misses on %s', async (_what, identity, list) => {
    const dir = tmp();
    const stats: PeerCacheStats = { hits: 0, misses: 0 };
    const peer = counting();
    await cachedJudge(dir, 'tool 1.0', peer.judge, true, stats)(['short', 'longer one']);
    await cachedJudge(dir, identity, peer.judge, true, stats)(list);
    expect(stats).toEqual({ hits: 0, misses: 2 });
    expect(peer.calls).toHaveLength(2);
  });

  it('re-runs the peer when the cache is disabled (--no-peer-cache)', async () => {
    const dir = tmp();
    const stats: PeerCacheStats = { hits: 0, misses: 0 };
    const peer = counting();
    await cachedJudge(dir, 't', peer.judge, true, stats)(['abc']);
    await cachedJudge(dir, 't', peer.judge, false, stats)(['abc']);
    expect(peer.calls).toHaveLength(2);
  });

  it('keys do not collide when passwords are joined differently', () => {
    expect(verdictKey('t', ['ab', 'c'])).not.toBe(verdictKey('t', ['a', 'bc']));
    expect(verdictKey('t', ['a'])).not.toBe(verdictKey('t ', ['a']));
  });
});
