/**
 * Adversarial benchmark: SEARCHES for the inputs that make an evaluation slowest, at the default
 * cap and at `maxLength: 4096`, with the context filled to the library's own limits, and reports
 * the slowest time seen per detector (p100).
 *
 * Method:
 * - Seeds: repeats of one unit (ASCII and code points NFKC expands up to 18-fold), short and long
 *   periods, keyboard walks, digit runs and dates, sequences, banned and dictionary words back to
 *   back, near-misses of many distinct context terms, names split into many parts.
 * - Then random-mutation hill climbing on the time of a whole `evaluate`: mutate the slowest
 *   input found so far (replace, insert, copy a block, splice in another seed, change the context)
 *   and keep the mutant when it is slower.
 * - Time is the process's CPU time (process.cpuUsage, µs resolution), not wall time: on a shared
 *   2-core machine at load 10+ wall time is mostly waiting for a core (measured: the same loop
 *   took 3.6–22 ms wall, 1.4–1.6 ms CPU). One input's time is the median of `calls` timed calls;
 *   p100 is the largest such median over every input tried.
 * - Per detector: the same inputs, each stage run alone on the prepared text (mirrors
 *   engine/evaluate.ts detect()). Inputs refused as TOO_LONG are never analysed, so they count
 *   for `evaluate` only.
 *
 * Run alone: `npx tsx bench/adversarial.ts [--quick] [--json] [--no-write]` (writes its section
 * of bench/RESULTS.md), or through `npm run bench -- --suite adversarial`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodePlatform } from '../src/assets/node.js';
import { Checker } from '../src/checker.js';
import { buildState, type EngineState } from '../src/engine/state.js';
import { detect } from '../src/engine/evaluate.js';
import { normalise } from '../src/normalise/normalise.js';
import { contextTerms, MAX_EXTRA_TERMS, MAX_CONTEXT_VALUE_LENGTH } from '../src/detect/context.js';
import { findContextTerms } from '../src/detect/context-match.js';
import { findAffixes, findDates, findKeyboardWalks, findRepeats, findSequences, findPatterns } from '../src/detect/patterns/index.js';
import { isPredictable } from '../src/detect/patterns/predictable.js';
import { scanWords } from '../src/detect/word-scan.js';
import { findWords } from '../src/detect/dictionary.js';
import { scorePoints } from '../src/score/points.js';
import { estimate } from '../src/score/estimate.js';
import { wholePasswordChecks } from '../src/detect/whole-password.js';
import type { PasswordContext } from '../src/types.js';
import { prng } from './mix.js';

export interface AdversarialOptions {
  quick: boolean;
  json: boolean;
  /** The caps to search at (default 256 and 4096). */
  maxLengths?: readonly number[];
}

interface Input {
  password: string;
  context: PasswordContext | undefined;
  /** How the input was made, for the report (never the input itself: it can be 70 kB). */
  origin: string;
}

type Stage = (s: EngineState, i: Input) => unknown;

const FIELDS = ['firstName', 'lastName', 'username', 'email', 'tenantName', 'displayName'] as const;
/** Code points NFKC expands most: ﷺ (18 units), ﷻ (8), ㍻, ﬃ, ¼, ⑽, ǅ. */
const EXPANDING = ['\ufdfa', '\ufdfb', '\u337b', '\ufb03', '\u00bc', '\u247d', '\u01c5', '\u3392'];

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

function fit(s: string, cap: number): string {
  const cps = [...s];
  return cps.length > cap ? cps.slice(0, cap).join('') : s;
}
const rep = (s: string, cap: number) => fit(s.repeat(Math.ceil(cap / Math.max(1, [...s].length))), cap);

/** A context at the library's limits: every field and every extra term as long as allowed. */
function fullContext(make: (k: number) => string): PasswordContext {
  const ctx: Record<string, unknown> = {};
  FIELDS.forEach((f, k) => (ctx[f] = make(k)));
  ctx.extraTerms = Array.from({ length: MAX_EXTRA_TERMS }, (_, k) => make(FIELDS.length + k));
  return ctx as PasswordContext;
}
const valueOf = (s: string) => s.slice(0, MAX_CONTEXT_VALUE_LENGTH);

