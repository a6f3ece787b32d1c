import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateSink, drawCandidates, generatable, pairPlan, pairSeed, parseRules, ruleFunctions, runInto } from '../../bench/attacker-lists.js';
import { attackerMarkdown, overPwqcheck, type AttackerReport, type ListResult } from '../../bench/attacker-report.js';
import { ATTACKER_END, ATTACKER_START, attackerSection, withAttackerSection } from '../../bench/kept-sections.js';

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const dir = mkdtempSync(join(tmpdir(), 'attacker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const collect = (chunks: Buffer[], min = 8, maxLines = 1000) => {
  const sink = new CandidateSink(min, maxLines);
  for (const c of chunks) if (!sink.push(c)) break;
  sink.end();
  return { candidates: sink.candidates(), stats: sink.stats };
};

describe('parseRules', () => {
  it.each([
    ['comments and blank lines are not rules', '# best64\n:\n\nr\n#c\n$1\n', [':', 'r', '$1']],
    ['CRLF line ends', ':\r\nu\r\n', [':', 'u']],
    ['a rule that appends a space keeps its space', '$ \n^ \n', ['$ ', '^ ']],
    ['whitespace-only lines are dropped', '  \n\t\nl\n', ['l']],
  ])('%s', (_, text, rules) => expect(parseRules(text)).toEqual(rules));
});

describe('pairPlan', () => {
  it.each([
    // wordlist, rule file sizes as in the run (rockyou-75 × best64 / dive, wngerman × T0XlC)
    [59_186, 77, 400_000, { words: 5194, rules: 77 }],
    [59_186, 99_086, 400_000, { words: 631, rules: 633 }],
    [100, 99_086, 400_000, { words: 100, rules: 4000 }],
    [3, 2, 400_000, { words: 3, rules: 2 }],
  ])('%i words × %i rules, budget %i', (w, r, b, plan) => expect(pairPlan(w, r, b)).toEqual(plan));

  it('stays within the lists and the budget, and takes every rule when the budget allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 2e5 }), fc.integer({ min: 1, max: 1e6 }), (w, r, b) => {
        const p = pairPlan(w, r, b);
        expect(p.words).toBeGreaterThanOrEqual(1);
        expect(p.rules).toBeGreaterThanOrEqual(1);
        expect(p.words).toBeLessThanOrEqual(w);
        expect(p.rules).toBeLessThanOrEqual(r);
        expect(p.words * p.rules).toBeLessThanOrEqual(Math.max(b, 1));
        if (r <= Math.ceil(Math.sqrt(b))) expect(p.rules).toBe(r);
      }),
    );
  });
});

describe('pairSeed', () => {
  it('depends on the names, not on the order lists are run in', () => {
    expect(pairSeed(7, 'words', 'rockyou-75', 'dive')).toBe(pairSeed(7, 'words', 'rockyou-75', 'dive'));
    const seeds = new Set([pairSeed(7, 'words', 'rockyou-75', 'dive'), pairSeed(7, 'rules', 'rockyou-75', 'dive'), pairSeed(7, 'words', 'dive', 'rockyou-75'), pairSeed(8, 'words', 'rockyou-75', 'dive'), pairSeed(7, 'words', 'rockyou-75d', 'ive')]);
    expect(seeds.size).toBe(5);
  });
});

describe('CandidateSink', () => {
  const enc = (s: string) => Buffer.from(s, 'utf8');
  it.each([
    ['keeps distinct candidates of ≥ 8 code points, sorted', 'password1\nabc\npassword1\nPassword\n', ['Password', 'password1'], { lines: 4, short: 1, invalid: 0 }],
    ['counts characters, not UTF-16 units', '😀😀😀😀😀😀😀\nmünchen1\n', ['münchen1'], { lines: 2, short: 1, invalid: 0 }],
    ['drops control characters and strips CRLF', 'pass\tword1\npassword9\r\n', ['password9'], { lines: 2, short: 0, invalid: 1 }],
    ['keeps a last line without a newline', 'password1\nsunshine2', ['password1', 'sunshine2'], { lines: 2, short: 0, invalid: 0 }],
  ])('%s', (_, text, want, counts) => {
    const { candidates, stats } = collect([enc(text)]);
    expect(candidates).toEqual(want);
    expect(stats).toMatchObject({ ...counts, distinct: want.length, capped: false });
  });

  it('drops lines that are not valid UTF-8 (a rule cut a multi-byte character)', () => {
    // `r` on "münchen1" as hashcat prints it: the two bytes of ü reversed.
    const reversed = Buffer.from([...Buffer.from('münchen1', 'utf8')].reverse());
    const { candidates, stats } = collect([Buffer.concat([reversed, enc('\nsunshine1\n')])]);
    expect(candidates).toEqual(['sunshine1']);
    expect(stats.invalid).toBe(1);
  });

  it('stops at the line cap', () => {
    const { candidates, stats } = collect([enc('password1\npassword2\npassword3\npassword4\n')], 8, 2);
    expect(candidates).toEqual(['password1', 'password2']);
    expect(stats).toMatchObject({ lines: 2, capped: true });
  });

  it('gives the same result however the output is cut into chunks', () => {
    const line = fc.oneof(fc.string({ maxLength: 14 }), fc.string({ unit: 'grapheme', maxLength: 10 })).map((s) => s.replace(/\n/g, ''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }), (lines, cuts) => {
        const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.subarray(prev, p));
          prev = p;
        }
        expect(collect(chunks)).toEqual(collect([bytes]));
      }),
    );
  });
});

