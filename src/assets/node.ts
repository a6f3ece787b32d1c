import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Assets, type Platform } from './platform.js';
import { FileKindError, FileLimits, readRegularFile } from '../io/regular-file.js';
import { MANIFEST, parseManifest, verifyFile, type Manifest } from './integrity.js';
import { DataError } from '../errors.js';
import { loadFilter, nodeSha1Hex, openFilterFile } from '../filter/node.js';
import { decodeDictionary } from '../detect/dictionary-bytes.js';
import { decodeBannedIndex } from '../detect/banned-bytes.js';
import { StackedIndex } from '../match/stacked-index.js';
import { ExactTrie } from '../match/exact-trie.js';

export interface NodePlatformOptions {
  /**
   * The folder holding the data files. Default: `PASSGATE_DATA_DIR` if set, else the package's
   * own `data/` folder.
   */
  dataDir?: string;
}

/** The environment variable that points the Node entry at another data folder (e.g. after bundling). */
export const DATA_DIR_VARIABLE = 'PASSGATE_DATA_DIR';

// The bundle lives in dist/ and the sources in src/assets/: both sit below the package root,
// whose data/ folder holds the generated lists and filters. When neither exists, the first is
// where a missing file is reported (the layout of the npm package).
function packageDataDir(): string {
  const candidates = ['../data/', '../../data/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

/**
 * A `Platform` reading the data files from a folder. Decided on first use, not at import: an
 * importer that never builds a checker pays nothing, and `PASSGATE_DATA_DIR` may be set late.
 */
export function createNodePlatform(options: NodePlatformOptions = {}): Platform {
  let dir: string | undefined;
  const dataDir = () => (dir ??= options.dataDir ?? (process.env[DATA_DIR_VARIABLE] || packageDataDir()));
  const locate = (name: string) => join(dataDir(), name);
  const readRaw = async (name: string): Promise<Uint8Array | null> => {
    try {
      // Bounded: PASSGATE_DATA_DIR may point anywhere, and a data file that is a FIFO or a link
      // to /dev/zero must fail, not read forever (src/io/regular-file.ts).
      return await readRegularFile(locate(name), FileLimits.data);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      const why = err instanceof FileKindError ? err.reason : code ?? 'error';
      throw new DataError(`passgate: data file ${name} at ${locate(name)} cannot be read (${why})`, {
        file: name,
        location: locate(name),
        cause: err,
      });
    }
  };
  // Read once per platform; a failure does not stick (the folder may be fixed and retried).
  let manifestRead: Promise<Manifest> | undefined;
  const manifest = (): Promise<Manifest> => {
    manifestRead ??= readRaw(MANIFEST).then((bytes) => {
      if (bytes === null) {
        throw new DataError(`passgate: data manifest ${MANIFEST} not found at ${locate(MANIFEST)}: without it no data file can be verified. Reinstall passgate or rebuild its data (npm run build:data)`, { file: MANIFEST, location: locate(MANIFEST) });
      }
      return parseManifest(bytes, locate(MANIFEST));
    });
    manifestRead.catch(() => (manifestRead = undefined));
    return manifestRead;
  };
  return {
    loadZxcvbn: () => import('../score/zxcvbn.js').then((m) => m.loadZxcvbn()),
    openPopularity: (popularity) => import('../popularity/source.js').then((m) => m.createPopularitySource(popularity)),
    async readAsset(name) {
      const bytes = await readRaw(name);
      if (bytes === null || name === MANIFEST) return bytes;
      // Checked before any use: a changed, truncated or swapped file is a DataError (integrity.ts).
      return verifyFile(name, bytes, await manifest(), sha256Hex, locate(name));
    },
    locate,
    dataHint: `Reinstall passgate or rebuild its data (npm run build:data), or point ${DATA_DIR_VARIABLE} (or withDataDir()) at a copy of its data/ folder`,
    async readFile(path) {
      return readRegularFile(path, FileLimits.data);
    },
    async fetchBytes(url) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`fetching the filter failed with HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    breachedAsset: Assets.breachedFull,
    decodeDictionary,
    prebuiltBanned: {
      decode: (bytes, key, terms) => decodeBannedIndex(bytes, key, terms, nodeSha1Hex),
      stack: (custom, customTerms, global) => new StackedIndex(custom, customTerms, global),
    },
    exactMatcher: (terms) => ExactTrie.build(terms),
    loadFilter: (bytes) => loadFilter(bytes),
    openFilterFile: (path) => openFilterFile(path),
    // Loaded on first use: node:crypto's KDFs and the optional argon2/bcrypt packages.
    verifyHash: (candidate, hash) => import('../rotation/verify-node.js').then((m) => m.verifyPasswordHash(candidate, hash)),
  };
}

/** The Node entry's platform: the package's data/ folder, or `PASSGATE_DATA_DIR`. */
export const nodePlatform: Platform = createNodePlatform();

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
