import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

describe("estimator: 'zxcvbn' (opt-in)", () => {
  it('loads zxcvbn-ts lazily and uses it for the strength verdict', async () => {
    const c = await createChecker({ estimator: 'zxcvbn', breached: false, globalBannedTerms: [] });
    expect(c.policy().strength).toEqual({ estimator: 'zxcvbn', minScore: 3 });
    const weak = c.evaluate('sunshine');
    expect(weak.strength?.score).toBeLessThan(3);
    expect(weak.policy.rejectedBy).toContain('WEAK');
    const strong = c.evaluate('violet-tundra-marble-quiver');
    expect(strong.strength?.score).toBeGreaterThanOrEqual(3);
    expect(strong.accepted).toBe(true);
  });

  it('caps its input so a long password stays cheap and never throws', async () => {
    const c = await createChecker({ estimator: 'zxcvbn', breached: false });
    const r = c.evaluate('q'.repeat(5) + 'Zx9!'.repeat(60));
    expect(r.strength).not.toBeNull();
  });
});
