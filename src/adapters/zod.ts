/**
 * `passgate/zod`: the password policy as zod validation. Asynchronous (it runs the checker's
 * `evaluateAsync`), so parse with `parseAsync` / `safeParseAsync`. A rejected password becomes
 * one custom issue per reason, with the reason's message and `params.passgate` = its code;
 * the password never appears in an issue.
 *
 *   const Password = passwordSchema(checker);                       // a z.string() that judges
 *   const SignUp = z.object({ email: z.email(), password: z.string() })
 *     .superRefine(refinePassword(checker, { context: (d) => ({ email: d.email }) }));
 */
import { z } from 'zod';
import type { Checker } from '../checker.js';
import type { PasswordContext } from '../types.js';
import { rejectionReasons, type SchemaCheckOptions, type SchemaRefineOptions } from './shared.js';

/** Options of `passwordSchema`. */
export interface PasswordSchemaOptions extends SchemaCheckOptions {}
/** Options of `refinePassword`. */
export interface RefinePasswordOptions<T> extends SchemaRefineOptions<T> {}

/** The part of zod's refinement context this uses (zod 3 and 4 share it). */
interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; params?: Record<string, unknown>; path?: (string | number)[] }): void;
}

async function judge(checker: Checker, password: string, ctx: IssueSink, context: PasswordContext | undefined, locale: string | undefined, path?: (string | number)[]): Promise<void> {
  const result = await checker.evaluateAsync(password, context, locale === undefined ? undefined : { locale });
  if (result.accepted) return;
  for (const r of rejectionReasons(result)) ctx.addIssue({ code: 'custom', message: r.message, params: { passgate: r.code }, ...(path && { path }) });
}

/** A `z.string()` that accepts only passwords the checker accepts. */
export function passwordSchema(checker: Checker, options: PasswordSchemaOptions = {}): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => judge(checker, value, ctx as unknown as IssueSink, options.context, options.locale));
}

/**
 * A `superRefine` callback for an object schema: judges `data[field]` with context taken from the
 * other fields, and puts the issues on that field's path. A missing or non-string field is left
 * to the object's own schema.
 */
export function refinePassword<T extends object>(checker: Checker, options: RefinePasswordOptions<T> = {}): (data: T, ctx: z.RefinementCtx) => Promise<void> {
  const field = options.field ?? 'password';
  return async (data, ctx) => {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value !== 'string') return;
    await judge(checker, value, ctx as unknown as IssueSink, options.context?.(data), options.locale, [field]);
  };
}
