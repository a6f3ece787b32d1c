import type { CheckInput, Finding, NormalisedText, PasswordContext } from '../types.js';
import type { EngineState } from './state.js';
import { codePointLength, normalise } from '../normalise/normalise.js';
import { contextTerms, findContextTerms, wholeContextTerm, type ContextTerm } from '../detect/context.js';
import { findPatterns } from '../detect/patterns/index.js';
import type { PatternMatch } from '../detect/patterns/types.js';
import { scorePoints, type PointsResult } from '../score/points.js';
import { DICTIONARY_KINDS, findWords } from '../detect/dictionary.js';
import type { TermIndex, TermMatch } from '../match/index.js';
import { estimateStrength, guessesForWord, scoreOf, type Candidate, type Strength } from '../score/strength.js';
import { decide } from '../policy/verdict.js';
import { feedbackFor, messageFor, type Feedback } from '../wording/feedback.js';
import type { Locale } from '../wording/locales.js';

export interface StrengthSummary {
  readonly guesses: number;
  readonly guessesLog10: number;
  /** 0–4, on zxcvbn's scale: 3 means at least 1e10 guesses. */
  readonly score: 0 | 1 | 2 | 3 | 4;
}

/** What `evaluate` returns. It never contains the password. */
export interface EvaluationResult {
  /** The verdict: false means ask for another password (always true in audit mode). */
  readonly accepted: boolean;
  /** The enforce-mode verdict would have been a rejection (useful in audit mode). */
  readonly wouldReject: boolean;
  /** Entra points of the normalised password: one per banned term or pattern, one per other character. */
  readonly score: number;
  readonly findings: readonly Finding[];
  readonly feedback: Feedback;
  /** The strength estimate, where the profile uses one. */
  readonly strength: StrengthSummary | null;
  readonly policy: {
    readonly profile: string;
    readonly mode: string;
    readonly threshold: number;
    readonly minLength: number;
    readonly maxLength: number;
    /** Codes of the findings that decided a rejection. */
    readonly rejectedBy: readonly string[];
  };
}

/** Checks run per evaluation before the policy decides; custom checks come after these. */
export interface Detection {
  readonly findings: Finding[];
  readonly input: CheckInput | null;
  readonly points: number;
  readonly strength: StrengthSummary | null;
}

/** Detection and scoring: everything up to the policy decision. Never throws for a string. */
export function detect(state: EngineState, password: string, context: PasswordContext | undefined): Detection {
  const { options, normaliser } = state;
  const { profile } = options;
  // The cap comes before any other work: a code point is at most two units, so anything longer
  // than twice the cap in units is over it without counting.
  const length = password.length > 2 * options.maxLength ? Infinity : codePointLength(password);
  if (length > options.maxLength) {
    return { findings: [{ code: 'TOO_LONG', source: 'policy', params: { max: options.maxLength } }], input: null, points: 0, strength: null };
  }
  const findings: Finding[] = [];
  if (length < options.minLength) findings.push({ code: 'TOO_SHORT', source: 'policy', params: { min: options.minLength, length } });

  const text = normalise(password, normaliser);
  const terms = contextTerms(context, normaliser);
  const input: CheckInput = { password, text, contextTerms: terms, profile: profile.name };

  let points = 0;
  let strength: StrengthSummary | null = null;
  const breached = state.breached !== null && isBreached(state, password, text);
  if (profile.matching === 'whole') {
    findings.push(...wholePasswordChecks(state, text, terms));
    points = codePointLength(text.folded);
  } else {
    findings.push(...findContextTerms(text, terms, profile.fuzzyContext));
    const patterns = profile.patternTokens ? findPatterns(text.plain).filter((p) => isPredictable(p, text.plain)) : [];
    const scored = scorePoints(text.folded, state.banned.index, patterns, true);
    points = scored.points;
    findings.push(...tokenFindings(state, text, scored, patterns));
    if (scored.bannedCount > 0 && scored.points < profile.threshold) {
      findings.push({ code: 'LOW_SCORE', source: 'policy', params: { points: scored.points, threshold: profile.threshold } });
    }
    if (profile.strength && breached) {
      // A breached password is on every attacker's list: whatever its shape, it falls at once.
      // Saying so is both true and cheaper than estimating it (40 % of real attempts are these).
      strength = BREACHED_STRENGTH;
    } else if (profile.strength) {
      const estimated = estimate(state, password, text, scored, patterns, terms);
      strength = estimated.summary;
      if (strength.score < profile.minStrengthScore) {
        findings.push({ code: 'WEAK', source: 'strength', params: { score: strength.score, guessesLog10: round1(strength.guessesLog10) } });
        findings.push(...estimated.words);
      }
    }
  }
  if (breached) findings.push({ code: 'BREACHED', source: 'breached' });
  return { findings, input, points, strength };
}

/**
 * A run of mixed symbols inside a random password (`;~*]`) is not what users bolt on; `!`, `!!!`
 * and digits are. Keeping such runs out of the tokens stops random passwords from being scored
 * down (measured: 0.085 % of random 9–20 character passwords were, before this).
 */
