import { errorReply, type BodyResult, type Reply } from './reply.js';
import type { EvaluationResult } from '../engine/evaluate.js';

/**
 * The routing core both transports share: the node:http server (node-server.ts) and the fetch
 * handler (src/fetch.ts) turn their request into a CoreRequest, call `serveRequest`, and write
 * the Reply. Target parsing, method rules (HEAD, 405, CORS preflight) and the last-resort 500
 * live here once, so the two cannot drift. No Node built-ins: this runs in any runtime.
 */
export interface CoreRequest {
  readonly method: string;
  /** The raw request target (`/path?query`, or absolute-form). Never logged. */
  readonly target: string;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  /** The body, up to `limit` bytes. */
  body(limit: number): Promise<BodyResult>;
}

/** What every route may read: one state per request, however long it runs. */
export interface CoreState {
  readonly checker: import('../checker.js').Checker;
  /** `*` or one origin allowed to call the service from a browser (CORS); undefined: none. */
  readonly corsOrigin?: string | undefined;
}

export interface RequestContext<S extends CoreState> {
  readonly state: S;
  readonly request: CoreRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Set by POST /v1/evaluate, so the server can count verdicts without seeing the password. */
  result?: EvaluationResult;
}

export type Handler<S extends CoreState> = (ctx: RequestContext<S>) => Reply | Promise<Reply>;

export interface Route<S extends CoreState> {
  /** The path as documented in openapi.json (`{name}` for a parameter); also its log name. */
  readonly template: string;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', Handler<S>>>>;
}

/** What was answered, and to which route: the only request facts a log line or metric may use. */
export interface Served {
  readonly reply: Reply;
  /** A route template, `(unknown path)` or `(bad target)`: a fixed name, never the path itself. */
  readonly route: string;
  readonly method: string;
  readonly result?: EvaluationResult | undefined;
  /** Set when a handler threw: its type only (a message or stack could carry request data). */
  readonly internalError?: string;
}

export const UNKNOWN_ROUTE = '(unknown path)';
export const BAD_TARGET = '(bad target)';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method as a log may show it: one of a fixed set. */
export const methodName = (m: string): string => (METHODS.has(m) ? m : 'OTHER');

/**
 * Splits a request target into path and query. Origin-form (`/a?b`) is taken as it is; an
 * absolute-form target (`http://host/a`) must parse as an http(s) URL. Anything else — `//x`
 * (a path that a URL parser reads as a host), `*`, a broken authority — is null: a 400.
 */
