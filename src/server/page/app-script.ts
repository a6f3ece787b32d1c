import { pageMain } from './client.js';

/**
 * The page's script module (served at /page/app.js): imports the browser bundle and runs
 * `pageMain` with it. The function's source is taken at run time, so the bundle (tsup) and the
 * sources (tsx, vitest) both serve what their own compiler produced from client.ts.
 */
export function pageScript(): string {
  return `// passgate demo page: the browser build of passgate, judging as you type.
import * as passgate from '../dist/browser.js';
// The full data tier, not the browser default (the light tier): the server serves it anyway, and
// then the page refuses exactly what the server refuses (test/browser/e2e.test.ts holds it to that).
const lib = { ...passgate, ...passgate.withDataUrl(new URL('../data/', import.meta.url), { tier: 'full' }) };
const main = ${pageMain.toString()};
main(lib, document, new URL('../', import.meta.url)).catch((err) => {
  const v = document.getElementById('verdict');
  if (v) { v.dataset.verdict = 'pending'; v.textContent = 'The password checker could not start: ' + (err && err.message ? err.message : 'error'); }
});
`;
}
