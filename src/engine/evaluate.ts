import type { CheckInput, Finding, Mode, NormalisedText, PasswordContext, ProfileName } from '../types.js';
import type { EngineState } from './state.js';
import { codePointLength, normaliseWithin } from '../normalise/normalise.js';
import { contextTerms } from '../detect/context.js';
import type { PatternMatch } from '../detect/patterns/types.js';
import { appliesTo, type Detected } from '../detect/detector.js';
import { DETECTORS } from '../detect/registry.js';
import { scanWords } from '../detect/word-scan.js';
import { findWords } from '../detect/dictionary.js';
import { scorePoints, type PointsResult } from '../score/points.js';
import { estimate, type StrengthSummary } from '../score/estimate.js';
import { transliterate } from '../detect/patterns/transliterate.js';
import { decide } from '../policy/verdict.js';
import { weaknessFindings } from '../policy/weakness.js';
import { feedbackFor, messageFor, type Feedback } from '../wording/feedback.js';
import type { Locale } from '../wording/locales.js';
import { PasswordRedactor } from './redact.js';
import { readRotationContext, rotatedFinding } from '../rotation/context.js';
import { isRotation } from '../rotation/similar.js';
import { typedForLetter } from '../score/attacks/text-rules.js';

export type { StrengthSummary } from '../score/estimate.js';

/** What `evaluate` returns. It never contains the password. */
export interface EvaluationResult {
  /** The verdict: false means ask for another password (always true in audit mode). */
  readonly accepted: boolean;
  /** The enforce-mode verdict would have been a rejection (useful in audit mode). */
  readonly wouldReject: boolean;
  /**
   * Entra points of the normalised password: one per banned term or pattern, one per other
   * character (a password with a banned term needs `policy.threshold` of them).
   */
  readonly points: number;
  /**
   * The Entra points again (not the 0–4 `strength.score`).
   * @deprecated use `points`; kept, with the same value, in results, JSON and the service.
   */
  readonly score: number;
  readonly findings: readonly Finding[];
  readonly feedback: Feedback;
  /** The strength estimate, where the profile uses one. */
  readonly strength: StrengthSummary | null;
  readonly policy: {
    readonly profile: ProfileName;
    readonly mode: Mode;
    readonly threshold: number;
    readonly minLength: number;
    readonly maxLength: number;
    /** Codes of the findings that decided a rejection. */
    readonly rejectedBy: readonly string[];
  };
}

/**
 * The normalised text may be at most this many UTF-16 units per code point of `maxLength`: the
 * most a password within the cap can have before normalisation (a code point is one or two
 * units), so only compatibility expansions (ﷺ → 18 units, ﬃ → 3, ¼ → 3) can cross it, and only
 * when they make up much of a long password. Every detector's work is bounded by this length.
 */
export const NORMALISED_LENGTH_FACTOR = 2;

/** Checks run per evaluation before the policy decides; custom checks come after these. */
export interface Detection {
  readonly findings: Finding[];
  readonly input: CheckInput | null;
  readonly points: number;
  readonly strength: StrengthSummary | null;
  /** Found in a breached list (the embedded or given filter, or an asynchronous source). */
  readonly breached: boolean;
}

/**
 * What an asynchronous source already established (engine/run-checks.ts): the password is
 * breached, and the context terms read by the first pass (a context's fields are read once).
 */
export interface KnownBreached {
  readonly terms: CheckInput['contextTerms'];
  /** The breach count the source gave, kept on the BREACHED finding. */
  readonly params?: Finding['params'];
}

