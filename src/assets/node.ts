import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Assets, type Platform } from './platform.js';
import { loadFilter } from '../filter/node.js';
import { decodeDictionary } from '../detect/dictionary-bytes.js';
import { decodeBannedIndex } from '../detect/banned-bytes.js';
import { StackedIndex } from '../match/stacked-index.js';
import { ExactTrie } from '../match/exact-trie.js';

// The bundle lives in dist/ and the sources in src/assets/: both sit below the package root,
// whose data/ folder holds the generated lists and filters.
function dataDir(): string | null {
  for (const rel of ['../data/', '../../data/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return null;
}

let cachedDir: string | null | undefined;

export const nodePlatform: Platform = {
  loadZxcvbn: () => import('../score/zxcvbn.js').then((m) => m.loadZxcvbn()),
  async readAsset(name) {
    if (cachedDir === undefined) cachedDir = dataDir();
    if (cachedDir === null) return null;
    try {
      return new Uint8Array(await readFile(cachedDir + name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  },
  async readFile(path) {
    return new Uint8Array(await readFile(path));
  },
  async fetchBytes(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`fetching the filter failed with HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  },
  breachedAsset: Assets.breachedFull,
  decodeDictionary,
  prebuiltBanned: {
    decode: decodeBannedIndex,
    stack: (custom, customTerms, global) => new StackedIndex(custom, customTerms, global),
  },
  exactMatcher: (terms) => ExactTrie.build(terms),
  loadFilter: (bytes) => loadFilter(bytes),
};
