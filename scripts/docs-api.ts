/**
 * The API reference, docs/api/, generated from the public entry points' types and comments by
 * typedoc with typedoc-plugin-markdown (typedoc.json). `npm run docs:api` writes it; with
 * `--check` (.ci/run) it is generated into a temporary folder and compared file by file, and any
 * difference fails with the list of files: the committed reference never drifts from the types.
 * A script rather than a test: typedoc type-checks src/ (12 s of CPU, far more on a loaded machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'api');
const check = process.argv.includes('--check');

function typedoc(out: string): void {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'typedoc'), ['--out', out], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typedoc failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

/** Every file under `dir`, relative to it, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return out.sort();
}

if (!check) {
  typedoc(OUT);
  console.log(`docs/api: ${files(OUT).length} files written`);
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'passgate-api-'));
  try {
    typedoc(tmp);
    const fresh = files(tmp);
    const committed = files(OUT);
    const differ = [...new Set([...fresh, ...committed])]
      .sort()
      .filter((f) => !fresh.includes(f) || !committed.includes(f) || !readFileSync(join(tmp, f)).equals(readFileSync(join(OUT, f))));
    if (differ.length > 0) {
      console.error(`docs/api is out of date with the types (run \`npm run docs:api\` and commit): ${differ.join(', ')}`);
      process.exit(1);
    }
    console.log(`docs/api: up to date (${fresh.length} files)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
