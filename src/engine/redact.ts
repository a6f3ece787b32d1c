import type { NormalisedText } from '../types.js';
import { normaliseTerm, type NormaliserConfig } from '../normalise/normalise.js';
import { withinOneEdit } from '../detect/edit-distance.js';
import { base64Readings, percentDecoded } from './redact-views.js';

/**
 * A custom check's `code` may not hold this many consecutive characters of the password (in any
 * form or reading below). 8: a code is a fixed identifier, and 8 characters are most of a short
 * password; a code word of 8 letters the password also contains (`PASSWORD_REUSED` for a password
 * with `password` in it) costs that check its finding — a rejecting CHECK_ERROR saying why — and
 * never lets the piece through.
 */
export const CODE_PIECE_LENGTH = 8;

const reverse = (s: string): string => [...s].reverse().join('');

/** The non-empty ones of a, b, c, d (already distinct, or '' where repeated), in order. */
function distinctForms(a: string, b: string, c: string, d: string): string[] {
  const out = new Array<string>((a !== '' ? 1 : 0) + (b !== '' ? 1 : 0) + (c !== '' ? 1 : 0) + (d !== '' ? 1 : 0));
  let k = 0;
  if (a !== '') out[k++] = a;
  if (b !== '') out[k++] = b;
  if (c !== '') out[k++] = c;
  if (d !== '') out[k++] = d;
  return out;
}

/**
 * The rule that keeps the password out of every result (README: "the password never appears in
 * a result"): a text a finding would carry — a matched `term`, a custom check's message or
 * string parameter — is withheld when it contains the password in any of its forms (as typed,
 * lower-cased, normalised, folded), compared in the term's own forms too (as listed,
 * lower-cased, folded the way passwords are), or when it is one edit away from the whole folded
 * password (it would give away all of it but one character). So `sunshine` typed as `Sunsh1ne`
 * gives no `term`; a term that is only part of the password (`contoso` in `contoso-sunrise-77`)
 * still names what to change.
 */
export class PasswordRedactor {
  readonly #forms: readonly string[];
  readonly #folded: string;
  readonly #config: NormaliserConfig;
  /** The forms and their reversals, lower-cased: what a custom check's text is searched for.
   * Built on first use: only custom checks' texts need them, and every evaluation with a named
   * term builds a redactor. */
  #copiesCache: readonly string[] | null = null;

  constructor(password: string, text: NormalisedText, config: NormaliserConfig) {
    // The distinct non-empty forms, in this order (a Set per evaluation cost more than the rest).
    // Listed at their number (no array literal to loop over, no array grown by push: ~200 B).
    const lower = password.toLowerCase();
    const a = password;
    const b = lower !== a ? lower : '';
    const c = text.plain !== a && text.plain !== b ? text.plain : '';
    const d = text.folded !== a && text.folded !== b && text.folded !== c ? text.folded : '';
    this.#forms = distinctForms(a, b, c, d);
    this.#folded = text.folded;
    this.#config = config;
  }

  get #copies(): readonly string[] {
    return (this.#copiesCache ??= [...new Set(this.#forms.flatMap((f) => [f.toLowerCase(), reverse(f).toLowerCase()]))]);
  }

  /**
   * For what a custom check returns (issue 20 item 10): whether `s` gives the password away as
   * `reveals` says, or holds a copy of it reversed, percent-encoded (`%20` or `+`, once or
   * twice) or base64/base64url-encoded — compared lower-cased, in every form.
   */
  revealsCopy(s: string): boolean {
    if (this.reveals(s)) return true;
    if (this.#copies.length === 0) return false;
    for (const view of this.#readings(s)) for (const copy of this.#copies) if (view.includes(copy)) return true;
    return false;
  }

  /** For a custom check's `code`: whether any CODE_PIECE_LENGTH characters of it are the password's. */
  revealsPiece(code: string): boolean {
    if (this.revealsCopy(code)) return true;
    for (const view of this.#readings(code)) {
      for (let i = 0; i + CODE_PIECE_LENGTH <= view.length; i++) {
        const piece = view.slice(i, i + CODE_PIECE_LENGTH);
        for (const copy of this.#copies) if (copy.includes(piece)) return true;
      }
    }
    return false;
  }

  /** `s` as written and decoded, each also normalised like a term, all lower-cased. */
  #readings(s: string): Set<string> {
    const decoded = new Set([s]);
    for (const once of [percentDecoded(s, false), percentDecoded(s, true)]) {
      decoded.add(once);
      decoded.add(percentDecoded(once, false));
      decoded.add(percentDecoded(once, true));
    }
    for (const b of base64Readings(s)) decoded.add(b);
    const out = new Set<string>();
    for (const d of decoded) {
      out.add(d.toLowerCase());
      out.add(normaliseTerm(d, this.#config).toLowerCase());
    }
    return out;
  }

  /** Whether `s` would give the password away. */
  reveals(s: string): boolean {
    const forms = this.#forms;
    if (forms.length === 0) return false;
    const folded = normaliseTerm(s, this.#config);
    const lower = s.toLowerCase();
    // `s`, lower-cased and folded, against every form (a repeated view finds nothing new).
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i]!;
      if (s.includes(form) || lower.includes(form) || folded.includes(form)) return true;
    }
    return withinOneEdit(this.#folded, 0, this.#folded.length, folded);
  }
}
