/**
 * Candidate lists for the attacker's-guesses benchmark (bench/attacker.ts, issue 19): what a
 * cracker tries when it runs a public rule file over a wordlist. The candidates come from the real
 * tools — `hashcat --stdout -r RULES WORDS` (hashcat's rules in Debian `hashcat-data`) and
 * `john --wordlist=WORDS --rules --stdout` (Debian `john`, its [List.Rules:Wordlist]) — so the
 * rule language is theirs, not a re-implementation.
 *
 * The whole product of a wordlist and a rule file is far too large to judge (dive.rule has
 * ~99 k rules), so a run takes a seeded draw of base words and of rules whose product is about
 * `budget` candidates, keeps the distinct candidates of ≥ `min` characters, sorts them (so the
 * tools' output order cannot change the draw) and draws a seeded sample from those. Every pair
 * (word, rule) is equally likely to be in the product, so the sample estimates the share over the
 * whole candidate list of that wordlist and rule file.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { cpLength, sample } from './quality.js';

/** The rules of a hashcat rule file: one per line; blank lines and `#` comments are not rules. */
export function parseRules(text: string): string[] {
  return text
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/**
 * How many argument characters each function of hashcat's rule language takes (hashcat wiki,
 * "rule_based_attack"); a space between functions is a no-op. Used to find the functions a rule
 * calls, not to apply them.
 */
const ARITY: Record<string, number> = {
  ':': 0, l: 0, u: 0, c: 0, C: 0, t: 0, r: 0, d: 0, f: 0, '{': 0, '}': 0, '[': 0, ']': 0, k: 0, K: 0, q: 0, E: 0, M: 0, '4': 0, '6': 0, Q: 0, ' ': 0,
  T: 1, p: 1, D: 1, "'": 1, z: 1, Z: 1, y: 1, Y: 1, L: 1, R: 1, '+': 1, '-': 1, '.': 1, ',': 1, $: 1, '^': 1, '@': 1, '!': 1, '/': 1, '(': 1, ')': 1, '<': 1, '>': 1, _: 1, e: 1,
  x: 2, O: 2, i: 2, o: 2, s: 2, '*': 2, '3': 2, '=': 2, '%': 2,
  X: 3,
};

/** The functions a hashcat rule calls, in order (arguments skipped); null when it does not parse. */
export function ruleFunctions(rule: string): string[] | null {
  const out: string[] = [];
  const chars = [...rule];
  for (let i = 0; i < chars.length; ) {
    const f = chars[i]!;
    const n = ARITY[f];
    if (n === undefined || i + n >= chars.length + (n > 0 ? 0 : 1)) return null;
    if (f !== ' ') out.push(f);
    i += 1 + n;
  }
  return out;
}

/**
 * Functions whose `hashcat --stdout` output is corrupt in Debian's hashcat 6.2.6+ds1-1+b1 (its
 * CPU rule engine): duplicate `d` and reflect `f` mix in wrong bytes for most word lengths
 * ("abc" d → "abcacc", "password" d → "password}o\x7f{w\x7frd"; test/bench/attacker.test.ts).
 * Rules calling them are left out of the draw, and the report says how many.
 */
export const CORRUPT_FUNCTIONS: ReadonlySet<string> = new Set(['d', 'f']);
/** True when the rule parses and calls none of CORRUPT_FUNCTIONS. */
export function generatable(rule: string): boolean {
  const fs = ruleFunctions(rule);
  return fs !== null && !fs.some((f) => CORRUPT_FUNCTIONS.has(f));
}

/** A seed for one (wordlist, rule file) pair that does not depend on the order lists are run in (FNV-1a). */
export function pairSeed(base: number, ...names: string[]): number {
  let h = 0x811c9dc5 ^ base;
  for (const ch of names.join('\0')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * How many base words and rules to draw so that their product is about `budget`: all the rules
 * when there are few (best64: 77), otherwise about √budget of each, and more words when the
 * wordlist allows it.
 */
export function pairPlan(wordCount: number, ruleCount: number, budget: number): { words: number; rules: number } {
  const side = Math.ceil(Math.sqrt(budget));
  const rules = Math.max(1, Math.min(ruleCount, Math.max(side, Math.ceil(budget / Math.max(1, wordCount)))));
  const words = Math.max(1, Math.min(wordCount, Math.floor(budget / rules)));
  return { words, rules };
}

export interface CandidateStats {
  /** Lines the tool printed (read before the line cap). */
  lines: number;
  /** Lines dropped because they are not valid UTF-8 (a rule cut a multi-byte character) or hold control characters. */
  invalid: number;
  /** Valid lines shorter than `min` characters (code points). */
  short: number;
  /** Distinct candidates of ≥ `min` characters. */
  distinct: number;
  /** True when the tool printed more than the line cap and was stopped. */
  capped: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Collects a tool's output lines (bytes, split at `\n`) into distinct candidates: valid UTF-8,
 * no control characters, at least `min` code points. Returns them sorted (code-unit order), so
 * the draw that follows does not depend on the order the tool printed them in.
 */
export class CandidateSink {
  private readonly seen = new Set<string>();
  private rest: Buffer = Buffer.alloc(0);
  readonly stats: CandidateStats = { lines: 0, invalid: 0, short: 0, distinct: 0, capped: false };
  constructor(
    private readonly min: number,
    private readonly maxLines: number,
  ) {}

  /** Feeds a chunk of output; false once the line cap is reached (the caller stops the tool). */
  push(chunk: Buffer): boolean {
    let buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (!this.line(buf.subarray(start, nl))) {
        this.rest = Buffer.alloc(0);
        return false;
      }
      start = nl + 1;
    }
    buf = buf.subarray(start);
    // A line longer than 4 KiB is no password; bound what a misbehaving tool can make us hold.
    this.rest = buf.length > 4096 ? Buffer.alloc(0) : Buffer.from(buf);
    return true;
  }

  /** The last line when the output does not end with a newline. */
  end(): void {
    if (this.rest.length) this.line(this.rest);
    this.rest = Buffer.alloc(0);
  }

  private line(bytes: Buffer): boolean {
    if (this.stats.lines >= this.maxLines) {
      this.stats.capped = true;
      return false;
    }
    this.stats.lines++;
    let s: string;
    try {
      s = utf8.decode(bytes);
    } catch {
      this.stats.invalid++;
      return true;
    }
    if (s.endsWith('\r')) s = s.slice(0, -1);
    if (CONTROL.test(s)) this.stats.invalid++;
    else if (cpLength(s) < this.min) this.stats.short++;
    else this.seen.add(s);
    return true;
  }

  candidates(): string[] {
    this.stats.distinct = this.seen.size;
    return [...this.seen].sort();
  }
}

/**
 * Runs a generator and feeds its stdout to `sink`; stops it at the sink's line cap or after
 * `timeoutMs`. With `stdinFile` the file is piped to its standard input.
 */
export function runInto(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, sink: CandidateSink, timeoutMs: number, stdinFile?: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: [stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'], env });
    if (stdinFile) {
      child.stdin!.on('error', () => {}); // EPIPE once the tool is stopped at the cap; reported through 'close'
      createReadStream(stdinFile).on('error', () => child.kill('SIGKILL')).pipe(child.stdin!);
    }
    let err = '';
    let stopped = false;
    const stop = () => {
      stopped = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(stop, timeoutMs);
    child.stdout!.on('data', (b: Buffer) => {
      if (!stopped && !sink.push(b)) stop();
    });
    child.stderr!.on('data', (b: Buffer) => {
      if (err.length < 2000) err += b.toString();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stopped && !sink.stats.capped) return reject(new Error(`${cmd} did not finish within ${timeoutMs} ms`));
      if (!stopped && code !== 0) return reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 300)}`));
      if (!stopped) sink.end();
      resolvePromise();
    });
  });
}

/** The draw from a pair's distinct candidates that every tool judges. */
export function drawCandidates(candidates: readonly string[], n: number, seed: number): string[] {
  return sample(candidates, n, seed);
}
