/**
 * What every framework adapter (passgate/express, /fastify, /zod, /better-auth, /zitadel) says
 * about a verdict, in one shape: the codes and messages of the rejecting findings, never the
 * password, a term or an offset. No framework and no Node built-in is imported here.
 */
import type { Checker } from '../checker.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import type { PasswordContext } from '../types.js';

/** Options of a schema library's password check (passgate/zod, passgate/valibot). */
export interface SchemaCheckOptions {
  /** Facts about the user the password must not be built from. */
  context?: PasswordContext;
  /** The locale of the messages; default: the checker's. */
  locale?: string;
}

/** Options of a schema library's refinement of an object holding a password (zod, valibot). */
export interface SchemaRefineOptions<T> {
  /** The field holding the password. Default `password`. */
  field?: string;
  /** Facts about the user from the other fields (names, email). */
  context?: (data: T) => PasswordContext | undefined;
  /** The locale of the messages; default: the checker's. */
  locale?: string;
}

/** One reason for a rejection: a stable code and its message in the checker's locale. */
export interface RejectionReason {
  readonly code: string;
  readonly message: string;
}

/** The JSON body the HTTP adapters answer a rejected password with (status 422 by default). */
export interface RejectionBody {
  readonly error: { readonly code: 'PASSWORD_REJECTED'; readonly message: string };
  readonly reasons: readonly RejectionReason[];
  readonly suggestions: readonly string[];
}

/** Options every adapter takes for the evaluation itself. */
export interface EvaluateWith<T> {
  /** Facts about the user the password must not be built from (names, email), from the request. */
  context?: (from: T) => PasswordContext | undefined;
  /** The locale of the messages, from the request; default: the checker's. */
  locale?: (from: T) => string | undefined;
}

/** Options of an HTTP framework's password middleware (passgate/express, passgate/fastify). */
export interface HttpPolicyOptions<Req> extends EvaluateWith<Req> {
  /** The body field holding the new password. Default `password`. */
  field?: string;
  /** The status of a rejection. Default 422 (the request is well formed; its password is not acceptable). */
  status?: number;
}

/** The rejecting findings as code + message, each pair once (a finding without a message shows its code). */
export function rejectionReasons(result: EvaluationResult): RejectionReason[] {
  const out: RejectionReason[] = [];
  // Once each: two names in one password are two findings with the same words ("It contains your name.").
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (f.severity !== 'reject') continue;
    const message = f.message ?? f.code;
    const key = `${f.code}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: f.code, message });
  }
  // A verdict always names its reasons; keep the codes if no finding carried the severity.
  if (out.length === 0) for (const code of result.policy.rejectedBy) out.push({ code, message: code });
  return out;
}

/** The one-line reason a form shows: the feedback's warning, else the first rejecting message. */
export function rejectionMessage(result: EvaluationResult): string {
  return result.feedback.warning ?? rejectionReasons(result)[0]?.message ?? 'This password cannot be used.';
}

export function rejectionBody(result: EvaluationResult): RejectionBody {
  return {
    error: { code: 'PASSWORD_REJECTED', message: rejectionMessage(result) },
    reasons: rejectionReasons(result),
    suggestions: result.feedback.suggestions,
  };
}

/** Runs the checker's full (asynchronous) evaluation with what the adapter's options pick from `from`. */
export function evaluateFrom<T>(checker: Checker, password: string, from: T, options: EvaluateWith<T>): Promise<EvaluationResult> {
  const context = options.context?.(from);
  const locale = options.locale?.(from);
  return checker.evaluateAsync(password, context, locale === undefined ? undefined : { locale });
}

/** The named field of a parsed body when it is a string; undefined otherwise. */
export function stringField(body: unknown, field: string): string | undefined {
  if (body === null || typeof body !== 'object' || !Object.hasOwn(body, field)) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** The body a request with no usable password field gets (400): it names the field, never a value. */
export function missingFieldBody(field: string): { error: { code: 'INVALID_REQUEST'; message: string } } {
  return { error: { code: 'INVALID_REQUEST', message: `'${field}' is required and must be a string` } };
}
