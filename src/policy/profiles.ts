import {
  ENTRA_SUBSTITUTIONS,
  RECOMMENDED_SUBSTITUTIONS,
  type SubstitutionTable,
} from '../normalise/substitutions.js';

/**
 * Everything a profile decides, as data: no other file asks for a profile by name (the policy's
 * rejecting codes follow from `threshold`, `strength` and `matching`: src/codes.ts `Rejects`).
 * Adding a profile touches this file, its tests and the README's table. Options override the
 * defaults marked as such.
 */
export interface Profile {
  /** Its key in `PROFILES`. */
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
  /** Default minimum length in code points (an option may change it within `lengthRule`). */
  readonly minLength: number;
  /** With `mfa: true` (the password is one factor of several) the default minimum; null: `mfa` changes nothing. */
  readonly mfaMinLength: number | null;
  /** Default maximum length in code points. */
  readonly maxLength: number;
  /**
   * A standard's length rule the options may not relax, or null: `minLength` below the profile's
   * own minimum (`mfaMinLength` with `mfa`) or `maxLength` below `maxLengthAtLeast` is refused,
   * naming `standard`.
   */
  readonly lengthRule: null | { readonly standard: string; readonly maxLengthAtLeast: number };
  /** Entra's points threshold. */
  readonly threshold: number;
  /**
   * How a points shortfall (LOW_SCORE) is worded: with Entra's arithmetic ('points', the entra
   * profile, whose algorithm it is) or in plain words ('plain').
   */
  readonly pointsWording: 'points' | 'plain';
  /** Years, digit runs, keyboard walks… count as one token each in the points. */
  readonly patternTokens: boolean;
  /** Dictionary words and the strength estimate take part. */
  readonly strength: boolean;
  /** Strength scores (0–4) below this are rejected as WEAK. */
  readonly minStrengthScore: number;
  /** The embedded breached filter is on unless `breached: false`. */
  readonly breachedByDefault: boolean;
  /**
   * A password not found in the breached filter is looked up once more in its all-lowercase
   * (normalised) form: lists keep case, users vary it.
   */
  readonly breachedLowercase: boolean;
}

const recommended: ProfileData = {
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
  mfaMinLength: null,
  maxLength: 256,
  lengthRule: null,
  threshold: 5,
  pointsWording: 'plain',
  patternTokens: true,
  strength: true,
  minStrengthScore: 3,
  breachedByDefault: true,
  breachedLowercase: true,
};

// Entra's documented algorithm and nothing more: no breach lookup (Microsoft's list "isn't based
// on ... compromised password lists"), no patterns, no length rule beyond a non-empty password.
const entra: ProfileData = {
  unicodeForm: 'none',
  foldDiacritics: false,
  foldConfusables: false,
  substitutions: ENTRA_SUBSTITUTIONS,
  matching: 'substring',
  fuzzyMinLength: 0,
  fuzzyContext: false,
  minLength: 1,
  mfaMinLength: null,
  maxLength: 256,
  lengthRule: null,
  threshold: 5,
  pointsWording: 'points',
  patternTokens: false,
  strength: false,
  minStrengthScore: 0,
  breachedByDefault: false,
  breachedLowercase: false,
};

// SP 800-63B rev 4 §3.1.1.2: 15 characters (8 with MFA), at least 64 allowed, NFC, no
// composition rules, the entire password compared with the blocklist.
const nist: ProfileData = {
  unicodeForm: 'NFC',
  foldDiacritics: false,
  foldConfusables: false,
  substitutions: ENTRA_SUBSTITUTIONS,
  matching: 'whole',
  fuzzyMinLength: Number.POSITIVE_INFINITY,
  fuzzyContext: false,
  minLength: 15,
  mfaMinLength: 8,
  maxLength: 256,
  lengthRule: { standard: 'SP 800-63B', maxLengthAtLeast: 64 },
  threshold: 0,
  pointsWording: 'plain',
  patternTokens: false,
  strength: false,
  minStrengthScore: 0,
  breachedByDefault: true,
  breachedLowercase: false,
};

type ProfileData = Omit<Profile, 'name'>;
const DATA = { recommended, entra, nist };

/** The profiles' names, from `PROFILES` (the public `ProfileName`). */
export type ProfileName = keyof typeof DATA;
/** The profile `createChecker()` uses when none is given. */
export const DEFAULT_PROFILE: ProfileName = 'recommended';

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze(
  Object.fromEntries(Object.entries(DATA).map(([name, data]) => [name, Object.freeze({ name, ...data })])) as Record<ProfileName, Profile>,
);
/** The names, in `PROFILES`' order (the default first). */
export const PROFILE_NAMES: readonly ProfileName[] = Object.freeze(Object.keys(PROFILES) as ProfileName[]);
