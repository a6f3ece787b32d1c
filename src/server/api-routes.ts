import { conditional, errorReply, json, textBody, type BodyResult, type Reply, type StaticBody } from './reply.js';
import { parseEvaluateRequest } from './evaluate-request.js';
import { preferredLanguage } from './negotiate.js';
import { recordChosen } from './chosen-route.js';
import { openApiDocument } from './openapi.js';
import type { CoreState, RequestContext, Route } from './core.js';
import { workersDegraded, type WorkersStatus } from './workers-status.js';

/** Why the last reload did not take, while it has not (shown by /healthz; never a term). */
export interface ReloadFailure {
  /** The generation still in force. */
  readonly generation: number;
  /** When the first of the failures since the last good reload happened (ISO 8601). */
  readonly since: string;
  readonly failures: number;
  readonly reason: string;
}

/** What the API routes read: the node server's ServiceState and the fetch handler's both fit. */
export interface ApiState extends CoreState {
  readonly generation: number;
  readonly loadedAt: string;
  readonly policy: StaticBody;
  readonly maxBodyBytes: number;
  /** The bearer token POST /v1/chosen requires; undefined: the route answers 404. Never logged. */
  readonly recordToken?: string | undefined;
  /** The last reload's failure, or null when the last reload (or the start) succeeded. */
  readonly reloadFailure?: (() => ReloadFailure | null) | undefined;
  /** Where a fetch handler is mounted ('' or undefined: the root); /openapi.json names it as its server. */
  readonly basePath?: string | undefined;
  /** Under `serve --workers N`: the primary's view of the workers (null: not yet told, or one process). */
  readonly workers?: (() => WorkersStatus | null) | undefined;
}

// One document per mount point, built on first request: the root's is shared by every server.
let openApi: StaticBody | undefined;
const mounted = new WeakMap<ApiState, StaticBody>();
const openApiText = (basePath?: string) => textBody(JSON.stringify(openApiDocument(basePath), null, 2), 'application/json; charset=utf-8');
function openApiBody(state: ApiState): StaticBody {
  if (!state.basePath) return (openApi ??= openApiText());
  let body = mounted.get(state);
  if (!body) mounted.set(state, (body = openApiText(state.basePath)));
  return body;
}

/**
 * Longest Accept-Language read, in UTF-16 units (a browser sends ~20–60). Parsing costs grow
 * with its length times the locales (bench/header-cost.ts: a 16 KB header cost the fetch
 * handler 4.7× a normal request, a 1 MB one 185×), so a longer header is ignored before parsing.
 */
export const MAX_ACCEPT_HEADER = 256;

/**
 * The locale a request asks for: the body's `locale`, else the best of `Accept-Language` that
 * passgate speaks (`*` means the configured default), else the configured default (undefined).
 */
function requestedLocale(header: string, configured: string, spoken: readonly string[]): string | undefined {
  if (header.length > MAX_ACCEPT_HEADER) return undefined;
  // A service sees few distinct headers (one per browser language set), and negotiating one costs
  // more than the rest of the request's routing (bench/server-overhead.ts): keep the answers, per
  // set of languages the checker speaks (the built-in ones and any its options `messages` added).
  let localeMemo = memoBySpoken.get(spoken);
  if (localeMemo === undefined) memoBySpoken.set(spoken, (localeMemo = new Map()));
  const key = `${configured}\u0000${header}`;
  const known = localeMemo.get(key);
  if (known !== undefined) return known === NO_LOCALE ? undefined : known;
  const candidates = [configured, ...spoken.filter((l) => l !== configured)];
  const best = preferredLanguage(header, candidates);
  const answer = best === configured ? undefined : best;
  if (localeMemo.size >= LOCALE_MEMO_MAX) localeMemo.delete(localeMemo.keys().next().value!);
  localeMemo.set(key, answer ?? NO_LOCALE);
  return answer;
}