function isPredictable(p: PatternMatch, plain: string): boolean {
  if (p.code !== 'PREDICTABLE_AFFIX') return true;
  // One or two digits between letters (`tr0ub4dor`) stand for letters: the substitution table
  // reads them as part of the word, so they must not be claimed as separate tokens first.
  if (p.kind === 'digits') return !(p.end - p.start <= 2 && isLetterAt(plain, p.start - 1) && isLetterAt(plain, p.end));
  for (let i = p.start + 1; i < p.end; i++) if (plain.charCodeAt(i) !== plain.charCodeAt(p.start)) return false;
  return true;
}

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (c > 0x7f && s[i]!.toLowerCase() !== s[i]!.toUpperCase());
}

const BREACHED_STRENGTH: StrengthSummary = Object.freeze({ guesses: 1, guessesLog10: 0, score: 0 });

function isBreached(state: EngineState, password: string, text: NormalisedText): boolean {
  const filter = state.breached!;
  if (filter.mayContain(password)) return true;
  // Lists keep case, users vary it: the all-lowercase form is the variant worth one more probe.
  const lower = text.plain;
  return state.options.profile.name === 'recommended' && lower !== password && filter.mayContain(lower);
}

/** NIST: compare the entire (normalised) password, never its parts. */
function wholePasswordChecks(state: EngineState, text: NormalisedText, terms: readonly ContextTerm[]): Finding[] {
  const out: Finding[] = [];
  const whole = text.folded;
  const n = text.start.length;
  const span = n > 0 ? { start: 0, end: text.end[n - 1]! } : {};
  const banned = state.banned;
  const id = wholeTermId(banned.index, whole);
  if (id >= 0) {
    out.push({ code: 'BANNED_TERM', source: banned.source[id] ?? 'global', term: banned.display[id], distance: 0, ...span });
  }
  const core = stripAffixes(whole);
  const ctx = wholeContextTerm(whole, terms) ?? wholeContextTerm(core, terms);
  if (ctx) out.push({ code: 'CONTEXT_TERM', source: 'context', term: ctx.term, distance: 0, params: { field: ctx.field }, ...span });
  const dict = state.dictionary;
  const word = dict ? wholeTermId(dict.index, whole) : -1;
  if (dict && word >= 0) out.push({ code: 'DICTIONARY_WORD', source: 'dictionary', term: dict.word(word), ...span });
  return out;
}

function wholeTermId(index: Pick<TermIndex, 'minTermLength' | 'maxTermLength' | 'findExact'>, s: string): number {
  if (s.length < index.minTermLength || s.length > index.maxTermLength) return -1;
  const out: TermMatch[] = [];
  index.findExact(s, 0, s.length, out);
  return out.find((m) => m.start === 0 && m.end === s.length)?.termId ?? -1;
}

