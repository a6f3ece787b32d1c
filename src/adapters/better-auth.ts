/**
 * `passgate/better-auth`: a better-auth plugin that judges every new password before better-auth
 * stores it — sign-up, change, reset (link, email OTP, phone OTP), set, and the admin plugin's
 * create-user and set-user-password — in a `hooks.before` matched on the endpoint's path, and
 * refuses a rejected one with better-auth's own `APIError('BAD_REQUEST', { message, code })`
 * (the shape of its built-in haveIBeenPwned plugin's refusal). Messages, never the password.
 *
 *   betterAuth({ emailAndPassword: { enabled: true }, plugins: [passgate(checker)] })
 */
import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { BetterAuthPlugin } from 'better-auth';
import type { Checker } from '../checker.js';
import type { PasswordContext } from '../types.js';
import { rejectionMessage, rejectionReasons } from './shared.js';

/**
 * Each endpoint that sets a password, and the body field holding it (better-auth 1.x: the core's
 * and the email-otp, phone-number and admin plugins' request schemas).
 */
export const PASSWORD_ENDPOINTS: Readonly<Record<string, string>> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
  '/set-password': 'newPassword',
  '/email-otp/reset-password': 'password',
  '/phone-number/reset-password': 'newPassword',
  '/admin/create-user': 'password',
  '/admin/set-user-password': 'newPassword',
};

/** The error code better-auth returns with the refusal (client: `error.code`). */
export const PASSWORD_REJECTED = 'PASSWORD_REJECTED' as const;

export interface PassgatePluginOptions {
  /** Endpoint path → body field holding the new password. Default PASSWORD_ENDPOINTS. */
  endpoints?: Readonly<Record<string, string>>;
  /** The locale of the messages; default: the checker's. */
  locale?: string;
}

/** Facts about the user that these bodies carry: the sign-up's and admin create-user's name and email. */
function contextOf(body: Record<string, unknown>): PasswordContext | undefined {
  const context: PasswordContext = {};
  if (typeof body.email === 'string') context.email = body.email;
  if (typeof body.name === 'string') context.displayName = body.name;
  return Object.keys(context).length > 0 ? context : undefined;
}

/** The plugin. Typed as better-auth's own plugin type, so its declaration needs nothing but better-auth. */
export function passgate(checker: Checker, options: PassgatePluginOptions = {}): BetterAuthPlugin & { id: 'passgate' } {
  const endpoints = options.endpoints ?? PASSWORD_ENDPOINTS;
  const locale = options.locale;
  return {
    id: 'passgate',
    hooks: {
      before: [
        {
          matcher: (ctx: { path?: string }) => ctx.path !== undefined && Object.hasOwn(endpoints, ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const field = endpoints[ctx.path]!;
            const body = (ctx.body ?? {}) as Record<string, unknown>;
            const password = body[field];
            // Absent (admin create-user without a password) or not a string: better-auth's own
            // schema validation answers it; there is no password to judge.
            if (typeof password !== 'string') return;
            const result = await checker.evaluateAsync(password, contextOf(body), locale === undefined ? undefined : { locale });
            if (result.accepted) return;
            throw new APIError('BAD_REQUEST', { message: rejectionMessage(result), code: PASSWORD_REJECTED, reasons: rejectionReasons(result) });
          }),
        },
      ],
    },
    $ERROR_CODES: { PASSWORD_REJECTED: { code: PASSWORD_REJECTED, message: 'This password cannot be used.' } },
  } satisfies BetterAuthPlugin;
}
