import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, distIsStale } from '../../scripts/ensure-built.js';

/**
 * The suite tests the built package (CLI, bundle, page): a dist/ older than an edited src/ made
 * the browser end-to-end test compare the library's new verdicts with the bundle's old ones. The
 * global setup now rebuilds dist/ when a source is newer than the oldest built entry.
 */
describe('a checkout whose dist/ is older than its sources', () => {
  const checkout = (srcAt: number, distAt: number) => {
    const root = mkdtempSync(join(tmpdir(), 'pg-built-')) + '/';
    mkdirSync(join(root, 'src/score'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    const src = join(root, 'src/score/estimate.ts');
    writeFileSync(src, '');
    utimesSync(src, srcAt, srcAt);
    for (const f of DIST) {
      writeFileSync(join(root, f), '');
      utimesSync(join(root, f), distAt, distAt);
    }
    return root;
  };

  it.each([
    [2_000, 1_000, true],
    [1_000, 2_000, false],
  ])('source at %i, dist at %i: stale %s', (srcAt, distAt, stale) => {
    expect(distIsStale(checkout(srcAt, distAt))).toBe(stale);
  });

  it('counts a missing entry as stale', () => {
    const root = checkout(1_000, 2_000);
    writeFileSync(join(root, 'dist/placeholder'), '');
    expect(distIsStale(root.replace(/\/$/, '/missing/'))).toBe(true);
  });
});
