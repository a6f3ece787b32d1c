/**
 * `passgate/zxcvbn`: zxcvbn-ts as an opt-in strength estimator, on its own entry point so that
 * bundling `passgate` for a page never pulls it in.
 *
 *   import { zxcvbn } from 'passgate/zxcvbn';
 *   const checker = await createChecker({ estimator: zxcvbn });
 *
 * (In Node, `estimator: 'zxcvbn'` loads the same estimator lazily.)
 */
import { loadZxcvbn, type ZxcvbnPlugin } from './score/zxcvbn.js';

export const zxcvbn: ZxcvbnPlugin = { estimator: 'zxcvbn', load: loadZxcvbn };
export type { ZxcvbnPlugin, ZxcvbnEstimator } from './score/zxcvbn.js';