function seeds(cap: number, words: readonly string[]): Input[] {
  const out: Input[] = [];
  const add = (origin: string, password: string, context?: PasswordContext) => out.push({ origin, password, context });
  const walks = ['qwertyuiop', 'qazwsxedc', '1qaz2wsx3edc', 'zxcvbnm,./', 'asdfghjkl;', '!@#$%^&*()', 'poiuytrewq', '741852963'];
  const basics: [string, string][] = [
    ['1×cap', rep('1', cap)],
    ['a×cap', rep('a', cap)],
    ['ab×cap', rep('ab', cap)],
    ['abc…z repeated', rep('abcdefghijklmnopqrstuvwxyz', cap)],
    ['0123456789 repeated', rep('0123456789', cap)],
    ['19901990…', rep('1990', cap)],
    ['12/12/12…', rep('12/12/', cap)],
    ['digits of 1..', rep(Array.from({ length: 400 }, (_, i) => i).join(''), cap)],
    ['password×cap', rep('password', cap)],
    ['p@ssw0rd×cap', rep('p@ssw0rd', cap)],
    ['aaaaab period 6', rep('aaaaab', cap)],
    ['period 17', rep('abcdefghijklmnopq', cap)],
    ['period cap/2−1', rep('x'.repeat(Math.max(1, Math.floor(cap / 2) - 2)) + 'y', cap)],
    ['fibonacci word', fit(fib(cap), cap)],
    ['banned/dictionary words back to back', fit(words.join(''), cap)],
    ['dictionary words, one edit each', fit(words.map((w) => w.slice(0, -1) + 'q').join(''), cap)],
  ];
  for (const w of walks) basics.push([`walk ${w}`, rep(w, cap)]);
  for (const e of EXPANDING) basics.push([`U+${e.codePointAt(0)!.toString(16).toUpperCase()}×cap`, rep(e, cap)]);
  basics.push(['ﷺ + a mixed', rep('\ufdfaa', cap)]);
  for (const [origin, pw] of basics) add(origin, pw);

  // Context at the limits, in the shapes that cost most: the same expanding value everywhere
  // (the issue's reproduction), distinct near-misses of the password, names of many parts.
  const ufdfa = rep('\ufdfa', cap);
  add('ﷺ×cap + context ﷺ×64', ufdfa, fullContext(() => '\ufdfa'.repeat(64)));
  add('ﷺ×cap + context ﷺ×256', ufdfa, fullContext(() => valueOf('\ufdfa'.repeat(256))));
  const a = rep('a', cap);
  add('a×cap + distinct near-miss terms', a, fullContext((k) => valueOf('a'.repeat(k % 200) + 'b' + 'a'.repeat(300))));
  add('a×cap + near-miss terms of its length', a, fullContext((k) => valueOf('a'.repeat(k) + 'b' + 'a'.repeat(Math.max(0, cap - k - 2)))));
  add('a×cap + many-part names', a, fullContext((k) => valueOf(Array.from({ length: 60 }, (_, j) => 'aaa' + String.fromCharCode(98 + ((j + k) % 24))).join(' '))));
  add('ﷺ×cap + many-part names of ﷺ', ufdfa, fullContext((k) => valueOf(Array.from({ length: 60 }, (_, j) => '\ufdfa' + 'b'.repeat(j % 5) + String.fromCharCode(99 + (k % 20))).join(' '))));
  const pw = rep('password', cap);
  add('password×cap + near-miss context', pw, fullContext((k) => valueOf(rep('password', 200).slice(0, 40 + k) + 'x')));
  add('1×cap + digit context', rep('1', cap), fullContext((k) => valueOf('1'.repeat(4 + k) + '2' + '1'.repeat(200))));
  return out;
}

function fib(n: number): string {
  let a = 'a';
  let b = 'ab';
  while (b.length < n) [a, b] = [b, b + a];
  return b;
}

// ---------------------------------------------------------------------------------------------
// Stages: each detector alone on prepared input (mirrors engine/evaluate.ts detect())
// ---------------------------------------------------------------------------------------------

function prepared(s: EngineState, i: Input) {
  const text = normalise(i.password, s.normaliser);
  const terms = contextTerms(i.context, s.normaliser);
  const patterns = findPatterns(text.plain).filter((p) => isPredictable(p, text.plain));
  const link = s.dictionary ? s.bannedWords?.peek() : null;
  const scan = link ? scanWords(s.dictionary!, link, text.folded) : null;
  const scored = scorePoints(text.folded, s.banned.index, patterns, true, scan?.banned);
  const wordAt = scan ? scan.words : s.dictionary ? findWords(s.dictionary, text.folded) : [];
  return { text, terms, patterns, scored, wordAt };
}

const STAGES: Record<string, (p: ReturnType<typeof prepared>, s: EngineState, i: Input) => unknown> = {
  normalise: (_p, s, i) => normalise(i.password, s.normaliser),
  contextTerms: (_p, s, i) => contextTerms(i.context, s.normaliser),
  context: (p, s) => findContextTerms(p.text, p.terms, s.options.profile.fuzzyContext),
  repeats: (p) => findRepeats(p.text.plain),
  sequences: (p) => findSequences(p.text.plain),
  keyboard: (p) => findKeyboardWalks(p.text.plain),
  dates: (p) => findDates(p.text.plain),
  affixes: (p) => findAffixes(p.text.plain),
  predictable: (p) => findPatterns(p.text.plain).filter((x) => isPredictable(x, p.text.plain)),
  words: (p, s) => {
    const link = s.dictionary ? s.bannedWords?.peek() : null;
    return link ? scanWords(s.dictionary!, link, p.text.folded) : s.dictionary ? findWords(s.dictionary, p.text.folded) : null;
  },
  points: (p, s) => scorePoints(p.text.folded, s.banned.index, p.patterns, true),
  strength: (p, s, i) => estimate(s, i.password, p.text, p.scored, p.patterns, p.terms, p.wordAt),
  whole: (p, s) => wholePasswordChecks(s, p.text, p.terms),
};