/** Detection and scoring: everything up to the policy decision. Throws only for a misused context. */
export function detect(state: EngineState, password: string, context: PasswordContext | undefined, known?: KnownBreached): Detection {
  const { options, normaliser } = state;
  const { profile } = options;
  // The cap comes before any other work: a code point is at most two units, so anything longer
  // than twice the cap in units is over it without counting.
  const length = password.length > 2 * options.maxLength ? Infinity : codePointLength(password);
  // The normaliser stops as soon as its output passes the bound, so the expansion costs nothing.
  // Another script's letters read as the Latin keys they sit on (recommended only; entra keeps
  // Entra's exact behaviour). One unit per unit: spans still index the password, and the bounds hold.
  const typed = profile.strength && length <= options.maxLength ? transliterate(password) : password;
  const text = length > options.maxLength ? null : normaliseWithin(typed, normaliser, NORMALISED_LENGTH_FACTOR * options.maxLength);
  if (text === null) return tooLong(options.maxLength);
  const findings: Finding[] = [];
  if (length < options.minLength) findings.push({ code: 'TOO_SHORT', source: 'policy', params: { min: options.minLength, length } });

  const terms = known ? known.terms : contextTerms(context, normaliser);
  // The rotation fields are read apart from the terms: they are secrets, never matched as names.
  const previous = readRotationContext(context, options.maxLength).previous;
  if (previous !== null && isRotation(previous, password)) findings.push(rotatedFinding('previousPassword'));
  const input: CheckInput = { password, text, contextTerms: terms, profile: profile.name };

  let points = 0;
  let strength: StrengthSummary | null = null;
  const breached = known !== undefined || (state.breached !== null && isBreached(state, password, text));
  // The registered checks that apply to this profile (detect/registry.ts), in order.
  const out: Detected = { findings, matches: [] };
  for (let i = 0; i < DETECTORS.length; i++) {
    const d = DETECTORS[i]!;
    if (appliesTo(d, profile)) d.run(input, state, out);
  }
  if (profile.matching === 'whole') {
    points = codePointLength(text.folded);
  } else {
    const patterns = out.matches;
    // Passwords that will be estimated get one dictionary scan for words and exact banned terms
    // alike; breached ones skip the estimate, so the banned lists' smaller trie is enough.
    const link = profile.strength && !breached && state.dictionary ? state.bannedWords?.peek() : null;
    const scan = link ? scanWords(state.dictionary!, link, text.folded) : null;
    const scored = scorePoints(text.folded, state.banned.index, patterns, true, scan?.banned);
    points = scored.points;
    tokenFindings(state, text, scored, patterns, findings);
    const lowScoreAt = findings.length;
    const lowScore = scored.bannedCount > 0 && scored.points < profile.threshold;
    if (profile.strength && breached) {
      // A breached password is on every attacker's list: whatever its shape, it falls at once.
      // Saying so is both true and cheaper than estimating it (40 % of real attempts are these).
      strength = BREACHED_STRENGTH;
    } else if (profile.strength) {
      const wordAt = scan ? scan.words : state.dictionary ? findWords(state.dictionary, text.folded) : [];
      const estimated = estimate(state, typed, text, scored, patterns, terms, wordAt);
      strength = estimated.summary;
      // The weakness decision is the policy's, from guesses (policy/weakness.ts).
      const weak = weaknessFindings(profile, estimated);
      for (let i = 0; i < weak.length; i++) findings.push(weak[i]!);
    }
    // The points rule counts a banned term reached by one edit like the term itself; in a random
    // string (`w0lenKrcc`) such near misses are chance. With the model's estimate at hand, a
    // password whose banned terms are all near misses and which the estimate (charset-aware, with
    // the near miss priced) puts at score 3 or more keeps its points shortfall as information
    // only. A global term read only through digits or symbols typed for its letters (`M4G9l3` as
    // `maggie` in `fM4G9l37d`) is such a near miss too: the estimate prices the substitutions
    // (measured: 10 of 47 false rejections in 50,000 random alphanumerics of 9, at no loss of
    // held-out recall; bench/QUALITY.md). So does one whose banned terms are all global ones and
    // which the estimate, pricing each by its rank, puts at score 4: rarer terms joined (`quackracingtraffic`, 1 % of three
    // random EFF words), while the terms people combine (top ranks) keep the estimate below it.
    // A custom term stays binding: the organisation listed it (issue 11; entra has no estimate,
    // so W1–W7 are unchanged).
    const banned = state.banned;
    // (The browser's light tier has no model but the same charset-aware estimate, never lower.)
    const chance = strength !== null && (state.model !== null || state.dictionary !== null) && (
      (strength.score >= 4 && scored.tokens.every((t) => t.kind !== 'banned' || banned.source[t.termId!] === 'global'))
      || (strength.score >= 3 && scored.tokens.every((t) => t.kind !== 'banned' || t.distance === 1 || (banned.source[t.termId!] === 'global' && substituted(text, t.start, t.end)))));
    if (lowScore && !chance) {
      findings.splice(lowScoreAt, 0, { code: 'LOW_SCORE', source: 'policy', params: lowScoreParams(scored.points, profile) });
    }
  }
  if (breached) findings.push(known?.params ? { code: 'BREACHED', source: 'breached', params: known.params } : { code: 'BREACHED', source: 'breached' });
  return { findings, input, points, strength, breached };
}

/** Whether a span was read through substitutions (`M4G9l3` as `maggie`): text-rules.ts `typedForLetter`. */
function substituted(text: NormalisedText, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (typedForLetter(text.plain, text.folded, i)) return true;
  return false;
}

/** LOW_SCORE's figures; `plain` asks the wording for plain words instead of the arithmetic (profiles.ts `pointsWording`). */
const lowScoreParams = (points: number, profile: EngineState['options']['profile']): Finding['params'] =>
  profile.pointsWording === 'plain' ? { points, threshold: profile.threshold, plain: true } : { points, threshold: profile.threshold };

