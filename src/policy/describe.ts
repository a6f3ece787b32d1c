import type { EngineState } from '../engine/state.js';
import type { Mode, ProfileName } from '../types.js';
import type { Locale } from '../wording/locales.js';
import { CONTEXT_FIELDS } from '../detect/context.js';
import type { PolicyOption } from '../option-schema.js';

/** The policy in force, for UI checklists and `GET /v1/policy`. */
export interface PolicyDescription {
  readonly profile: ProfileName;
  readonly mode: Mode;
  readonly minLength: number;
  readonly maxLength: number;
  /** Entra points needed when a banned term is present (0: not used by this profile). */
  readonly threshold: number;
  readonly matching: 'substring' | 'whole';
  readonly lists: {
    readonly globalBannedTerms: number;
    readonly customBannedTerms: number;
    readonly breached: null | { readonly entries: number; readonly falsePositiveRate: number };
    readonly dictionaryWords: number;
  };
  readonly strength: null | { readonly estimator: 'native' | 'zxcvbn'; readonly minScore: number };
  readonly contextFields: readonly string[];
  /** A built-in locale, or a language added with options `messages`. */
  readonly locale: Locale | (string & {});
}

export function describePolicy(state: EngineState): PolicyDescription {
  const { options } = state;
  const { profile } = options;
  // Every option the schema marks `policy` (src/option-schema.ts), as resolved: tsc asks for a new one.
  const shown: Pick<PolicyDescription, PolicyOption> = {
    profile: profile.name,
    mode: options.mode,
    minLength: options.minLength,
    maxLength: options.maxLength,
    locale: options.locale,
  };
  const { locale, ...leading } = shown; // locale last, where it has always been in the JSON
  return {
    ...leading,
    threshold: profile.threshold,
    matching: profile.matching,
    lists: {
      globalBannedTerms: state.banned.globalCount,
      customBannedTerms: state.banned.customCount,
      breached: state.breached ? { entries: state.breached.count, falsePositiveRate: state.breached.falsePositiveRate } : null,
      dictionaryWords: state.dictionary?.index.size ?? 0,
    },
    strength: profile.strength ? { estimator: options.estimator, minScore: profile.minStrengthScore } : null,
    contextFields: [...CONTEXT_FIELDS],
    locale,
  };
}
