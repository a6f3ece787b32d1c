import { describe, expect, it } from 'vitest';
import { SUBSET_COUNT, readGolden, verdictDigest } from '../../scripts/verdict-digest.js';

/**
 * Every verdict change shows in a diff (issue 19): the digest of the fixed corpus's first
 * SUBSET_COUNT passwords under the three profiles must equal the committed golden file. The full
 * 120 k corpus is `npx tsx scripts/verdict-digest.ts --check` (too slow for the suite). A change
 * that alters verdicts rewrites the file (`--write`) and its commit says why.
 */
describe('verdict digest (test/golden/verdict-digest.json)', () => {
  it('the subset corpus gives the committed digest', async () => {
    const golden = readGolden();
    expect(golden.full.passwords).toBe(120_000);
    const got = await verdictDigest(SUBSET_COUNT);
    expect(got).toEqual(golden.subset);
  }, 120_000);
});
