import { conditional, errorReply, textBody } from './reply.js';
import { FILTER_PATH, type ServiceState } from './service-state.js';
import { dataFile, distFile } from './static-files.js';
import { apiRoutes } from './api-routes.js';
import { matchRoute as match, type Handler, type Route } from './core.js';
import { PAGE_HTML } from './page/html.js';
import { PAGE_CSS } from './page/style.js';
import { pageScript } from './page/app-script.js';

export type { Route } from './core.js';

// The page's own files are fixed for the life of the process: encode and tag them once.
const page = {
  html: textBody(PAGE_HTML, 'text/html; charset=utf-8'),
  css: textBody(PAGE_CSS, 'text/css; charset=utf-8'),
  js: textBody(pageScript(), 'text/javascript; charset=utf-8'),
};

// Same-origin only; nothing inline. The page needs no more than this.
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

type H = Handler<ServiceState>;
const inm = (ctx: Parameters<H>[0]) => ctx.request.header('if-none-match');

/** Every route of `passgate serve`: the shared API routes, then the page and its files. */
export const ROUTES: readonly Route<ServiceState>[] = [
  ...apiRoutes<ServiceState>(),
  // Prometheus text (metrics.ts): counts span reloads, so the registry is the server's.
  { template: '/metrics', methods: { GET: ({ state }) => state.metrics() } },
  {
    template: '/',
    methods: {
      GET: (ctx) => {
        const reply = conditional(inm(ctx), page.html);
        return { ...reply, headers: { ...reply.headers, 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' } };
      },
    },
  },
  // Where the form points should the browser ever send it itself (html.ts): refused without
  // reading the body, so nothing typed is kept or logged.
  {
    template: '/page/not-ready',
    methods: { POST: () => errorReply(409, 'PAGE_NOT_READY', "the page's script has not started, so nothing was checked: reload the page", { connection: 'close' }) },
  },
  { template: '/page/app.js', methods: { GET: (ctx) => conditional(inm(ctx), page.js) } },
  { template: '/page/style.css', methods: { GET: (ctx) => conditional(inm(ctx), page.css) } },
  { template: '/page/config.json', methods: { GET: (ctx) => conditional(inm(ctx), ctx.state.pageConfig) } },
  {
    template: FILTER_PATH,
    methods: {
      GET: (ctx) => {
        const filter = ctx.state.filter;
        if (!filter) return errorReply(404, 'NOT_FOUND', 'this service uses no breached-password filter');
        // A URL naming this version may be cached for good; any other must revalidate.
        const versioned = ctx.query.get('v') === filter.etag.slice(1, -1);
        return conditional(inm(ctx), filter, versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  },
  {
    template: '/data/{name}',
    methods: {
      GET: async (ctx) => {
        const file = await dataFile(ctx.params.name ?? '');
        return file ? conditional(inm(ctx), file) : errorReply(404, 'NOT_FOUND', 'no such data file');
      },
    },
  },
  {
    template: '/dist/{file}',
    methods: {
      GET: async (ctx) => {
        const file = await distFile(ctx.params.file ?? '');
        return file ? conditional(inm(ctx), file) : errorReply(404, 'NOT_FOUND', 'no such file (is the package built? npx tsup)');
      },
    },
  },
];

/** Finds the route of `passgate serve` for a path. */
export const matchRoute = (pathname: string) => match(ROUTES, pathname);
