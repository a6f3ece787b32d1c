/**
 * `passgate/express`: a middleware that judges the password in a parsed request body before the
 * route handler runs. Rejected → 422 with the reasons (codes and messages, never the password);
 * accepted → `req.passgate` holds the verdict and `next()` runs. Run a body parser first
 * (`express.json()` or `express.urlencoded()`); it bounds the body. Express is not imported: the
 * types below are the parts of its request and response this uses, so Express 4 and 5 both fit.
 *
 *   app.post('/signup', express.json(), passwordPolicy(checker, { context: (req) => ({ email: req.body.email }) }), handler);
 */
import type { Checker } from '../checker.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import { evaluateFrom, missingFieldBody, rejectionBody, stringField, type HttpPolicyOptions } from './shared.js';

export type { RejectionBody, RejectionReason } from './shared.js';

/** The parts of Express's request this reads and writes. */
export interface PasswordRequest {
  body?: unknown;
  /** The verdict, set when the password was accepted. */
  passgate?: EvaluationResult;
}

/** The parts of Express's response this uses. */
export interface PasswordResponse {
  status(code: number): { json(body: unknown): unknown };
}

/** Options of `passwordPolicy`: the body field, the rejection's status, context and locale from the request. */
export interface PasswordPolicyOptions<Req extends PasswordRequest = PasswordRequest> extends HttpPolicyOptions<Req> {}

/**
 * The middleware. A body without the field (or with a non-string there) is answered 400, never
 * passed on unjudged; a failure of the checker goes to `next(err)`, Express's error handler.
 */
export function passwordPolicy<Req extends PasswordRequest = PasswordRequest>(
  checker: Checker,
  options: PasswordPolicyOptions<Req> = {},
): (req: NoInfer<Req>, res: PasswordResponse, next: (err?: unknown) => void) => Promise<void> {
  const field = options.field ?? 'password';
  const status = options.status ?? 422;
  return async (req, res, next) => {
    const password = stringField(req.body, field);
    if (password === undefined) {
      res.status(400).json(missingFieldBody(field));
      return;
    }
    let result: EvaluationResult;
    try {
      result = await evaluateFrom(checker, password, req, options);
    } catch (err) {
      next(err);
      return;
    }
    if (!result.accepted) {
      res.status(status).json(rejectionBody(result));
      return;
    }
    req.passgate = result;
    next();
  };
}
