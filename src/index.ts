import { bindApi } from './api.js';
import { nodePlatform } from './assets/node.js';

const api = bindApi(nodePlatform);

/** Loads the lists once and returns a checker. Throws TypeError/RangeError on bad options. */
export const createChecker = api.createChecker;
/** Judges a password with a default checker, created on first use and reused after. */
export const evaluate = api.evaluate;

export { Checker, type EvaluateOptions } from './checker.js';
export { Codes, type BuiltInCode } from './codes.js';
export type { CheckerOptions, BreachedOption } from './options.js';
export type { EvaluationResult, StrengthSummary } from './engine/evaluate.js';
export type { PolicyDescription } from './policy/describe.js';
export type { Feedback } from './wording/feedback.js';
export type * from './types.js';
export { ENTRA_SUBSTITUTIONS, RECOMMENDED_SUBSTITUTIONS, type SubstitutionTable } from './normalise/substitutions.js';
export {
  buildFilter,
  createFilterBuilder,
  loadFilter,
  FilterFormatError,
  type BreachedFilter,
  type FilterBuilder,
  type FilterOptions,
} from './filter/node.js';
