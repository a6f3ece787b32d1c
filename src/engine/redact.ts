import type { NormalisedText } from '../types.js';
import { normaliseTerm, type NormaliserConfig } from '../normalise/normalise.js';

/**
 * The rule that keeps the password out of every result (README: "the password never appears in
 * a result"): a text a finding would carry — a matched `term`, a custom check's message or
 * string parameter — is withheld when it contains the password in any of its forms (as typed,
 * lower-cased, normalised, folded), compared in the term's own forms too (as listed,
 * lower-cased, folded the way passwords are). A term that matched the whole password always
 * contains it up to one edit, so `sunshine` typed as `Sunsh1ne` gives no `term`; one that is
 * only part of the password (`contoso` in `contoso-sunrise-77`) still names what to change.
 */
export class PasswordRedactor {
  readonly #forms: readonly string[];
  readonly #config: NormaliserConfig;

  constructor(password: string, text: NormalisedText, config: NormaliserConfig) {
    const forms = new Set([password, password.toLowerCase(), text.plain, text.folded]);
    forms.delete('');
    this.#forms = [...forms];
    this.#config = config;
  }

  /** Whether `s` would give the password away. */
  reveals(s: string): boolean {
    if (this.#forms.length === 0) return false;
    const views = new Set([s, s.toLowerCase(), normaliseTerm(s, this.#config)]);
    for (const view of views) for (const form of this.#forms) if (view.includes(form)) return true;
    return false;
  }
}
