/**
 * Where the mangling rules sit in the cracking tools' own default rule lists, as guesses per
 * word: a rule at position k of a list is tried after k − 1 others on every word, so a word of
 * rank r falls to it within about r × k guesses. The positions are counted in the files Debian
 * ships (bracket classes expanded, as the tools expand them; docs/evidence/rule-ranks.md lists every
 * line; scripts/rule-ranks.ts --check recomputes them), taking the earlier of the two lists for each rule:
 * - hashcat `best64.rule` (Debian hashcat-data 6.2.6, /usr/share/hashcat/rules/best64.rule),
 *   ordered by how often each rule cracked;
 * - John the Ripper's `[List.Rules:Wordlist]` (Debian john 1.9.0, /etc/john/john.conf lines
 *   220–270), John's default rules, in the order its authors found most effective.
 */
export const RULE_RANK = {
  /** best64.rule line 3 `r` (the 2nd rule, after `:`); John's is 8th (john.conf line 234). */
  reverse: 2,
  /** John line 232 `<7 >1 !?A l d`, the 7th rule; best64 has no `d`. */
  duplicate: 7,
  /** John line 254 `<7 >1 !?A l d M 'l f Q`, the 29th rule (reflect, `f`); best64 has none. */
  reflect: 29,
} as const;

/**
 * A digit prepended (`5kalamazoo`): John line 236 `^1` is the 9th rule, line 258 `^[24]` the
 * 31st–32nd, line 262 `^[379568]` the 45th–50th; `^0` is in neither list: after John's 61 rules.
 * (best64 line 52 `^1` is its 50th rule, later than John's.)
 */
export const PREPEND_DIGIT_RANK: readonly number[] = [62, 9, 31, 45, 32, 48, 49, 46, 50, 47];
/** John's Wordlist rules in all, for a prepended string no single rule makes. */
export const JOHN_WORDLIST_RULES = 61;

/**
 * Every character typed twice (`q`: `aaNNGGEELL11` from `aNGEL1`): neither default list has it;
 * hashcat's dive.rule (Debian hashcat-data 6.2.6) has it as its 1,210th rule (line 1216,
 * `awk 'NF && !/^#/ {n++} $0 == "q" {print n; exit}' /usr/share/hashcat/rules/dive.rule`).
 */
export const DUPLICATE_EACH_RANK = 1210;
