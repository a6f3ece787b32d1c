/**
 * `passgate/fastify`: a preHandler hook that judges the password in the parsed body before the
 * route handler runs. Rejected → 422 with the reasons (codes and messages, never the password);
 * accepted → `request.passgate` holds the verdict. Fastify parses and bounds the body itself
 * (`bodyLimit`). Fastify is not imported: the types below are the parts of it this uses.
 *
 *   fastify.register(passgateDecorator);            // optional: declares request.passgate up front
 *   fastify.post('/signup', { preHandler: passwordPolicy(checker) }, handler);
 */
import type { Checker } from '../checker.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import { evaluateFrom, missingFieldBody, rejectionBody, stringField, type HttpPolicyOptions } from './shared.js';

export type { RejectionBody, RejectionReason } from './shared.js';

/** The parts of Fastify's request this reads and writes. */
export interface PasswordRequest {
  body?: unknown;
  passgate?: EvaluationResult | null;
}

/** The parts of Fastify's reply this uses. */
export interface PasswordReply {
  code(status: number): { send(body: unknown): unknown };
}

/** Options of `passwordPolicy`: the body field, the rejection's status, context and locale from the request. */
export interface PasswordPolicyOptions<Req extends PasswordRequest = PasswordRequest> extends HttpPolicyOptions<Req> {}

/**
 * The preHandler. A body without the field is answered 400, never passed on unjudged; a failure
 * of the checker rejects the hook, which Fastify answers 500 (its error handler).
 */
export function passwordPolicy<Req extends PasswordRequest = PasswordRequest>(
  checker: Checker,
  options: PasswordPolicyOptions<Req> = {},
): (request: NoInfer<Req>, reply: PasswordReply) => Promise<unknown> {
  const field = options.field ?? 'password';
  const status = options.status ?? 422;
  return async (request, reply) => {
    const password = stringField(request.body, field);
    if (password === undefined) return reply.code(400).send(missingFieldBody(field));
    const result = await evaluateFrom(checker, password, request, options);
    if (!result.accepted) return reply.code(status).send(rejectionBody(result));
    request.passgate = result;
    return undefined;
  };
}

/**
 * A plugin declaring `request.passgate` (Fastify prefers decorated properties to ones added
 * later). Marked to skip encapsulation, as the fastify-plugin package would, so it applies to
 * the instance it is registered on.
 */
export const passgateDecorator = Object.assign(
  async (fastify: { decorateRequest(name: string, value: null): unknown }): Promise<void> => {
    fastify.decorateRequest('passgate', null);
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'passgate' },
);
