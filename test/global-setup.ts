// The suite tests the built package too (bin/passgate.js, dist/browser.js, data/): on a fresh
// clone, build what is missing once before any test file runs (the README's `npm test`); in a
// working checkout, rebuild dist/ when a source is newer than it.
import { ensureBuilt } from '../scripts/ensure-built.js';

export default function setup(): void {
  ensureBuilt({ rebuildStale: true });
}
