import type { NormaliserConfig } from '../normalise/normalise.js';
import type { SubstitutionTable } from '../normalise/substitutions.js';
import type { Profile } from '../policy/profiles.js';

/**
 * The settings a dictionary was folded with, as a string: a precompiled dictionary is only used
 * by a checker whose key is the same (its own module so that the browser entry, which never
 * reads compiled dictionaries, does not carry the decoder).
 */
export function dictionaryKey(config: NormaliserConfig, substitutions: SubstitutionTable): string {
  const subs = Object.keys(substitutions)
    .sort()
    .map((k) => `${k}=${substitutions[k]}`)
    .join(',');
  return `${config.unicodeForm}|${config.foldDiacritics}|${config.foldConfusables}|${subs}`;
}

/** The same for the precompiled global banned-list index, which also depends on the fuzzy length. */
export function bannedIndexKey(config: NormaliserConfig, options: { substitutions: SubstitutionTable; profile: Pick<Profile, 'fuzzyMinLength'> }): string {
  const fuzzy = options.profile.fuzzyMinLength;
  return `${dictionaryKey(config, options.substitutions)}|fuzzy=${Number.isFinite(fuzzy) ? fuzzy : 'none'}`;
}
