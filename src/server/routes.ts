import type { IncomingMessage } from 'node:http';
import { errorReply, json, readBody, type Reply } from './http-io.js';
import { parseEvaluateRequest } from './evaluate-request.js';
import { FILTER_PATH, staticBody, type ServiceState } from './service-state.js';
import { conditional, dataFile, distFile } from './static-files.js';
import { DEFAULT_MAX_BODY_BYTES } from './config.js';
import { openApiDocument } from './openapi.js';
import { PAGE_HTML } from './page/html.js';
import { PAGE_CSS } from './page/style.js';
import { pageScript } from './page/app-script.js';

export interface RequestContext {
  /** The state picked up when the request arrived; used throughout, even if a reload swaps. */
  readonly state: ServiceState;
  readonly params: Readonly<Record<string, string>>;
  readonly url: URL;
}

export type Handler = (req: IncomingMessage, ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  /** The path as documented in openapi.json (`{name}` for a parameter). */
  readonly template: string;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', Handler>>>;
}

// The page's own files are fixed for the life of the process: encode and tag them once.
const page = {
  html: staticBody(PAGE_HTML, 'text/html; charset=utf-8'),
  css: staticBody(PAGE_CSS, 'text/css; charset=utf-8'),
  js: staticBody(pageScript(), 'text/javascript; charset=utf-8'),
};
let openApi: ReturnType<typeof staticBody> | undefined;

// Same-origin only; nothing inline. The page needs no more than this.
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const evaluate: Handler = async (req, { state }) => {
  const limit = state.config.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(req, limit);
  if (!body.ok) return body.reply;
  const parsed = parseEvaluateRequest(body.bytes);
  if (!parsed.ok) return errorReply(400, parsed.code, parsed.message);
  const { password, context, locale } = parsed.value;
  const result = state.checker.evaluate(password, context, locale === undefined ? undefined : { locale });
  return json(200, result);
};

export const ROUTES: readonly Route[] = [
  { template: '/v1/evaluate', methods: { POST: evaluate } },
  { template: '/v1/policy', methods: { GET: (req, { state }) => conditional(req, state.policy) } },
  {
    template: '/healthz',
    methods: {
      GET: (_req, { state }) =>
        json(200, { status: 'ok', generation: state.generation, loadedAt: state.loadedAt, profile: state.checker.policy().profile }),
    },
  },
  {
    template: '/openapi.json',
    methods: {
      GET: (req) => conditional(req, (openApi ??= staticBody(JSON.stringify(openApiDocument(), null, 2), 'application/json; charset=utf-8'))),
    },
  },
  {
    template: '/',
    methods: {
      GET: (req) => {
        const reply = conditional(req, page.html);
        return { ...reply, headers: { ...reply.headers, 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' } };
      },
    },
  },
  { template: '/page/app.js', methods: { GET: (req) => conditional(req, page.js) } },
  { template: '/page/style.css', methods: { GET: (req) => conditional(req, page.css) } },
  { template: '/page/config.json', methods: { GET: (req, { state }) => conditional(req, state.pageConfig) } },
  {
    template: FILTER_PATH,
    methods: {
      GET: (req, { state, url }) => {
        if (!state.filter) return errorReply(404, 'NOT_FOUND', 'this service uses no breached-password filter');
        // A URL naming this version may be cached for good; any other must revalidate.
        const versioned = url.searchParams.get('v') === state.filter.etag.slice(1, -1);
        return conditional(req, state.filter, versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  },
  {
    template: '/data/{name}',
    methods: {
      GET: async (req, { params }) => {
        const file = await dataFile(params.name ?? '');
        return file ? conditional(req, file) : errorReply(404, 'NOT_FOUND', 'no such data file');
      },
    },
  },
  {
    template: '/dist/{file}',
    methods: {
      GET: async (req, { params }) => {
        const file = await distFile(params.file ?? '');
        return file ? conditional(req, file) : errorReply(404, 'NOT_FOUND', 'no such file (is the package built? npx tsup)');
      },
    },
  },
];

/** Finds the route for a path: exact templates first, then one-segment parameters. */
export function matchRoute(pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.template === pathname) return { route, params: {} };
  }
  for (const route of ROUTES) {
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
    const name = route.template.slice(open + 1, -1);
    return { route, params: { [name]: value } };
  }
  return null;
}