/** Bounded: at most this many headers (each ≤ MAX_ACCEPT_HEADER) kept, the oldest dropped first. */
const LOCALE_MEMO_MAX = 256;
const NO_LOCALE = '';
const memoBySpoken = new WeakMap<readonly string[], Map<string, string>>();

/**
 * A checker's policy, described once: `checker.policy()` builds the whole description (lists,
 * options, profile) on every call, and the evaluate route read two fields of it per request —
 * 2.5 % of the service's CPU (a --cpu-prof of `passgate serve`). A checker never changes (a
 * reload makes a new one), so its description does not either; read-only use here.
 */
const described = new WeakMap<CoreState['checker'], ReturnType<CoreState['checker']['policy']>>();
function policyOf(checker: CoreState['checker']): ReturnType<CoreState['checker']['policy']> {
  let p = described.get(checker);
  if (p === undefined) described.set(checker, (p = checker.policy()));
  return p;
}

/**
 * POST /v1/evaluate once its body is read. Plain `evaluate` when the checker has nothing
 * asynchronous to wait for (no custom checks, no remote source: `needsAsync`) and the call brings
 * no stored hashes to verify (the one source that applies per call): then it answers exactly
 * what `evaluateAsync` would (test/server/evaluate-oracle.test.ts), without the promise chain
 * that costs the service a microtask per await. Otherwise evaluateAsync, on every surface: a
 * checker's asynchronous sources and checks are waited for (within its checkTimeoutMs), never
 * reported as unanswered.
 */
function evaluateBody<S extends ApiState>(ctx: RequestContext<S>, body: BodyResult): Reply | Promise<Reply> {
  if (!body.ok) return body.reply;
  const { state, request } = ctx;
  const { checker } = state;
  const policy = policyOf(checker);
  const parsed = parseEvaluateRequest(body.bytes, policy.maxLength);
  if (!parsed.ok) return errorReply(400, parsed.code, parsed.message);
  const { password, context } = parsed.value;
  const header = parsed.value.locale === undefined ? request.header('accept-language') : undefined;
  const locale = parsed.value.locale ?? (header ? requestedLocale(header, policy.locale, checker.locales) : undefined);
  const options = locale === undefined ? undefined : { locale };
  if (!checker.needsAsync && context?.previousPasswordHashes === undefined) {
    const result = checker.evaluate(password, context, options);
    ctx.result = result;
    return json(200, result);
  }
  return checker.evaluateAsync(password, context, options).then((result) => {
    ctx.result = result;
    return json(200, result);
  });
}

export function apiRoutes<S extends ApiState>(): Route<S>[] {
  return [
    {
      template: '/v1/evaluate',
      methods: {
        // One promise (the body's) between the request and the answer: the rest is synchronous
        // unless this checker or this call needs evaluateAsync (evaluateBody).
        POST: (ctx) => ctx.request.body(ctx.state.maxBodyBytes).then((body) => evaluateBody(ctx, body)),
      },
    },
    // Off (404) unless the configuration has a popularity store and a record token.
    { template: '/v1/chosen', methods: { POST: ({ state, request }) => recordChosen(state, request) } },
    { template: '/v1/policy', methods: { GET: ({ request, state }) => conditional(request.header('if-none-match'), state.policy) } },
    {
      template: '/healthz',
      methods: {
        GET: ({ state }) => {
          const failure = state.reloadFailure?.() ?? null;
          const workers = state.workers?.() ?? null;
          return json(200, {
            // Still 200: the last good generation keeps serving, so a balancer should keep it;
            // so do the workers left when some died (the primary is restarting them).
            status: failure || (workers && workersDegraded(workers)) ? 'degraded' : 'ok',
            generation: state.generation,
            loadedAt: state.loadedAt,
            profile: policyOf(state.checker).profile,
            ...(failure && { lastReload: { status: 'failed', ...failure } }),
            ...(workers && { workers }),
          });
        },
      },
    },
    { template: '/openapi.json', methods: { GET: ({ request, state }) => conditional(request.header('if-none-match'), openApiBody(state)) } },
  ];
}
