import { describe, expect, it } from 'vitest';
import { createBrowserPlatform } from '../../src/browser.js';
import { bindApi } from '../../src/api.js';
import { zxcvbn } from '../../src/zxcvbn.js';

// A platform with no data at all: enough for a checker with every list given explicitly.
const noData = createBrowserPlatform({ baseUrl: 'https://example.invalid/data/', fetch: async () => new Response(null, { status: 404 }) });
const { createChecker } = bindApi(noData);
const lists = { breached: false, globalBannedTerms: [] } as const;

describe('passgate/zxcvbn on a platform without zxcvbn-ts built in (the browser core)', () => {
  it("refuses `estimator: 'zxcvbn'` and says where the estimator is", async () => {
    await expect(createChecker({ ...lists, estimator: 'zxcvbn' })).rejects.toThrow(/passgate\/zxcvbn/);
  });

  it('uses the estimator passed from passgate/zxcvbn', async () => {
    const c = await createChecker({ ...lists, estimator: zxcvbn });
    expect(c.policy().strength).toEqual({ estimator: 'zxcvbn', minScore: 3 });
    expect(c.evaluate('sunshine').policy.rejectedBy).toContain('WEAK');
    expect(c.evaluate('violet-tundra-marble-quiver').accepted).toBe(true);
  });

  it('rejects an estimator object without a loader', async () => {
    await expect(createChecker({ ...lists, estimator: { estimator: 'zxcvbn' } as never })).rejects.toThrow(TypeError);
  });
});
