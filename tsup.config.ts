import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// `passgate --version` prints the package's own version, fixed at build time.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __PASSGATE_VERSION__: JSON.stringify(version) };

// dist/ is emptied once, here, rather than by `clean: true` on one of the four builds: tsup's
// declaration step of a build with `clean` deletes every .d.ts/.d.cts in dist/ when it starts,
// and the four builds run in parallel — once the adapters made the first build's declarations
// slower, it deleted the browser builds' (browser.d.ts, browser.d.cts), and publint/attw failed.
rmSync('dist', { recursive: true, force: true });

// `npm pack --json` reads stdout: the build (run by `prepack`) must print nothing there.
const quiet: Options = { silent: true };

/** `passgate/zxcvbn`: imports nothing but zxcvbn-ts (kept external), so one file serves Node and browsers. */
const zxcvbn = 'src/zxcvbn.ts';

/**
 * The drop-in adapters, `passgate/<name>` (docs/integrations.md). Each imports its framework only
 * where it must (zod, valibot, better-auth: kept external, optional peers) and no Node built-in.
 */
const adapters = {
  express: 'src/adapters/express.ts',
  fastify: 'src/adapters/fastify.ts',
  zod: 'src/adapters/zod.ts',
  valibot: 'src/adapters/valibot.ts',
  'better-auth': 'src/adapters/better-auth.ts',
  zitadel: 'src/adapters/zitadel.ts',
};

export default defineConfig([
  {
    // The library for Node, ESM. The CLI (bin/passgate.js → dist/cli.js) is ESM only and shares
    // chunks with the library. Data files stay outside the bundle (data/). No source maps: the
    // Node code is not minified, so a stack trace already points at readable code.
    ...quiet,
    // build-worker: the thread 'passgate build' starts next to the bundle (src/filter/build-workers.ts).
    entry: {
      index: 'src/index.ts', cli: 'src/cli/main.ts', server: 'src/server/index.ts', fetch: 'src/fetch.ts', zxcvbn,
      'build-worker': 'src/filter/build-worker.ts', ...adapters,
    },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', server: 'src/server/index.ts', fetch: 'src/fetch.ts', zxcvbn, ...adapters } },
    platform: 'node',
    target: 'node20',
    define,
  },
  {
    // The same library for require(): one file per entry.
    ...quiet,
    entry: { index: 'src/index.ts', server: 'src/server/index.ts', fetch: 'src/fetch.ts', zxcvbn, ...adapters },
    format: ['cjs'],
    dts: true,
    platform: 'node',
    target: 'node20',
    shims: true,
    define,
  },
  {
    // The browser build: no Node built-ins may be reached from these entries. `builder` is
    // passgate/builder, the filter builder the browser core leaves out. No code splitting: each
    // file stands alone, so a page loading the core never loads builder code through a chunk.
    // Minified, so it keeps a source map (the one place a map helps a user debug).
    ...quiet,
    entry: { browser: 'src/browser.ts', builder: 'src/builder.ts' },
    format: ['esm'],
    splitting: false,
    dts: true,
    platform: 'browser',
    target: 'es2022',
    // Browsers cannot resolve bare imports: any runtime dependency the browser core reaches
    // must be listed in noExternal to be bundled in (today @noble/hashes' SHA-256, the data
    // check's fallback where WebCrypto is missing: src/assets/browser.ts). zxcvbn-ts is not
    // reachable from here at all: it is `passgate/zxcvbn`.
    noExternal: ['@noble/hashes'],
    sourcemap: true,
    minify: true,
  },
  {
    // The browser build for require() (test runners with a DOM, older bundler set-ups). Not
    // minified: whatever bundles it minifies it.
    ...quiet,
    entry: { browser: 'src/browser.ts', builder: 'src/builder.ts' },
    format: ['cjs'],
    splitting: false,
    dts: true,
    platform: 'browser',
    target: 'es2022',
    noExternal: ['@noble/hashes'],
    shims: true,
  },
]);
