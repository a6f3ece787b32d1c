// A fresh clone has no dist/ or data/: both are generated (npm run build) and gitignored, and the
// package no longer builds on install (`prepare` would run our build in every consumer's
// install). The CLI in a checkout and the test suite call this to build what is missing, once.
// The published package ships both, so there it finds everything and does nothing.
// Plain JavaScript: bin/passgate.js loads it before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What the package build makes: the data build's manifest (written last) and every entry. */
const DATA = ['data/manifest.json'];
export const DIST = ['cli', 'index', 'server', 'fetch', 'zxcvbn', 'browser', 'builder'].flatMap((e) => [`dist/${e}.js`, ...(e === 'cli' ? [] : [`dist/${e}.cjs`])]);

const missing = (files) => files.filter((f) => !existsSync(ROOT + f));

/**
 * Whether dist/ is missing an entry or is older than a file under src/ (the newest source's
 * modification time against the oldest entry's). The suite tests the built package, so a stale
 * dist/ compares new library verdicts with an old bundle's.
 */
export function distIsStale(root = ROOT) {
  let oldest = Infinity;
  for (const f of DIST) {
    if (!existsSync(root + f)) return true;
    oldest = Math.min(oldest, statSync(root + f).mtimeMs);
  }
  const newer = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory() ? newer(path) : statSync(path).mtimeMs > oldest) return true;
    }
    return false;
  };
  return existsSync(root + 'src') && newer(root + 'src');
}

/**
 * Builds data/ and dist/ if any part is missing (with `{ rebuildStale: true }`, also dist/ when
 * a source is newer: the test suite's setup). Progress goes to stderr so that stdout stays
 * the command's own output. Returns what it built.
 */
export function ensureBuilt({ rebuildStale = false } = {}) {
  const built = [];
  const run = (what, args) => {
    process.stderr.write(`passgate: ${what} is missing or stale in this checkout; building it (npm run ${args.at(-1)}) …\n`);
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', ...args], {
      cwd: ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
      timeout: 900_000,
    });
    built.push(what);
  };
  if (missing(DATA).length > 0) run('data/', ['build:data']);
  if (missing(DIST).length > 0) run('dist/', ['build:dist']);
  else if (rebuildStale && distIsStale()) run('dist/ (older than src/)', ['build:dist']);
  const still = missing([...DATA, ...DIST]);
  if (still.length > 0) throw new Error(`passgate: the build did not produce ${still.join(', ')}`);
  return built;
}
