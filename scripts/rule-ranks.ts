/**
 * The evidence for score/attacks/rule-ranks.ts (issue 19): the position of each rule in the
 * cracking tools' default rule lists, counted in the files Debian ships, bracket classes expanded
 * as the tools expand them. Prints the table docs/evidence/rule-ranks.md holds; `--check` fails
 * when the constants disagree with the files on this machine.
 *
 *   apt-get install -y hashcat-data john
 *   npx tsx scripts/rule-ranks.ts [--check]
 */
import { readFileSync } from 'node:fs';
import { PREPEND_DIGIT_RANK, RULE_RANK } from '../src/score/attacks/rule-ranks.js';

const JOHN = '/etc/john/john.conf';
const BEST64 = '/usr/share/hashcat/rules/best64.rule';

interface Rule { line: number; position: number; expansions: number; text: string }

/** Rules of a list in order: `first`..`last` line range, `#` comments and blanks skipped. */
function rules(lines: readonly string[], first: number, stop: (l: string) => boolean): Rule[] {
  const out: Rule[] = [];
  let position = 1;
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    if (stop(l)) break;
    if (l.length === 0 || l.startsWith('#')) continue;
    let expansions = 1;
    for (const m of l.matchAll(/\[([^\]]*)\]/g)) {
      const cls = m[1]!;
      let n = 0;
      for (let j = 0; j < cls.length; j++) {
        if (j + 2 < cls.length && cls[j + 1] === '-') { n += cls.charCodeAt(j + 2) - cls.charCodeAt(j) + 1; j += 2; } else n++;
      }
      expansions *= n;
    }
    out.push({ line: i + 1, position, expansions, text: l });
    position += expansions;
  }
  return out;
}

const john = readFileSync(JOHN, 'utf8').split('\n');
const start = john.indexOf('[List.Rules:Wordlist]');
const johnRules = rules(john, start + 1, (l) => l.startsWith('[List'));
const best = rules(readFileSync(BEST64, 'utf8').split('\n'), 0, () => false);

console.log(`| list | line | position | expansions | rule |\n|---|---|---|---|---|`);
for (const r of johnRules) console.log(`| john.conf [List.Rules:Wordlist] | ${r.line} | ${r.position} | ${r.expansions} | \`${r.text}\` |`);
for (const r of best.slice(0, 60)) console.log(`| best64.rule | ${r.line} | ${r.position} | 1 | \`${r.text}\` |`);

if (process.argv.includes('--check')) {
  const at = (rs: Rule[], re: RegExp) => rs.find((r) => re.test(r.text))?.position;
  const johnAt = (re: RegExp) => at(johnRules, re);
  const problems: string[] = [];
  const want = (name: string, got: number | undefined, expected: number) => {
    if (got !== expected) problems.push(`${name}: files say ${String(got)}, rule-ranks.ts ${expected}`);
  };
  want('reverse (best64 r)', at(best, /^r$/), RULE_RANK.reverse);
  want('duplicate (john l d)', johnAt(/ l d$/), RULE_RANK.duplicate);
  want('reflect (john f)', johnAt(/ f Q$/), RULE_RANK.reflect);
  want('prepend 1 (john ^1)', johnAt(/ \^1$/), PREPEND_DIGIT_RANK[1]!);
  const p24 = johnAt(/\^\[24\]$/)!;
  want('prepend 2', p24, PREPEND_DIGIT_RANK[2]!);
  want('prepend 4', p24 + 1, PREPEND_DIGIT_RANK[4]!);
  const pOther = johnAt(/\^\[379568\]$/)!;
  [3, 7, 9, 5, 6, 8].forEach((d, k) => want(`prepend ${d}`, pOther + k, PREPEND_DIGIT_RANK[d]!));
  const last = johnRules[johnRules.length - 1]!;
  want('prepend 0 (after the list)', last.position + last.expansions, PREPEND_DIGIT_RANK[0]!);
  if (problems.length > 0) { console.error(problems.join('\n')); process.exitCode = 1; } else console.error('rule-ranks.ts agrees with the files');
}