let sink = 0;
/** CPU time of this process in ms: on a shared machine, wall time is mostly other people's work. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function timeMs(f: () => unknown, calls: number): number {
  const ts: number[] = [];
  for (let k = 0; k < calls; k++) {
    const t = cpuMs();
    const r = f();
    ts.push(cpuMs() - t);
    sink += r ? 1 : 0;
  }
  ts.sort((x, y) => x - y);
  return ts[Math.floor(calls / 2)]!;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

interface Worst {
  ms: number;
  origin: string;
  length: number;
}

function mutate(i: Input, cap: number, rnd: () => number, pool: readonly Input[]): Input {
  const cps = [...i.password];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const at = Math.floor(rnd() * Math.max(1, cps.length));
  const alphabet = ['a', 'b', '1', '9', '/', 'q', 'w', '@', '0', 'e', ...EXPANDING];
  const r = rnd();
  let origin = i.origin;
  let context = i.context;
  if (r < 0.3) {
    cps[at] = pick(alphabet);
    origin += ' ~replace';
  } else if (r < 0.5) {
    cps.splice(at, 0, pick(alphabet));
    origin += ' ~insert';
  } else if (r < 0.7) {
    const len = 1 + Math.floor(rnd() * 16);
    cps.splice(at, 0, ...cps.slice(Math.max(0, at - len), at));
    origin += ' ~copy';
  } else if (r < 0.85) {
    const other = [...pick(pool).password];
    const from = Math.floor(rnd() * other.length);
    cps.splice(at, 0, ...other.slice(from, from + 1 + Math.floor(rnd() * 32)));
    origin += ' ~splice';
  } else {
    const donor = pick(pool);
    context = donor.context ?? fullContext(() => valueOf(cps.slice(0, 64).join('')));
    origin += ' ~context';
  }
  return { password: cps.slice(0, cap).join(''), context, origin: origin.length > 120 ? origin.slice(0, 117) + '…' : origin };
}

interface ConfigResult {
  config: string;
  maxLength: number;
  inputsTried: number;
  /** Slowest median per detector, ms, with the input that caused it. */
  p100: Record<string, Worst>;
  /** Same for whole evaluations per profile. */
  evaluate: Record<string, Worst>;
  /** Ordinary reference, same process: `Password1!` and a 256-unit ASCII repeat. */
  reference: Record<string, number>;
}

async function runConfig(config: string, maxLength: number, opts: AdversarialOptions, words: readonly string[]): Promise<ConfigResult> {
  const states: Record<string, EngineState> = {};
  for (const profile of ['recommended', 'entra', 'nist'] as const) {
    states[profile] = await buildState(nodePlatform, { profile, maxLength: Math.max(maxLength, profile === 'nist' ? 64 : 1) });
  }
  const rec = states.recommended!;
  rec.bannedWords?.build();
  rec.banned.upgrade();
  const checkers = Object.fromEntries(Object.entries(states).map(([k, s]) => [k, new Checker(s)]));
  const calls = opts.quick ? 3 : 5;
  const p100: Record<string, Worst> = {};
  const evaluate: Record<string, Worst> = {};
  const note = (table: Record<string, Worst>, key: string, ms: number, i: Input) => {
    if (!table[key] || ms > table[key].ms) table[key] = { ms, origin: i.origin, length: i.password.length };
  };
  const measure = (i: Input): number => {
    let worst = 0;
    for (const [profile, c] of Object.entries(checkers)) {
      const ms = timeMs(() => c.evaluate(i.password, i.context), calls);
      note(evaluate, profile, ms, i);
      if (profile === 'recommended') worst = ms;
    }
    if (detect(rec, i.password, i.context).input !== null) {
      const p = prepared(rec, i);
      for (const [name, stage] of Object.entries(STAGES)) note(p100, name, timeMs(() => stage(p, rec, i), calls), i);
    } else note(p100, 'refused (TOO_LONG)', timeMs(() => checkers.recommended!.evaluate(i.password, i.context), calls), i);
    return worst;
  };

  const pool = seeds(maxLength, words);
  // Warm-up: every code path compiled before anything counts.
  for (const i of pool) for (const c of Object.values(checkers)) c.evaluate(i.password, i.context);
  const scoredPool = pool.map((i) => ({ i, ms: measure(i) }));
  let tried = pool.length;
  // Hill climbing from each of the slowest few seeds.
  const rnd = prng(0xad5e);
  const starts = [...scoredPool].sort((x, y) => y.ms - x.ms).slice(0, 3);
  const steps = opts.quick ? 10 : maxLength > 256 ? 25 : 60;
  for (const start of starts) {
    let best = start;
    for (let k = 0; k < steps; k++) {
      const m = mutate(best.i, maxLength, rnd, pool);
      const ms = measure(m);
      tried++;
      if (ms > best.ms) best = { i: m, ms };
    }
  }
  const reference = {
    'Password1!': timeMs(() => checkers.recommended!.evaluate('Password1!'), 101),
    '1×256 (ASCII at the default cap)': timeMs(() => checkers.recommended!.evaluate('1'.repeat(256)), 21),
  };
  return { config, maxLength, inputsTried: tried, p100, evaluate, reference };
}

