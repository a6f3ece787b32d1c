/**
 * A disk cache of the peers' verdicts for bench/quality.ts, so that a re-run after a passgate
 * change re-runs only passgate (zxcvbn-ts alone takes most of a full run).
 *
 * The key is the tool's identity (name, version, options) and a hash of the exact list of
 * passwords judged, in order: that list is fixed by the set's file, the sample seed and size,
 * and the strong family's seed and size, so any change to one of them is a different key and
 * nothing stale can be read back. Entries live in the gitignored .cache/quality/verdicts/ as one
 * line of '0'/'1' per password list (no password is written).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Judge = (passwords: readonly string[]) => Promise<boolean[]>;

export interface PeerCacheStats {
  hits: number;
  misses: number;
}

/** The key of one (tool identity, password list) pair; exported for the test of the key's inputs. */
export function verdictKey(toolIdentity: string, passwords: readonly string[]): string {
  const list = createHash('sha256');
  for (const p of passwords) list.update(p).update('\0');
  return createHash('sha256').update(toolIdentity).update('\0').update(list.digest()).digest('hex');
}

/**
 * Wraps a judge so that its verdicts are read from / written to `dir`. With `enabled` false the
 * judge always runs, and its fresh verdicts still replace the cached ones (`--no-peer-cache`).
 */
export function cachedJudge(dir: string, toolIdentity: string, judge: Judge, enabled: boolean, stats: PeerCacheStats): Judge {
  return async (passwords) => {
    const file = resolve(dir, `${verdictKey(toolIdentity, passwords)}.txt`);
    if (enabled && existsSync(file)) {
      const line = readFileSync(file, 'utf8').trim();
      if (line.length === passwords.length && /^[01]*$/.test(line)) {
        stats.hits++;
        return [...line].map((c) => c === '1');
      }
    }
    stats.misses++;
    const verdicts = await judge(passwords);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, verdicts.map((v) => (v ? '1' : '0')).join('') + '\n');
    renameSync(tmp, file); // a run killed half-way never leaves a truncated entry behind
    return verdicts;
  };
}
