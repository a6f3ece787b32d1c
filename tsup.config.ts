import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library for Node: ESM + CJS with types. Data files stay outside the bundle (data/).
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    platform: 'node',
    target: 'node20',
    shims: true,
    clean: true,
    sourcemap: true,
  },
  {
    // The browser build: no Node built-ins may be reached from this entry.
    entry: { browser: 'src/browser.ts' },
    format: ['esm'],
    dts: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    minify: true,
  },
]);