export async function runAdversarialSuite(opts: AdversarialOptions): Promise<Record<string, unknown>> {
  const words = readFileSync(fileURLToPath(new URL('../data/common-passwords.txt', import.meta.url)), 'utf8').split('\n').filter((w) => w.length >= 6).slice(0, 200);
  const date = new Date().toISOString();
  const loadStart = loadavg().map((x) => Number(x.toFixed(2)));
  const configs: ConfigResult[] = [];
  for (const cap of opts.maxLengths ?? [256, 4096]) configs.push(await runConfig(cap === 256 ? 'default cap (256)' : `maxLength ${cap}`, cap, opts, words));
  return { suite: 'adversarial', date, loadStart, loadEnd: loadavg().map((x) => Number(x.toFixed(2))), configs, sink };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const TITLE = 'Adversarial inputs: slowest evaluation found per detector (p100)';

export function adversarialSection(r: Record<string, unknown>): string {
  const configs = r.configs as ConfigResult[];
  const f = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(3));
  const lines = [
    `Searched on ${String(r.date)}, load average ${(r.loadStart as number[]).join(' / ')} at start, ${(r.loadEnd as number[]).join(' / ')} at the end (shared 2-core machine). Seeds (repeats of ASCII and of code points NFKC expands up to 18-fold, walks, dates, sequences, banned words, near-misses of many distinct context terms at the library's limits of ${MAX_EXTRA_TERMS} extra terms × ${MAX_CONTEXT_VALUE_LENGTH} units plus every field) then random-mutation hill climbing on the time of a whole \`recommended\` evaluation. A figure is the **largest median** (of 3–5 calls, CPU time of the process, so that other people's load on the shared machine counts less) over every input tried; the input named is how it was made. Targets (issue 10): worst whole evaluation ≤ 2 ms at the default cap, ≤ 30 ms at \`maxLength: 4096\`.`,
    '',
  ];
  for (const c of configs) {
    lines.push(`**${c.config}** — ${c.inputsTried} inputs tried. Reference in the same process: ${Object.entries(c.reference).map(([k, v]) => `\`${k}\` ${f(v)} ms`).join(', ')}.`, '');
    lines.push('| detector / profile | p100 ms | slowest input (how made) | units |', '|---|---|---|---|');
    for (const [k, w] of Object.entries(c.evaluate)) lines.push(`| evaluate, ${k} | ${f(w.ms)} | ${w.origin} | ${w.length} |`);
    for (const [k, w] of Object.entries(c.p100).sort((x, y) => y[1].ms - x[1].ms)) lines.push(`| ${k} | ${f(w.ms)} | ${w.origin} | ${w.length} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Replaces (or appends) this suite's section of RESULTS.md, leaving the other suites' intact. */
function writeSection(md: string): void {
  const file = fileURLToPath(new URL('RESULTS.md', import.meta.url));
  const old = readFileSync(file, 'utf8');
  const head = `## ${TITLE}`;
  const at = old.indexOf(head);
  const section = `${head}\n\n${md}\n`;
  if (at < 0) return writeFileSync(file, old.trimEnd() + '\n\n' + section);
  const next = old.indexOf('\n## ', at + head.length);
  writeFileSync(file, old.slice(0, at) + section + (next < 0 ? '' : old.slice(next + 1)));
}

export { TITLE as ADVERSARIAL_TITLE };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const caps = argv.filter((a) => a.startsWith('--cap=')).map((a) => Number(a.slice(6)));
  const r = await runAdversarialSuite({ quick: argv.includes('--quick'), json: argv.includes('--json'), ...(caps.length ? { maxLengths: caps } : {}) });
  const md = adversarialSection(r);
  if (argv.includes('--json')) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  else process.stdout.write(md + '\n');
  if (!argv.includes('--no-write') && !argv.includes('--quick')) writeSection(md);
}
