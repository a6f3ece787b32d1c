/**
 * What both entry points (Node and browser) export besides the platform-bound functions and the
 * filter module, which each entry takes from its own platform's implementation.
 */
export { Checker, type EvaluateOptions } from './checker.js';
export { PassgateError, DataError, type DataErrorDetails } from './errors.js';
export { Codes, type BuiltInCode } from './codes.js';
export type { CheckerOptions, BreachedOption } from './options.js';
export type { EvaluationResult, StrengthSummary } from './engine/evaluate.js';
export type { PolicyDescription } from './policy/describe.js';
export type { Feedback } from './wording/feedback.js';
export type { Locale } from './wording/locales.js';
export type { Messages, LocaleMessages, MessageEntry, MessageText, MessageParams, StrictMessages, CheckedMessages } from './wording/messages.js';
export type * from './types.js';
export { ENTRA_SUBSTITUTIONS, RECOMMENDED_SUBSTITUTIONS, type SubstitutionTable } from './normalise/substitutions.js';
