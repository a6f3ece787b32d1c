#!/usr/bin/env node
import { existsSync } from 'node:fs';

// In a git checkout dist/ and data/ are built on first use (scripts/ensure-built.js); the npm
// package ships them built and has no scripts/ folder.
if (!existsSync(new URL('../dist/cli.js', import.meta.url)) || !existsSync(new URL('../data/manifest.json', import.meta.url))) {
  const helper = new URL('../scripts/ensure-built.js', import.meta.url);
  if (!existsSync(helper)) {
    process.stderr.write('passgate: this installation has no dist/ or data/; reinstall the package\n');
    process.exit(3);
  }
  (await import(helper.href)).ensureBuilt();
}

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
