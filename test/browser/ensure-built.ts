import { readFileSync } from 'node:fs';
import { ensureBuilt as buildMissing, ROOT } from '../../scripts/ensure-built.js';

export { ROOT };
export const BUNDLE = `${ROOT}dist/browser.js`;
/** `passgate/builder`: the filter builder, built apart from the browser core. */
export const BUILDER = `${ROOT}dist/builder.js`;

/** Static imports of bare specifiers: a browser cannot resolve them without an import map. */
export function bareImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) {
    const spec = m[1]!;
    if (!spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('http')) out.push(spec);
  }
  return out;
}

/**
 * The browser tests need the built package: dist/browser.js (tsup) and data/ (the lists and the
 * small filter tier). The suite's global setup builds what is missing; this also checks it.
 */
export function ensureBuilt(): void {
  buildMissing();
  const bare = bareImports(readFileSync(BUNDLE, 'utf8'));
  if (bare.length > 0) {
    throw new Error(
      `dist/browser.js imports ${bare.join(', ')} by bare name, which a browser cannot load: ` +
        'list those packages in noExternal of the browser entry in tsup.config.ts (then rebuild: npx tsup)',
    );
  }
}
