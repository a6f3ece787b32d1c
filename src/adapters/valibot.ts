/**
 * `passgate/valibot`: the password policy as valibot validation actions. A rejected password
 * becomes one issue per reason, with the reason's message and `received` = its code (BREACHED, …);
 * the issue's `input` is left empty and an object path names the field without its value, so the
 * password never appears in an issue (valibot's own issues carry the value they checked).
 *
 *   const Password = v.pipe(v.string(), passwordCheck(checker));              // v.parse
 *   const Strict = v.pipeAsync(v.string(), passwordCheckAsync(checker));      // v.parseAsync
 *   const SignUp = v.pipeAsync(v.object({ email: v.string(), password: v.string() }),
 *     refinePasswordAsync(checker, { context: (d) => ({ email: d.email }) }));
 *
 * The synchronous actions run `checker.evaluate` and refuse, when made, a checker that needs
 * `evaluateAsync` (a range source, custom checks): use the Async ones in `pipeAsync` there.
 */
import { rawCheck, rawCheckAsync, type RawCheckActionAsync, type RawCheckAction, type RawCheckAddIssue } from 'valibot';
import type { Checker } from '../checker.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import type { PasswordContext } from '../types.js';
import { rejectionReasons, type SchemaCheckOptions, type SchemaRefineOptions } from './shared.js';

/** Options of `passwordCheck` and `passwordCheckAsync`. */
export interface PasswordCheckOptions extends SchemaCheckOptions {}
/** Options of `refinePassword` and `refinePasswordAsync`. */
export interface RefinePasswordOptions<T> extends SchemaRefineOptions<T> {}

/** The issues of a verdict: one per reason, none holding the password. */
function report(result: EvaluationResult, addIssue: RawCheckAddIssue<unknown>, field?: string): void {
  if (result.accepted) return;
  for (const r of rejectionReasons(result)) {
    addIssue({
      message: r.message,
      input: undefined,
      expected: 'a password the policy accepts',
      received: r.code,
      ...(field !== undefined && { path: [{ type: 'object', origin: 'value', input: {}, key: field, value: undefined }] }),
    });
  }
}

const evaluateOptions = (locale: string | undefined) => (locale === undefined ? undefined : { locale });

function assertSync(checker: Checker, name: string): void {
  if (checker.needsAsync) {
    throw new TypeError(`${name}: this checker needs evaluateAsync (a range source or custom checks); use ${name}Async in v.pipeAsync`);
  }
}

/** A validation action for `v.pipe(v.string(), …)`: only passwords the checker accepts pass. */
export function passwordCheck(checker: Checker, options: PasswordCheckOptions = {}): RawCheckAction<string> {
  assertSync(checker, 'passwordCheck');
  return rawCheck<string>(({ dataset, addIssue }) => {
    if (typeof dataset.value !== 'string') return; // the string schema before it reports that
    report(checker.evaluate(dataset.value, options.context, evaluateOptions(options.locale)), addIssue as RawCheckAddIssue<unknown>);
  });
}

/** The same for `v.pipeAsync(v.string(), …)`, with the checker's asynchronous sources and checks. */
export function passwordCheckAsync(checker: Checker, options: PasswordCheckOptions = {}): RawCheckActionAsync<string> {
  return rawCheckAsync<string>(async ({ dataset, addIssue }) => {
    if (typeof dataset.value !== 'string') return;
    report(await checker.evaluateAsync(dataset.value, options.context, evaluateOptions(options.locale)), addIssue as RawCheckAddIssue<unknown>);
  });
}

/**
 * An action for an object schema's pipe: judges `data[field]` with context taken from the other
 * fields, and puts the issues on that field's path. A missing or non-string field is left to the
 * object's own schema.
 */
export function refinePassword<T extends object>(checker: Checker, options: RefinePasswordOptions<T> = {}): RawCheckAction<T> {
  assertSync(checker, 'refinePassword');
  const field = options.field ?? 'password';
  return rawCheck<T>(({ dataset, addIssue }) => {
    const value = (dataset.value as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== 'string') return;
    report(checker.evaluate(value, options.context?.(dataset.value as T), evaluateOptions(options.locale)), addIssue as RawCheckAddIssue<unknown>, field);
  });
}

/** The same for `v.pipeAsync(v.object(…), …)`. */
export function refinePasswordAsync<T extends object>(checker: Checker, options: RefinePasswordOptions<T> = {}): RawCheckActionAsync<T> {
  const field = options.field ?? 'password';
  return rawCheckAsync<T>(async ({ dataset, addIssue }) => {
    const value = (dataset.value as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== 'string') return;
    report(await checker.evaluateAsync(value, options.context?.(dataset.value as T), evaluateOptions(options.locale)), addIssue as RawCheckAddIssue<unknown>, field);
  });
}