describe('drawCandidates', () => {
  const pool = Array.from({ length: 5000 }, (_, i) => `candidate${i}`);
  it('is the same draw for the same seed, and a subset without repeats', () => {
    const a = drawCandidates(pool, 300, 42);
    expect(drawCandidates(pool, 300, 42)).toEqual(a);
    expect(new Set(a).size).toBe(300);
    expect(a.every((c) => pool.includes(c))).toBe(true);
    expect(drawCandidates(pool, 300, 43)).not.toEqual(a);
  });
  it('takes everything when the pool is smaller than the sample', () => {
    expect(drawCandidates(pool.slice(0, 10), 300, 42).sort()).toEqual(pool.slice(0, 10).sort());
  });
});

/**
 * A naive oracle for part of hashcat's rule language (hashcat wiki, "rule_based_attack"), for
 * ASCII words and positions inside the word: one function at a time, written from the docs.
 */
const pos = (c: string) => parseInt(c, 36);
const flip = (ch: string) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase());
const at = (w: string, n: number, f: (c: string) => string) => w.slice(0, n) + f(w[n]!) + w.slice(n + 1);
const code = (w: string, n: number, f: (c: number) => number) => at(w, n, (c) => String.fromCharCode(f(c.charCodeAt(0)) & 0xff));
const ORACLE: Record<string, (w: string, a: string) => string> = {
  ':': (w) => w,
  l: (w) => w.toLowerCase(),
  u: (w) => w.toUpperCase(),
  c: (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
  C: (w) => w.charAt(0).toLowerCase() + w.slice(1).toUpperCase(),
  t: (w) => [...w].map(flip).join(''),
  r: (w) => [...w].reverse().join(''),
  d: (w) => w + w,
  f: (w) => w + [...w].reverse().join(''),
  '{': (w) => w.slice(1) + w[0],
  '}': (w) => w.slice(-1) + w.slice(0, -1),
  '[': (w) => w.slice(1),
  ']': (w) => w.slice(0, -1),
  k: (w) => w[1]! + w[0]! + w.slice(2),
  K: (w) => w.slice(0, -2) + w.slice(-1) + w.slice(-2, -1),
  q: (w) => [...w].map((c) => c + c).join(''),
  T: (w, a) => at(w, pos(a), flip),
  p: (w, a) => w.repeat(pos(a) + 1),
  D: (w, a) => w.slice(0, pos(a)) + w.slice(pos(a) + 1),
  "'": (w, a) => w.slice(0, pos(a)),
  z: (w, a) => w[0]!.repeat(pos(a)) + w,
  Z: (w, a) => w + w.slice(-1).repeat(pos(a)),
  y: (w, a) => w.slice(0, pos(a)) + w,
  Y: (w, a) => w + w.slice(-pos(a)),
  $: (w, a) => w + a,
  '^': (w, a) => a + w,
  '@': (w, a) => w.split(a).join(''),
  s: (w, a) => w.split(a[0]!).join(a[1]!),
  i: (w, a) => w.slice(0, pos(a[0]!)) + a[1] + w.slice(pos(a[0]!)),
  o: (w, a) => at(w, pos(a[0]!), () => a[1]!),
  x: (w, a) => w.substr(pos(a[0]!), pos(a[1]!)),
  O: (w, a) => w.slice(0, pos(a[0]!)) + w.slice(pos(a[0]!) + pos(a[1]!)),
  '*': (w, a) => { const c = [...w]; const [m, n] = [pos(a[0]!), pos(a[1]!)]; [c[m], c[n]] = [c[n]!, c[m]!]; return c.join(''); },
  '+': (w, a) => code(w, pos(a), (c) => c + 1),
  '-': (w, a) => code(w, pos(a), (c) => c - 1),
  L: (w, a) => code(w, pos(a), (c) => c << 1),
  R: (w, a) => code(w, pos(a), (c) => c >> 1),
  '.': (w, a) => at(w, pos(a), () => w[pos(a) + 1] ?? w[pos(a)]!),
  ',': (w, a) => at(w, pos(a), () => (pos(a) > 0 ? w[pos(a) - 1]! : w[0]!)),
};
/** One-function rules, positions ≤ 2 so they fall inside every test word of ≥ 4 letters. */
const ORACLE_RULES = [':', 'l', 'u', 'c', 'C', 't', 'r', 'd', 'f', '{', '}', '[', ']', 'k', 'K', 'q', 'T1', 'p1', 'p2', 'D2', "'3", 'z2', 'Z2', 'y2', 'Y2', '$1', '$!', '^x', '@a', 'sa@', 'so0', 'i1!', 'o0X', 'x12', 'O12', '*02', '+1', '-0', 'L2', 'R1', '.1', ',2'];
const oracle = (rule: string, w: string) => ORACLE[rule[0]!]!(w, rule.slice(1));

describe.skipIf(!has('hashcat'))('generation with hashcat --stdout (words on standard input)', () => {
  // Words of every length 4–16, mixed case and digits, so unaligned lengths are covered.
  const words = ['abcd', 'monkey', 'Sunshine', 'password', 'p4ssw0rd', 'dragonfly', 'iloveyou12', 'abcdefg', 'abcde', 'Qwertyuiop1', 'footballclub', 'correcthorsebat', 'abcdefghijklmnop'];
  let got: string[][] = [];
  beforeAll(async () => {
    const wordsFile = join(dir, 'words.txt');
    writeFileSync(wordsFile, words.join('\n') + '\n');
    const env = { PATH: process.env.PATH, HOME: dir, LANG: 'C' };
    // One run for all rules: hashcat prints word by word, each word through every rule in order,
    // so line j·R + i is rule i on word j (all these rules are valid: none is skipped).
    const ruleFile = join(dir, 'oracle.rule');
    writeFileSync(ruleFile, ORACLE_RULES.join('\n') + '\n');
    const out = execFileSync('hashcat', ['--stdout', '--session', `attacker-test-${process.pid}`, '-r', ruleFile], { input: readFileSync(wordsFile), env }).toString('latin1').split('\n');
    expect(out.length - 1).toBe(words.length * ORACLE_RULES.length);
    got = ORACLE_RULES.map((_, i) => words.map((__, j) => out[j * ORACLE_RULES.length + i]!));
  }, 120_000);

  it('prints what the rule language says for every function the draw keeps', () => {
    const wrong: string[] = [];
    ORACLE_RULES.forEach((rule, i) => words.forEach((w, j) => {
      if (got[i]![j] !== oracle(rule, w)) wrong.push(rule);
    }));
    // What hashcat gets wrong is exactly what the draw leaves out (d and f in 6.2.6+ds1-1+b1).
    expect([...new Set(wrong)].filter((r) => generatable(r))).toEqual([]);
  });

  it('runInto collects the distinct candidates of ≥ 8 characters of a rule file', async () => {
    const rules = ORACLE_RULES.filter(generatable);
    const ruleFile = join(dir, 'rules.rule');
    const wordsFile = join(dir, 'words.txt');
    writeFileSync(ruleFile, rules.join('\n') + '\n');
    const sink = new CandidateSink(8, 100_000);
    await runInto('hashcat', ['--stdout', '--session', `attacker-test-${process.pid}`, '-r', ruleFile], { PATH: process.env.PATH, HOME: dir, LANG: 'C' }, sink, 120_000, wordsFile);
    const want = [...new Set(words.flatMap((w) => rules.map((r) => oracle(r, w))).filter((c) => c.length >= 8 && !/[\u0000-\u001f\u007f-\uffff]/.test(c)))].sort();
    expect(sink.candidates()).toEqual(want);
    expect(sink.stats.lines).toBe(words.length * rules.length);
  });
});

describe('ruleFunctions / generatable', () => {
  it.each([
    [':', [':']],
    ['$1 $2 c', ['$', '$', 'c']],
    ['$ d', ['$', 'd']], // appends a space, then duplicates
    ['$d', ['$']], // appends the letter d: no duplicate
    ['sa@ so0', ['s', 's']],
    ['X123 Y2', ['X', 'Y']],
    ['$', null],
    ['i1', null],
    ['Ã', null],
  ])('%s', (rule, fs) => expect(ruleFunctions(rule)).toEqual(fs));
  it.each([
    ['$1', true],
    ['$d', true],
    ['d', false],
    ['] ] ] d', false],
    ['c f', false],
    ['i1', false],
  ])('%s → %s', (rule, ok) => expect(generatable(rule)).toBe(ok));
});

describe.skipIf(!has('john'))('generation with john --rules --stdout', () => {
  it("applies John's wordlist rules (capitalise, append a digit, reverse)", async () => {
    const wordsFile = join(dir, 'john-words.txt');
    writeFileSync(wordsFile, 'password\n');
    const sink = new CandidateSink(8, 10_000);
    await runInto('john', [`--wordlist=${wordsFile}`, '--rules', '--stdout'], { PATH: process.env.PATH, HOME: dir, LANG: 'C' }, sink, 120_000);
    const got = sink.candidates();
    expect(got).toEqual(expect.arrayContaining(['password', 'Password1', 'drowssap', 'password1']));
    expect(got.every((c) => c.length >= 8)).toBe(true);
  });
});

describe("the attacker section of bench/QUALITY.md", () => {
  const section = `${ATTACKER_START}\n## Attacker's guesses\n\n| a |\n${ATTACKER_END}`;
  const quality = '# Detection quality\n\n## Tools\n\n- x\n';
  it.each([
    ['appended when the file has none', quality, section, `${quality}\n${section}\n`],
    ['replaced where it was', `${quality}\n${ATTACKER_START}\nold\n${ATTACKER_END}\n`, section, `${quality}\n${section}\n`],
    ['moved to the end when bench:quality wrote sections after it', `# Q\n\n${ATTACKER_START}\nold\n${ATTACKER_END}\n\n## Later\n`, section, `# Q\n\n\n\n## Later\n\n${section}\n`],
    ['left alone by an empty section when there is none', quality, '', quality],
  ])('%s', (_, doc, sec, want) => {
    expect(withAttackerSection(doc, sec)).toBe(want);
    if (sec) expect(attackerSection(withAttackerSection(doc, sec))).toBe(section);
  });
  it('survives a rewrite by bench:quality (its new text plus the old section)', () => {
    const previous = withAttackerSection(quality, section);
    const rewritten = withAttackerSection('# Detection quality (new run)\n', attackerSection(previous));
    expect(attackerSection(rewritten)).toBe(section);
  });
});

describe('report', () => {
  const result = (rules: string, accepted: Record<string, number>): ListResult => ({
    wordlist: 'rockyou-75',
    rules,
    wordsDrawn: 10,
    rulesDrawn: 10,
    stats: { lines: 100, invalid: 0, short: 0, distinct: 100, capped: false },
    n: 100,
    inTop1M: 5,
    rows: Object.entries(accepted).map(([tool, a]) => ({ tool, rejected: 100 - a })),
  });
  const tools = (pg: number, nb: number, pwq: number) => ({ 'passgate recommended': pg, 'passgate recommended, breached: false': nb, 'pwqcheck default': pwq, 'zxcvbn-ts 4 (default)': 30 });
  const report = (results: ListResult[]): AttackerReport => ({
    date: '2026-12-07T00:00:00.000Z', seconds: 1, load: '1 1 1', commit: 'abc1234', dirty: false,
    machine: { cpu: 'cpu', cores: 2, memoryGiB: 8, node: 'v20', os: 'Debian 12', zxcvbnTs: '4.2.0', debian: '' },
    versions: { hashcat: '6.2.6', hashcatData: '6.2.6', john: '1.9.0', passwdqc: '2.0.2', zxcvbnTs: '4.2.0' },
    peerCache: { hits: 0, misses: 0 }, seed: 1, sample: 100, budget: 1000, johnWords: 10, min: 8, selection: '',
    wordlists: [], ruleSets: [], corruptFunctions: ['d', 'f'], notes: [], tools: [], results, shapes: [{ password: 'go jump in a lake', passgate: 'accepted', passgateNoBreach: 'accepted', pwqcheck: 'OK', zxcvbnScore: 4 }],
  });
  it.each([
    ['met when passgate accepts no more than pwqcheck on every list', [result('best64', tools(2, 3, 2)), result('dive', tools(1, 1, 4))], [], /every list — met\.\*\* passgate recommended: at or below pwqcheck on all 2 lists/],
    ['not met, naming the list, when it accepts more on one', [result('best64', tools(2, 3, 2)), result('dive', tools(5, 6, 4))], ['dive'], /every list — not met\.\*\* passgate recommended: above pwqcheck on 1 of 2 lists \(rockyou-75 × dive\)/],
  ])('target: %s', (_, results, over, text) => {
    expect(overPwqcheck(results, 'passgate recommended').map((x) => x.rules)).toEqual(over);
    const md = attackerMarkdown(report(results));
    expect(md).toMatch(text);
    expect(md.startsWith(ATTACKER_START)).toBe(true);
    expect(md.trimEnd().endsWith(ATTACKER_END)).toBe(true);
    expect(md).toContain('npm run -s bench:attacker -- --sample 100 --budget 1000');
  });
});
