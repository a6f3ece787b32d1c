// A fresh clone has no dist/ or data/: both are generated (npm run build) and gitignored, and the
// package no longer builds on install (`prepare` would run our build in every consumer's
// install). The CLI in a checkout and the test suite call this to build what is missing, once.
// The published package ships both, so there it finds everything and does nothing.
// Plain JavaScript: bin/passgate.js loads it before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What the package build makes: the data build's manifest (written last) and every entry. */
const DATA = ['data/manifest.json'];
const DIST = ['cli', 'index', 'server', 'fetch', 'zxcvbn', 'browser', 'builder'].flatMap((e) => [`dist/${e}.js`, ...(e === 'cli' ? [] : [`dist/${e}.cjs`])]);

const missing = (files) => files.filter((f) => !existsSync(ROOT + f));

/**
 * Builds data/ and dist/ if any part is missing. Progress goes to stderr so that stdout stays
 * the command's own output. Returns what it built.
 */
export function ensureBuilt() {
  const built = [];
  const run = (what, args) => {
    process.stderr.write(`passgate: ${what} is missing in this checkout; building it (npm run ${args.at(-1)}) …\n`);
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', ...args], {
      cwd: ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
      timeout: 900_000,
    });
    built.push(what);
  };
  if (missing(DATA).length > 0) run('data/', ['build:data']);
  if (missing(DIST).length > 0) run('dist/', ['build:dist']);
  const still = missing([...DATA, ...DIST]);
  if (still.length > 0) throw new Error(`passgate: the build did not produce ${still.join(', ')}`);
  return built;
}
