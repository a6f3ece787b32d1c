import type { ProfileName } from '../types.js';
import {
  ENTRA_SUBSTITUTIONS,
  RECOMMENDED_SUBSTITUTIONS,
  type SubstitutionTable,
} from '../normalise/substitutions.js';

/** Everything a profile decides. Options override the defaults marked as such. */
export interface Profile {
  readonly name: ProfileName;
  readonly unicodeForm: 'none' | 'NFC' | 'NFKC';
  readonly foldDiacritics: boolean;
  readonly foldConfusables: boolean;
  readonly substitutions: SubstitutionTable;
  /** 'substring': Entra's contains-with-points; 'whole': NIST's entire-password comparison. */
  readonly matching: 'substring' | 'whole';
  /** Banned terms shorter than this are matched exactly only. */
  readonly fuzzyMinLength: number;
  /** Context names at edit distance 1 count too (Entra documents exact substrings only). */
  readonly fuzzyContext: boolean;
  readonly minLength: number;
  readonly maxLength: number;
  /** Entra's points threshold. */
  readonly threshold: number;
  /** Years, digit runs, keyboard walks… count as one token each in the points. */
  readonly patternTokens: boolean;
  /** Dictionary words and the strength estimate take part. */
  readonly strength: boolean;
  /** Strength scores (0–4) below this are rejected as WEAK. */
  readonly minStrengthScore: number;
  /** The embedded breached filter is on unless `breached: false`. */
  readonly breachedByDefault: boolean;
}

const recommended: Profile = {
  name: 'recommended',
  unicodeForm: 'NFKC',
  foldDiacritics: true,
  foldConfusables: true,
  substitutions: RECOMMENDED_SUBSTITUTIONS,
  matching: 'substring',
  // At edit distance 1 a 4-letter term matches about half of all random 4-letter windows, and with
  // i/l folded together two 5-letter hits landed in 0.45 % of random 12-letter strings (measured):
  // from 6 letters on a fuzzy hit means something. Shorter terms still match exactly.
  fuzzyMinLength: 6,
  fuzzyContext: true,
  minLength: 8,
  maxLength: 256,
  threshold: 5,
  patternTokens: true,
  strength: true,
  minStrengthScore: 3,
  breachedByDefault: true,
};

// Entra's documented algorithm and nothing more: no breach lookup (Microsoft's list "isn't based
// on ... compromised password lists"), no patterns, no length rule beyond a non-empty password.
const entra: Profile = {
  name: 'entra',
  unicodeForm: 'none',
  foldDiacritics: false,
  foldConfusables: false,
  substitutions: ENTRA_SUBSTITUTIONS,
  matching: 'substring',
  fuzzyMinLength: 0,
  fuzzyContext: false,
  minLength: 1,
  maxLength: 256,
  threshold: 5,
  patternTokens: false,
  strength: false,
  minStrengthScore: 0,
  breachedByDefault: false,
};

// SP 800-63B rev 4 §3.1.1.2: 15 characters (8 with MFA), at least 64 allowed, NFC, no
// composition rules, the entire password compared with the blocklist.
const nist: Profile = {
  name: 'nist',
  unicodeForm: 'NFC',
  foldDiacritics: false,
  foldConfusables: false,
  substitutions: ENTRA_SUBSTITUTIONS,
  matching: 'whole',
  fuzzyMinLength: Number.POSITIVE_INFINITY,
  fuzzyContext: false,
  minLength: 15,
  maxLength: 256,
  threshold: 0,
  patternTokens: false,
  strength: false,
  minStrengthScore: 0,
  breachedByDefault: true,
};

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({ recommended, entra, nist });
