/**
 * The time of one named input at `maxLength: 4096` (issue 19: `'qazwsx'.repeat(682)` took
 * 107–168 ms, walkGuesses was quadratic). CPU time of the process, median of 7 calls.
 *
 *   npx tsx bench/worst-input.ts
 */
import { loadavg } from 'node:os';
import { createChecker } from '../src/index.js';

const inputs: Record<string, string> = {
  "'qazwsx'.repeat(682)": 'qazwsx'.repeat(682),
  "'1qaz2wsx'.repeat(512)": '1qaz2wsx'.repeat(512),
  "'qwertyuiop'.repeat(409)": 'qwertyuiop'.repeat(409),
};
const checker = await createChecker({ maxLength: 4096 });
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' / ')}, ${new Date().toISOString()}`);
for (const [name, pw] of Object.entries(inputs)) {
  checker.evaluate(pw);
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = process.cpuUsage();
    checker.evaluate(pw);
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[3]!.toFixed(1)} ms CPU (min ${times[0]!.toFixed(1)}, max ${times[6]!.toFixed(1)})`);
}
