/**
 * The time of the known worst inputs (issue 19's targets: ≤ 2 ms at the default cap with the
 * context fields at their limits, ≤ 30 ms at `maxLength: 4096`). `'qazwsx'.repeat(682)` took
 * 107–168 ms once (walkGuesses was quadratic); `'1'.repeat(4096)` is where bench/adversarial.ts
 * ends up at 4096 (36 k dictionary matches of leet digits).
 *
 * Each checker first evaluates WARM_UP passwords of the bench mix, as a running service has:
 * without it the figures are mostly the JIT compiling and the model's rows being decoded (the
 * same input took 150 ms on its first call in a fresh process and 11–14 ms from its tenth). Then
 * per input: the first call, the median (min–max) of the CALLS after it, and of the CALLS after
 * those (what an attacker repeating the input costs once the JIT has compiled its paths: the
 * compiler's background threads count in the earlier calls), in CPU time of the process, all
 * threads (on the shared machine wall time is mostly waiting for a core).
 *
 *   npx tsx bench/worst-input.ts
 */
import { loadavg } from 'node:os';
import { createChecker } from '../src/index.js';
import { MAX_CONTEXT_VALUE_LENGTH, MAX_EXTRA_TERMS } from '../src/detect/context.js';
import type { PasswordContext } from '../src/types.js';
import { generateMix } from './mix.js';

const WARM_UP = 2_000;
const CALLS = 15;

/** Every field and extra term at its length limit, made of digits (they meet a digit password's
 * words everywhere: the slowest context bench/adversarial.ts found for `1` × n). */
const digits = (k: number) => Array.from({ length: MAX_CONTEXT_VALUE_LENGTH }, (_, i) => String((i * 7 + k) % 10)).join('');
const digitContext: PasswordContext = {
  firstName: digits(1), lastName: digits(2), username: digits(3), email: `${digits(4).slice(0, 240)}@example.com`,
  tenantName: digits(5), displayName: digits(6),
  extraTerms: Array.from({ length: MAX_EXTRA_TERMS }, (_, k) => digits(7 + k)),
};

const inputs: readonly [cap: number | undefined, name: string, password: string, context: PasswordContext | undefined][] = [
  [undefined, "'1'.repeat(256), digit context", '1'.repeat(256), digitContext],
  [undefined, "'1'.repeat(256)", '1'.repeat(256), undefined],
  [undefined, "'qazwsx'.repeat(42), digit context", 'qazwsx'.repeat(42), digitContext],
  [4096, "'1'.repeat(4096)", '1'.repeat(4096), undefined],
  [4096, "'1'.repeat(4096), digit context", '1'.repeat(4096), digitContext],
  [4096, "'a1'.repeat(2048)", 'a1'.repeat(2048), undefined],
  [4096, "'qazwsx'.repeat(682)", 'qazwsx'.repeat(682), undefined],
  [4096, "'1qaz2wsx'.repeat(512)", '1qaz2wsx'.repeat(512), undefined],
  [4096, "'qwertyuiop'.repeat(409)", 'qwertyuiop'.repeat(409), undefined],
];

const cpuMs = (f: () => void): number => {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
};

const mix = generateMix(WARM_UP).map((e) => e.password);
const checkers = new Map<number | undefined, Awaited<ReturnType<typeof createChecker>>>();
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' / ')}, ${new Date().toISOString()}, warm-up ${WARM_UP} mix passwords, then per input the first call and the medians of the next ${CALLS} and the ${CALLS} after`);
for (const [cap, name, password, context] of inputs) {
  let checker = checkers.get(cap);
  if (!checker) {
    checker = await createChecker(cap === undefined ? {} : { maxLength: cap });
    for (const p of mix) checker.evaluate(p);
    checkers.set(cap, checker);
  }
  const c = checker;
  const timed = () => Array.from({ length: CALLS }, () => cpuMs(() => c.evaluate(password, context))).sort((a, b) => a - b);
  const first = cpuMs(() => c.evaluate(password, context));
  const early = timed();
  const settled = timed();
  const at = cap === undefined ? 'default cap' : `maxLength ${cap}`;
  const show = (t: number[]) => `${t[CALLS >> 1]!.toFixed(2)} ms (${t[0]!.toFixed(2)}–${t[CALLS - 1]!.toFixed(2)})`;
  console.log(`${at}, ${name}: first call ${first.toFixed(2)} ms, calls 2–${CALLS + 1} median ${show(early)}, calls ${CALLS + 2}–${2 * CALLS + 1} median ${show(settled)}`);
}
