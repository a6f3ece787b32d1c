import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// `passgate --version` prints the package's own version, fixed at build time.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __PASSGATE_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    // The library for Node: ESM + CJS with types. Data files stay outside the bundle (data/).
    // build-worker: the thread 'passgate build' starts next to the bundle (src/filter/build-workers.ts).
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', server: 'src/server/index.ts', 'build-worker': 'src/filter/build-worker.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', server: 'src/server/index.ts' } },
    platform: 'node',
    target: 'node20',
    shims: true,
    define,
    clean: true,
    sourcemap: true,
  },
  {
    // The browser build: no Node built-ins may be reached from these entries. `builder` is
    // passgate/builder, the filter builder the browser core leaves out. No code splitting: each
    // file stands alone, so a page loading the core never loads builder code through a chunk.
    entry: { browser: 'src/browser.ts', builder: 'src/builder.ts' },
    format: ['esm'],
    splitting: false,
    dts: true,
    platform: 'browser',
    target: 'es2022',
    // Browsers cannot resolve bare imports: any runtime dependency the browser core reaches
    // must be listed in noExternal to be bundled in (today there is none). zxcvbn-ts stays out
    // (it is loaded only on demand, by callers who opt into it and bring their own import map).
    sourcemap: true,
    minify: true,
  },
]);
