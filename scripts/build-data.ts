/**
 * Builds every generated data file the package ships into data/: the word lists (global banned
 * terms, dictionary, names, common passwords) and the breached-password filters. Deterministic:
 * the same installed packages give the same bytes. Writes data/manifest.json describing them.
 *
 *   npx tsx scripts/build-data.ts [outDir]     (npm run build:data)
 *   npx tsx scripts/build-data.ts --update-other-words   re-derive wordlists/dictionary-other.txt
 *       from the installed Debian lists (all of them) and write it with its pin
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { buildWordlists } from './build-wordlists.js';
import { buildDefaultFilters } from './build-filters.js';
import { buildModel } from './build-model.js';
import { buildLightLists } from './build-light.js';
import { Assets, lines } from '../src/assets/platform.js';
import { collectDictionary, shippedDictionaryLists } from '../src/detect/dictionary.js';
import { dictionaryKey, encodeDictionary } from '../src/detect/dictionary-bytes.js';
import { encodeBannedIndex } from '../src/detect/banned-bytes.js';
import { bannedIndexKey } from '../src/detect/dictionary-key.js';
import { TermIndex } from '../src/match/index.js';
import { normaliseTerm } from '../src/normalise/normalise.js';
import { PROFILES } from '../src/policy/profiles.js';
import { compileSubstitutions } from '../src/normalise/substitutions.js';

async function main(outDir: string, updatePin: boolean): Promise<void> {
  const started = performance.now();
  await mkdir(outDir, { recursive: true });
  const words = await buildWordlists(outDir, { updatePin });
  const filters = await buildDefaultFilters(outDir);
  const compiled = [await buildCompiledDictionary(outDir), await buildCompiledBannedIndex(outDir), await buildModel(outDir)];
  const light = await buildLightLists(outDir);
  const manifest = { generatedBy: 'scripts/build-data.ts', wordlists: words, filters, compiled, light };
  await writeFile(resolve(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const ms = Math.round(performance.now() - started);
  const count = words.length + filters.filters.length + compiled.length + light.length;
  process.stderr.write(`build-data: ${count} files in ${outDir} (${ms} ms)\n`);
}

/**
 * The recommended profile's strength dictionary, folded and indexed once here rather than in
 * every createChecker (see src/detect/dictionary-bytes.ts). Same lists, same order, same settings
 * as the runtime fallback in src/engine/state.ts.
 */
async function buildCompiledDictionary(outDir: string) {
  const profile = PROFILES.recommended;
  const config = recommendedNormaliser();
  const read = async (name: string) => lines(new Uint8Array(await readFile(resolve(outDir, name))));
  const lists = {
    passwords: await read(Assets.commonPasswords),
    banned: await read(Assets.globalBanned),
    english: await read(Assets.dictionary),
    names: await read(Assets.names),
    other: await read(Assets.dictionaryOther),
  };
  const terms = collectDictionary(shippedDictionaryLists(lists), config);
  const bytes = encodeDictionary(terms, dictionaryKey(config, profile.substitutions));
  return writeCompiled(outDir, Assets.dictionaryCompiled, bytes, terms.folded.length);
}

/**
 * The recommended profile's index of the global banned list (see src/detect/banned-bytes.ts):
 * createChecker stacks it under the custom terms' own index instead of building it. Same fold
 * and fuzzy length as the runtime fallback in src/detect/banned-lists.ts.
 */
async function buildCompiledBannedIndex(outDir: string) {
  const profile = PROFILES.recommended;
  const config = recommendedNormaliser();
  const global = lines(new Uint8Array(await readFile(resolve(outDir, Assets.globalBanned))));
  const fuzzyMinLength = Number.isFinite(profile.fuzzyMinLength) ? profile.fuzzyMinLength : 1 << 30;
  const index = TermIndex.build(global.map((t) => normaliseTerm(t, config)), { fuzzyMinLength });
  const bytes = encodeBannedIndex(index, global, bannedIndexKey(config, { substitutions: profile.substitutions, profile }));
  return writeCompiled(outDir, Assets.bannedCompiled, bytes, global.length);
}

function recommendedNormaliser() {
  const profile = PROFILES.recommended;
  return {
    unicodeForm: profile.unicodeForm,
    foldDiacritics: profile.foldDiacritics,
    foldConfusables: profile.foldConfusables,
    fold: compileSubstitutions(profile.substitutions),
  };
}

async function writeCompiled(outDir: string, file: string, bytes: Uint8Array, entries: number) {
  await writeFile(resolve(outDir, file), bytes);
  return { file, entries, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
main(resolve(positional[0] ?? 'data'), args.includes('--update-other-words')).catch((err: unknown) => {
  process.stderr.write(`build-data: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
