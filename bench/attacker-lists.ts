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
import { cpLength, sample } from './quality.js';

/** The rules of a hashcat rule file: one per line; blank lines and `#` comments are not rules. */
export function parseRules(text: string): string[] {
  return text
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
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

/** Runs a generator and feeds its stdout to `sink`; stops it at the sink's line cap or after `timeoutMs`. */
export function runInto(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, sink: CandidateSink, timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let err = '';
    let stopped = false;
    const stop = () => {
      stopped = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(stop, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      if (!stopped && !sink.push(b)) stop();
    });
    child.stderr.on('data', (b: Buffer) => {
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
