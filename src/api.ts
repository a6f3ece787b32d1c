import type { PasswordContext } from './types.js';
import type { CheckerOptions } from './options.js';
import type { Platform } from './assets/platform.js';
import { createCheckerOn, type Checker, type EvaluateOptions } from './checker.js';
import type { EvaluationResult } from './engine/evaluate.js';
import type { Messages } from './wording/messages.js';

/**
 * The public functions, bound to a platform. Each entry point (Node, browser) binds its own, so
 * the engine itself never imports a platform module.
 */
export function bindApi(platform: Platform) {
  let defaultChecker: Promise<Checker> | undefined;
  return {
    /**
     * Loads the lists once and returns a checker. Throws TypeError/RangeError on bad options.
     * Generic only so a literal `messages` is checked as written (wording/messages.ts).
     */
    createChecker<const M extends Messages = Messages>(options?: CheckerOptions<M>): Promise<Checker> {
      return createCheckerOn(platform, options as CheckerOptions | undefined);
    },
    /** Judges a password with a default checker, created on first use and reused after. */
    async evaluate(password: string, context?: PasswordContext, options?: EvaluateOptions): Promise<EvaluationResult> {
      if (typeof password !== 'string') throw new TypeError('The `password` argument must be a string');
      defaultChecker ??= createCheckerOn(platform).catch((err: unknown) => {
        defaultChecker = undefined; // let a later call retry, e.g. after data was built
        throw err;
      });
      return (await defaultChecker).evaluate(password, context, options);
    },
  };
}
