import { describe, expect, it } from 'vitest';
import { buildFilter, createChecker, createFilterBuilder } from '../../src/index.js';

describe('breached check in evaluate', () => {
  it('the default checker reports BREACHED from the embedded top-1M filter', async () => {
    const c = await createChecker();
    const f = c.evaluate('123456789').findings.find((x) => x.code === 'BREACHED');
    expect(f).toMatchObject({ source: 'breached', severity: 'reject' });
    expect(c.policy().lists.breached).toMatchObject({ entries: 999_999 });
  });

  it('is off with breached: false and in the entra profile by default', async () => {
    for (const c of [await createChecker({ breached: false }), await createChecker({ profile: 'entra' })]) {
      expect(c.evaluate('123456789').findings.some((x) => x.code === 'BREACHED')).toBe(false);
      expect(c.policy().lists.breached).toBeNull();
    }
  });

  it('uses a caller-built filter of plain-text passwords', async () => {
    const bytes = buildFilter(['Tundra-Quiver-88', 'another one'], { falsePositiveRate: 1e-6 });
    const c = await createChecker({ breached: { bytes } });
    expect(c.evaluate('Tundra-Quiver-88').policy.rejectedBy).toContain('BREACHED');
    expect(c.evaluate('violet-tundra-marble-quiver').policy.rejectedBy).not.toContain('BREACHED');
  });

  it('uses an HIBP (SHA-1) filter: the hash of "password" built in is found by the password', async () => {
    const b = createFilterBuilder({ expectedCount: 1, keyType: 'sha1', falsePositiveRate: 1e-6 });
    b.addSha1Hex('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
    const c = await createChecker({ profile: 'nist', breached: { bytes: b.finish() } });
    expect(c.evaluate('password').policy.rejectedBy).toContain('BREACHED');
    expect(c.evaluate('Password').policy.rejectedBy).not.toContain('BREACHED');
  });

  it('rejects corrupt filter bytes at construction with FilterFormatError', async () => {
    await expect(createChecker({ breached: { bytes: new Uint8Array(100) } })).rejects.toThrow(/FilterFormatError|magic|filter/i);
  });
});
