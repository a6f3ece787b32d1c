import { importOptional } from '../optional-import.js';

/**
 * zxcvbn-ts as an opt-in estimator. It is loaded only when asked for (`estimator: 'zxcvbn'`),
 * its factory built once per checker. Our normaliser already undid leetspeak, so its own l33t
 * search is off: measured here, that alone takes it from ~16 to ~540 evaluations a second.
 */
export interface ZxcvbnEstimator {
  estimate(folded: string, userInputs: readonly string[]): { guesses: number; guessesLog10: number; score: 0 | 1 | 2 | 3 | 4 };
}

/**
 * The zxcvbn-ts estimator as a value to pass as `estimator` (`passgate/zxcvbn` exports one). It
 * lives behind its own entry point so that bundling `passgate` never pulls zxcvbn-ts in: a
 * bundler without code splitting would inline the dynamic import (~250 KB gzip).
 */
export interface ZxcvbnPlugin {
  readonly estimator: 'zxcvbn';
  load(): Promise<ZxcvbnEstimator>;
}

/** zxcvbn's cost grows steeply with length (1.1 s for 100 random characters): cap its input. */
export const ZXCVBN_MAX_LENGTH = 64;

// Optional peer dependencies: a library install without `estimator: 'zxcvbn'` never needs them.
const ZXCVBN_PACKAGES = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common'];

export async function loadZxcvbn(): Promise<ZxcvbnEstimator> {
  const [{ ZxcvbnFactory }, common] = await importOptional(
    () => Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]),
    "estimator: 'zxcvbn'",
    ZXCVBN_PACKAGES,
  );
  const factory = new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
    l33tMaxSubstitutions: 0,
    maxLength: ZXCVBN_MAX_LENGTH,
  });
  return {
    estimate(folded, userInputs) {
      const r = factory.check(folded.slice(0, ZXCVBN_MAX_LENGTH), [...userInputs]);
      return { guesses: r.guesses, guessesLog10: r.guessesLog10, score: r.score as 0 | 1 | 2 | 3 | 4 };
    },
  };
}