const tooLong = (max: number): Detection => ({ findings: [{ code: 'TOO_LONG', source: 'policy', params: { max } }], input: null, points: 0, strength: null, breached: false });

const BREACHED_STRENGTH: StrengthSummary = Object.freeze({ guesses: 1, guessesLog10: 0, score: 0 });

function isBreached(state: EngineState, password: string, text: NormalisedText): boolean {
  const filter = state.breached!;
  if (filter.mayContain(password)) return true;
  // Lists keep case, users vary it: the all-lowercase form is the variant worth one more probe.
  const lower = text.plain;
  return state.options.profile.breachedLowercase && lower !== password && filter.mayContain(lower);
}

/** Appends the points rule's tokens to `out` as findings (no array of their own to copy over). */
function tokenFindings(state: EngineState, text: NormalisedText, scored: PointsResult, patterns: readonly PatternMatch[], out: Finding[]): void {
  const banned = state.banned;
  for (const t of scored.tokens) {
    const start = text.start[t.start]!;
    const end = text.end[t.end - 1]!;
    if (t.kind === 'banned') {
      const id = t.termId!;
      out.push({ code: 'BANNED_TERM', source: banned.source[id] ?? 'global', start, end, term: banned.display[id], distance: t.distance ?? 0 });
    } else {
      const p = patterns[t.patternIndex!]!;
      // A passphrase's separator joins words: a token, not a finding (detect/patterns/affix.ts).
      if (p.params?.position === 'separator') continue;
      out.push({ code: p.code, source: 'pattern', start, end, params: { kind: p.kind, ...p.params } });
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The finding's own properties but `term`, in their order (as `delete` would leave them). */
function withoutTerm(f: Mutable<Finding>): Mutable<Finding> {
  const out: Record<string, unknown> = {};
  const from = f as unknown as Record<string, unknown>;
  for (const key in from) if (key !== 'term' && Object.hasOwn(from, key)) out[key] = from[key];
  return out as unknown as Mutable<Finding>;
}

/** Policy and wording on top of detection: the public result. */
export function finish(state: EngineState, detection: Detection, extra: readonly Finding[], locale: Locale | (string & {})): EvaluationResult {
  const { options } = state;
  const all = extra.length > 0 ? [...detection.findings, ...extra] : detection.findings;
  const verdict = decide(all, options.profile, options.mode);
  // One object per finding, built once; only findings that matter to the verdict get words
  // (informational ones are many on a passphrase, and nobody reads them).
  const builtIn = detection.findings.length;
  const input = detection.input;
  let redactor: PasswordRedactor | null = null;
  const speaker = options.wording.speaker(locale);
  // For options `messages` functions only (wording/overrides.ts): the rule custom checks' texts
  // pass. A password refused as TOO_LONG was never normalised: a text shorter than maxLength
  // units cannot hold it (it has more code points than that) nor be one edit from it.
  const guard = (text: string): boolean => {
    if (!input) return text.length >= options.maxLength;
    redactor ??= new PasswordRedactor(input.password, input.text, state.normaliser);
    return redactor.revealsCopy(text);
  };
  // Its final size at once (one per finding): grown by push it would start at 17 slots.
  const findings = new Array<Finding>(all.length);
  for (let i = 0; i < all.length; i++) {
    // Findings made by this evaluation are fresh objects: complete them in place instead of
    // cloning (clones of many shapes are slow). A custom check's objects are the caller's: copy.
    let own = (i < builtIn ? all[i]! : { ...all[i]! }) as Mutable<Finding>;
    if (own.term !== undefined && input) {
      redactor ??= new PasswordRedactor(input.password, input.text, state.normaliser);
      // A copy without the term, not `delete`: deleting a property that is not the last one
      // added turns the object into a slow dictionary-mode one (measured: 280 vs 120 ns per
      // finding, its later property writes included), and 40 % of the bench mix are common
      // passwords whose banned term is the password itself.
      if (redactor.reveals(own.term)) own = withoutTerm(own);
    }
    own.severity = verdict.severities[i]!;
    // A custom check's own message (already checked: customFindings) is kept.
    if (own.severity !== 'info' && (i < builtIn || typeof own.message !== 'string')) own.message = messageFor(own, speaker, guard);
    findings[i] = own;
  }
  return {
    accepted: verdict.accepted,
    wouldReject: verdict.wouldReject,
    points: detection.points,
    score: detection.points,
    findings,
    feedback: feedbackFor(findings, speaker, guard),
    strength: detection.strength,
    policy: {
      profile: options.profile.name,
      mode: options.mode,
      threshold: options.profile.threshold,
      minLength: options.minLength,
      maxLength: options.maxLength,
      rejectedBy: verdict.rejectedBy,
    },
  };
}