// "derivatives thereof": the name with digits or symbols bolted on either end.
function stripAffixes(s: string): string {
  let a = 0;
  let b = s.length;
  const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || c > 0x7f;
  while (a < b && !isLetter(s.charCodeAt(a))) a++;
  while (b > a && !isLetter(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function tokenFindings(state: EngineState, text: NormalisedText, scored: PointsResult, patterns: readonly PatternMatch[]): Finding[] {
  const out: Finding[] = [];
  const banned = state.banned;
  for (const t of scored.tokens) {
    const start = text.start[t.start]!;
    const end = text.end[t.end - 1]!;
    if (t.kind === 'banned') {
      const id = t.termId!;
      out.push({ code: 'BANNED_TERM', source: banned.source[id] ?? 'global', start, end, term: banned.display[id], distance: t.distance ?? 0 });
    } else {
      const p = patterns[t.patternIndex!]!;
      out.push({ code: p.code, source: 'pattern', start, end, params: { kind: p.kind, ...p.params } });
    }
  }
  return out;
}

function estimate(
  state: EngineState,
  password: string,
  text: NormalisedText,
  scored: PointsResult,
  patterns: readonly PatternMatch[],
  terms: readonly ContextTerm[],
): { summary: StrengthSummary; words: Finding[] } {
  if (state.zxcvbn) {
    return { summary: state.zxcvbn.estimate(text.folded, terms.map((t) => t.term)), words: [] };
  }
  // A pattern match already has the shape of a candidate (start, end, guesses, code).
  const candidates: Candidate[] = patterns.slice();
  const dict = state.dictionary;
  const wordAt = dict ? findWords(dict, text.folded) : [];
  if (dict) {
    for (const m of wordAt) {
      const rank = dict.rank[m.termId]!;
      // Most words are typed as listed: price them by rank without building strings. Otherwise
      // the word as typed says which capitals and substitutions were varied.
      const guesses = typedAsListed(password, text, m.start, m.end)
        ? rank
        : guessesForWord(rank, text.folded.slice(m.start, m.end), password.slice(text.start[m.start]!, text.end[m.end - 1]!));
      candidates.push({ start: m.start, end: m.end, guesses, code: 'DICTIONARY_WORD' });
    }
  }
  // Banned terms are words an attacker tries early (custom ones first of all); a fuzzy hit is
  // one reached with a handful of edits.
  for (const t of scored.tokens) {
    if (t.kind !== 'banned') continue;
    const rank = state.banned.rank[t.termId!] ?? 1;
    candidates.push({ start: t.start, end: t.end, guesses: t.distance === 1 ? rank * 50 * (t.end - t.start) : rank, code: 'BANNED_TERM' });
  }
  const s = adjustForStructure(estimateStrength(text.folded.length, candidates), text.plain, wordAt);
  const words: Finding[] = [];
  for (const c of s.sequence) {
    if (c.code !== 'DICTIONARY_WORD' || !dict) continue;
    const w = wordAt.find((x) => x.start === c.start && x.end === c.end);
    if (!w) continue;
    words.push({
      code: 'DICTIONARY_WORD',
      source: 'dictionary',
      start: text.start[c.start]!,
      end: text.end[c.end - 1]!,
      term: dict.word(w.termId),
      params: { list: DICTIONARY_KINDS[dict.kind[w.termId]!] ?? 'english', rank: dict.rank[w.termId]! },
    });
  }
  return { summary: { guesses: s.guesses, guessesLog10: s.guessesLog10, score: s.score }, words };
}

/** Users' all-digit secrets are dates, phone numbers and PINs, far from uniform (measured on
 * held-out breach lists: 19 % of what got through was 8–12 digits). Discount them 10^4, so a
 * digits-only password needs 13 digits to reach score 3. */
const DIGITS_ONLY_DISCOUNT_LOG10 = 4;
/** Word tokens and affixes that, alone, make a borderline password predictable. */
const WORDS = new Set(['DICTIONARY_WORD', 'BANNED_TERM']);
// Not REPETITIVE: a generated passphrase that happens to repeat a word is still long and rare.
const AFFIXES = new Set(['PREDICTABLE_AFFIX', 'DATE', 'SEQUENTIAL', 'KEYBOARD_WALK']);

/**
 * Two structure rules on top of the guess count, both measured on held-out breach lists with no
 * new false rejections on 150 k generated strong passwords (bench/QUALITY.md):
 * - digits only: see DIGITS_ONLY_DISCOUNT_LOG10;
 * - one or two words plus at most two affixes and nothing else (`goldengate37`, `bestlove1990`,
 *   `tinchair150`) is scored 2 whatever its guess count: multiplying two word ranks overstates
 *   what it costs an attacker running a combinator attack (word pairs with common endings).
 *   Generated passphrases have 4–5 words and random strings leave brute-force gaps, so neither
 *   is touched (measured: no new false rejection on 150 k generated strong passwords).
 */
function adjustForStructure(s: Strength, plain: string, words: readonly { start: number; end: number }[]): Strength {
  let log10 = s.guessesLog10;
  if (plain.length > 0 && isAllDigits(plain)) log10 = Math.max(0, log10 - DIGITS_ONLY_DISCOUNT_LOG10);
  let score = scoreOf(10 ** log10);
  if (score >= 3) {
    let wordCount = 0;
    let affixes = 0;
    let other = 0;
    for (const c of s.sequence) {
      // A short gap the estimate priced as brute force because that came cheaper (`tin` in
      // `tinchair150`) is still a word if the dictionary has it.
      // (Affixes first: `1990` is also in the common-passwords list, but it is a year here.)
      if (AFFIXES.has(c.code)) affixes++;
      else if (WORDS.has(c.code) || words.some((w) => w.start === c.start && w.end === c.end)) wordCount++;
      else other++;
    }
    if (other === 0 && wordCount >= 1 && wordCount <= 2 && affixes <= 2) score = 2;
  }
  if (log10 === s.guessesLog10 && score === s.score) return s;
  return { ...s, guesses: 10 ** log10, guessesLog10: log10, score };
}

function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function typedAsListed(password: string, text: NormalisedText, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (text.end[i]! - text.start[i]! !== 1 || password.charCodeAt(text.start[i]!) !== text.folded.charCodeAt(i)) return false;
  }
  return true;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Policy and wording on top of detection: the public result. */
export function finish(state: EngineState, detection: Detection, extra: readonly Finding[], locale: Locale): EvaluationResult {
  const { options } = state;
  const all = extra.length > 0 ? [...detection.findings, ...extra] : detection.findings;
  const verdict = decide(all, options.profile, options.mode);
  // One object per finding, built once; only findings that matter to the verdict get words
  // (informational ones are many on a passphrase, and nobody reads them).
  const builtIn = detection.findings.length;
  const findings = all.map((f, i): Finding => {
    // Findings made by this evaluation are fresh objects: complete them in place instead of
    // cloning (clones of many shapes are slow). A custom check's objects are the caller's: copy.
    const own = (i < builtIn ? f : { ...f }) as Mutable<Finding>;
    own.severity = verdict.severities[i]!;
    if (own.severity !== 'info') own.message = messageFor(own, locale);
    return own;
  });
  return {
    accepted: verdict.accepted,
    wouldReject: verdict.wouldReject,
    score: detection.points,
    findings,
    feedback: feedbackFor(findings, locale),
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
