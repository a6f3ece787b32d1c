/**
 * The other-language words are committed (wordlists/dictionary-other.txt, with the pin
 * wordlists/dictionary-other.json), so the published data does not depend on which Debian
 * packages the packing machine happens to have: the same commit gives the same bytes anywhere.
 *
 * The build still derives them from the Debian lists when it can, as a check: with every pinned
 * package installed at its pinned version, the words it derives must equal the committed ones
 * byte for byte, or the build fails. With a list missing or at another version it cannot
 * check, so it says so and ships the committed words unchanged. To move to new package versions:
 * install them, then `npx tsx scripts/build-data.ts --update-other-words`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DebianList, OtherLanguage } from './other-languages.js';

/** What the committed words were derived from and what the manifest says about them. */
export interface OtherWordsPin {
  /** Every list the words came from, in OTHER_LANGUAGES order. */
  readonly packages: { package: string; version: string }[];
  readonly entries: number;
  readonly sha256: string;
  /** The manifest's `sources` and `transform`, exactly as the derivation writes them. */
  readonly sources: unknown[];
  readonly transform: string;
}

export interface PinnedOtherWords {
  readonly pin: OtherWordsPin;
  readonly words: string[];
}

export const PIN_WORDS = 'wordlists/dictionary-other.txt';
export const PIN_FILE = 'wordlists/dictionary-other.json';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const fileText = (words: readonly string[]) => (words.length === 0 ? '' : words.join('\n') + '\n');

/** Reads the committed words and checks them against their pin (a hand edit fails here). */
export function readPinned(root: string): PinnedOtherWords {
  const pin = JSON.parse(readFileSync(join(root, PIN_FILE), 'utf8')) as OtherWordsPin;
  const text = readFileSync(join(root, PIN_WORDS), 'utf8');
  if (sha256(text) !== pin.sha256) {
    throw new Error(`${PIN_WORDS} does not match the sha256 in ${PIN_FILE}: restore it, or rebuild it with --update-other-words`);
  }
  const words = text === '' ? [] : text.slice(0, -1).split('\n');
  if (words.length !== pin.entries) throw new Error(`${PIN_WORDS} has ${words.length} words, ${PIN_FILE} says ${pin.entries}`);
  return { pin, words };
}

/** Writes the committed files from a derivation that had every list installed. */
export function writePinned(root: string, derived: PinnedOtherWords): void {
  writeFileSync(join(root, PIN_WORDS), fileText(derived.words));
  writeFileSync(join(root, PIN_FILE), JSON.stringify(derived.pin, null, 2) + '\n');
}

/** The pin a derivation from `installed` would have. */
export function pinOf(installed: readonly DebianList[], words: readonly string[], sources: unknown[], transform: string): OtherWordsPin {
  return {
    packages: installed.map((l) => ({ package: l.lang.package, version: l.version })),
    entries: words.length,
    sha256: sha256(fileText(words)),
    sources,
    transform,
  };
}

export type PinCheck =
  | { readonly kind: 'verified' }
  | { readonly kind: 'unverified'; readonly reason: string };

/**
 * Whether the installed lists are exactly the pinned packages and versions (so a derivation can
 * be compared with the pin), and why not. `languages` is every language the build knows.
 */
export function canVerify(pin: OtherWordsPin, installed: readonly DebianList[], languages: readonly OtherLanguage[]): PinCheck {
  const have = new Map(installed.map((l) => [l.lang.package, l.version]));
  const problems: string[] = [];
  for (const { package: pkg, version } of pin.packages) {
    const v = have.get(pkg);
    if (v === undefined) problems.push(`${pkg} not installed`);
    else if (v !== version) problems.push(`${pkg} ${v} installed, ${version} pinned`);
  }
  const pinned = new Set(pin.packages.map((p) => p.package));
  for (const l of languages) if (!pinned.has(l.package)) problems.push(`${l.package} is not in the pin`);
  return problems.length === 0 ? { kind: 'verified' } : { kind: 'unverified', reason: problems.join(', ') };
}

/**
 * Fails loudly when a derivation from the pinned packages differs from the committed words: the
 * derivation (or an input it reads, such as the npm word lists) changed without the pin.
 */
export function assertMatchesPin(pinned: PinnedOtherWords, derived: PinnedOtherWords): void {
  const same =
    derived.pin.sha256 === pinned.pin.sha256 &&
    JSON.stringify(derived.pin.sources) === JSON.stringify(pinned.pin.sources) &&
    derived.pin.transform === pinned.pin.transform;
  if (same) return;
  const had = new Set(pinned.words);
  const has = new Set(derived.words);
  const removed = pinned.words.filter((w) => !has.has(w)).slice(0, 5);
  const added = derived.words.filter((w) => !had.has(w)).slice(0, 5);
  throw new Error(
    `the other-language words derived from the pinned Debian packages differ from ${PIN_WORDS} ` +
      `(${derived.words.length} derived, ${pinned.words.length} committed; e.g. new ${JSON.stringify(added)}, ` +
      `gone ${JSON.stringify(removed)}; or the manifest text changed). If the change is intended, run ` +
      '`npx tsx scripts/build-data.ts --update-other-words` and commit both files.',
  );
}

export interface ChosenOtherWords extends PinnedOtherWords {
  /** A line for the build's log when the committed words were shipped without a check. */
  readonly note: string | null;
}

/**
 * The words the build ships: the committed ones, checked against `derived` when the pinned
 * packages are installed; with `update`, `derived` itself, written to the committed files
 * (only from a complete set of lists: a partial one would pin a smaller dictionary).
 */
export function chooseOtherWords(
  root: string,
  derived: { installed: readonly DebianList[]; words: string[]; sources: unknown[]; transform: string },
  languages: readonly OtherLanguage[],
  opts: { pinned?: PinnedOtherWords; update?: boolean; installHint: string },
): ChosenOtherWords {
  const fresh: PinnedOtherWords = { pin: pinOf(derived.installed, derived.words, derived.sources, derived.transform), words: derived.words };
  if (opts.update) {
    const missing = languages.filter((l) => !derived.installed.some((i) => i.lang.package === l.package));
    if (missing.length > 0) {
      throw new Error(`--update-other-words needs every list installed; missing ${missing.map((l) => l.package).join(', ')} (${opts.installHint})`);
    }
    writePinned(root, fresh);
    return { ...fresh, note: `wrote ${PIN_WORDS} and ${PIN_FILE} (${fresh.words.length} words)` };
  }
  const pinned = opts.pinned ?? readPinned(root);
  const check = canVerify(pinned.pin, derived.installed, languages);
  if (check.kind === 'verified') {
    assertMatchesPin(pinned, fresh);
    return { ...pinned, note: null };
  }
  return {
    ...pinned,
    note: `shipping the committed ${PIN_WORDS} without checking it against the Debian lists (${check.reason}); to check it: ${opts.installHint}`,
  };
}