export function parseTarget(target: string): { path: string; query: string } | null {
  let path: string;
  let query = '';
  if (target.startsWith('/') && !target.startsWith('//')) {
    const q = target.indexOf('?');
    path = q < 0 ? target : target.slice(0, q);
    if (q >= 0) query = target.slice(q + 1);
  } else {
    if (!/^https?:\/\//i.test(target)) return null;
    try {
      const u = new URL(target);
      path = u.pathname;
      query = u.search.slice(1);
    } catch {
      return null;
    }
  }
  const hash = query.indexOf('#');
  if (hash >= 0) query = query.slice(0, hash);
  return { path, query };
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/** Finds the route for a path: exact templates first, then one-segment parameters. */
export function matchRoute<S extends CoreState>(routes: readonly Route<S>[], pathname: string): { route: Route<S>; params: Readonly<Record<string, string>> } | null {
  for (const route of routes) {
    if (route.template === pathname) return { route, params: NO_PARAMS };
  }
  for (const route of routes) {
    const open = route.template.indexOf('{');
    if (open < 0) continue;
    const prefix = route.template.slice(0, open);
    if (!pathname.startsWith(prefix)) continue;
    const rest = pathname.slice(prefix.length);
    if (rest.length === 0 || rest.includes('/')) continue;
    let value: string;
    try {
      value = decodeURIComponent(rest);
    } catch {
      continue;
    }
    return { route, params: { [route.template.slice(open + 1, -1)]: value } };
  }
  return null;
}

/** The methods a route answers, as an `Allow` header: HEAD wherever GET is. */
export function allowed<S extends CoreState>(route: Route<S>): string {
  const names = Object.keys(route.methods);
  return (names.includes('GET') ? [...names, 'HEAD'] : names).join(', ');
}

/**
 * What a handler reads. A class, not an object literal: no closure per request, and the query
 * (read by one route, the filter's) is parsed only when asked for.
 */
class Context<S extends CoreState> implements RequestContext<S> {
  result?: EvaluationResult;
  readonly state: S;
  readonly request: CoreRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly #rawQuery: string;
  #query: URLSearchParams | undefined;
  constructor(state: S, request: CoreRequest, params: Readonly<Record<string, string>>, rawQuery: string) {
    this.state = state;
    this.request = request;
    this.params = params;
    this.#rawQuery = rawQuery;
  }
  get query(): URLSearchParams {
    return (this.#query ??= new URLSearchParams(this.#rawQuery));
  }
}

/** Serves one request. Never throws: an unexpected failure is a generic 500. */
export async function serveRequest<S extends CoreState>(request: CoreRequest, state: S, routes: readonly Route<S>[]): Promise<Served> {
  return serve(request, state, routes);
}

/**
 * `serveRequest` without a promise where none is needed: the answer itself when every step was
 * synchronous (routing, a handler that answers at once), else a promise of it. The node server
 * writes a synchronous answer at once; each await it saved was a promise and a microtask per
 * request (bench/server-overhead.ts). Never throws, never rejects.
 */
export function serve<S extends CoreState>(request: CoreRequest, state: S, routes: readonly Route<S>[]): Served | Promise<Served> {
  return route(request, state, routes, undefined) as Served | Promise<Served>;
}

/** Who takes an answer (the node server's exchange). */
export interface AnswerSink {
  answer(served: Served): void;
}

/**
 * `serve` for a caller that takes the answer itself (the node server): `to.answer` gets it exactly
 * once — before this returns when every step was synchronous, else when the handler's promise
 * settles. A promise and a microtask fewer a request than `.then` on serve's promise. Never
 * throws; a handler's rejection is answered as serve answers it (a generic 500).
 */
export function serveTo<S extends CoreState>(request: CoreRequest, state: S, routes: readonly Route<S>[], to: AnswerSink): void {
  const out = route(request, state, routes, to);
  if (out !== HANDED_OVER) to.answer(out as Served);
}

/** route() returns this when the answer to come was handed to its sink. */
const HANDED_OVER = Symbol('handed over');

function route<S extends CoreState>(request: CoreRequest, state: S, routes: readonly Route<S>[], to: AnswerSink | undefined): Served | Promise<Served> | typeof HANDED_OVER {
  const method = methodName(request.method);
  let template = BAD_TARGET;
  try {
    const target = parseTarget(request.target);
    if (!target) return { reply: errorReply(400, 'BAD_REQUEST', 'the request target is not a valid path'), route: template, method };
    const found = matchRoute(routes, target.path);
    template = found ? found.route.template : UNKNOWN_ROUTE;
    // The Origin header is read only when CORS is configured: without it no answer depends on it.
    const cors = state.corsOrigin ? corsHeaders(state.corsOrigin, request.header('origin')) : null;
    if (!found) return served(errorReply(404, 'NOT_FOUND', 'no such resource'), cors, template, method);
    if (method === 'OPTIONS' && state.corsOrigin && request.header('access-control-request-method')) {
      // A 204 without Allow-Origin looked like success to anyone reading the answer; a 403
      // makes the browser's console report the failed preflight with its status.
      if (!originAllowed(state.corsOrigin, request.header('origin'))) return served(CORS_REFUSED, cors, template, method);
      const preflight = { 'access-control-allow-methods': allowed(found.route), 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' };
      return served({ status: 204, headers: preflight }, cors, template, method);
    }
    const handler = found.route.methods[(method === 'HEAD' ? 'GET' : method) as 'GET' | 'POST'];
    if (!handler) {
      const allow = allowed(found.route);
      return served(errorReply(405, 'METHOD_NOT_ALLOWED', `use ${allow}`, { allow }), cors, template, method);
    }
    const ctx = new Context(state, request, found.params, target.query);
    const reply = handler(ctx);
    if (!isThenable(reply)) return served(reply, cors, template, method, ctx.result);
    const named = template;
    if (to === undefined) {
      return Promise.resolve(reply).then(
        (r) => served(r, cors, named, method, ctx.result),
        (err: unknown) => failed(err, named, method),
      );
    }
    void Promise.resolve(reply).then(
      (r) => to.answer(served(r, cors, named, method, ctx.result)),
      (err: unknown) => to.answer(failed(err, named, method)),
    );
    return HANDED_OVER;
  } catch (err) {
    return failed(err, template, method);
  }
}

/** A value or a promise of it: true for the promise (any thenable a handler may return). */
export const isThenable = <T>(x: T | PromiseLike<T>): x is PromiseLike<T> => typeof (x as { then?: unknown } | null)?.then === 'function';

/** The generic 500 for a handler that threw: its type only (a message could carry request data). */
function failed(err: unknown, route: string, method: string): Served {
  const internalError = err instanceof Error ? err.name : typeof err;
  return { reply: errorReply(500, 'INTERNAL', 'internal error'), route, method, internalError };
}

/** The answer with the CORS headers (if any) added last, as the request's route and method. */
function served(reply: Reply, cors: Record<string, string> | null, route: string, method: string, result?: EvaluationResult): Served {
  return { reply: cors ? { ...reply, headers: { ...reply.headers, ...cors } } : reply, route, method, result };
}

/** The answer to a preflight from an origin not allowed: says why, never quotes the origin. */
const CORS_REFUSED: Reply = {
  status: 403,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: 'CORS: this origin is not allowed to call this service (see --cors-origin / corsOrigin).\n',
};

const originAllowed = (allowedOrigin: string, origin: string | undefined): boolean => allowedOrigin === '*' || origin === allowedOrigin;

function corsHeaders(allowedOrigin: string | undefined, origin: string | undefined): Record<string, string> | null {
  if (!allowedOrigin) return null;
  if (allowedOrigin === '*') return { 'access-control-allow-origin': '*' };
  // One named origin: echo it only to that origin; caches must keep answers per Origin.
  return origin === allowedOrigin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}
