import type { NormaliserConfig } from '../normalise/normalise.js';
import type { SubstitutionTable } from '../normalise/substitutions.js';

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
