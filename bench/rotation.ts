/**
 * Rotated passwords (issue 21): how many generated rotations the ranked predecessors catch at 8,
 * 32 and 128 candidates and the plain-text rule catches; how often the rule matches two unrelated
 * human passwords (target: at most 1 in 10,000); and what one change costs against each hash
 * type at common parameters. Writes its section of bench/RESULTS.md between its markers.
 *
 *   npx tsx bench/rotation.ts [--sets DIR] [--pairs N] [--unrelated N] [--no-write]
 *
 * Sets: `.cache/quality/sets/` (npx tsx scripts/fetch-quality-sets.ts), else data/common-passwords.txt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import argon2 from 'argon2';
import bcrypt from 'bcrypt';
import { rotationRule, type RotationRule } from '../src/rotation/similar.js';
import { rotationCandidates, verifyCandidates, ROTATION_DEFAULTS } from '../src/rotation/source.js';
import { parseHash } from '../src/rotation/hash-format.js';
import { verifyPasswordHash } from '../src/rotation/verify-node.js';
import { rotationPairs, seeded, UNMODELLED_SHARE } from './rotation-pairs.js';
import { ROTATION_START, ROTATION_END, replaceMarkedBlock } from './kept-sections.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const root = join(import.meta.dirname, '..');
const setsDir = arg('--sets', join(root, '.cache/quality/sets'));
const PAIRS = Number(arg('--pairs', '20000'));
const UNRELATED = Number(arg('--unrelated', '1000000'));
const SETS = ['rockyou-75', 'xato-10k_control', 'john', 'hashcat-example'];

function readSets(): { passwords: string[]; label: string } {
  const found = SETS.map((s) => join(setsDir, `${s}.txt`)).filter((f) => existsSync(f));
  const files = found.length > 0 ? found : [join(root, 'data/common-passwords.txt')];
  const all = new Set<string>();
  for (const f of files) for (const line of readFileSync(f, 'utf8').split('\n')) if (line.length >= 4 && line.length <= 64) all.add(line);
  const label = found.length > 0 ? SETS.filter((s) => existsSync(join(setsDir, `${s}.txt`))).join(', ') + ' (.cache/quality/sets)' : 'data/common-passwords.txt';
  return { passwords: [...all], label };
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;

function catchRates(passwords: string[]) {
  const pairs = rotationPairs(passwords, PAIRS, seeded(21));
  const ks = [8, 32, 128];
  const caught = new Map<number, number>(ks.map((k) => [k, 0]));
  let rule = 0;
  const byClass = new Map<string, { n: number; at32: number; rule: number }>();
  for (const p of pairs) {
    const list = rotationCandidates(p.next, 128);
    const at = list.indexOf(p.old);
    for (const k of ks) if (at >= 0 && at < k) caught.set(k, caught.get(k)! + 1);
    const r = rotationRule(p.old, p.next) !== null;
    if (r) rule++;
    const c = byClass.get(p.cls) ?? { n: 0, at32: 0, rule: 0 };
    c.n++;
    if (at >= 0 && at < 32) c.at32++;
    if (r) c.rule++;
    byClass.set(p.cls, c);
  }
  return { pairs: pairs.length, ks, caught, rule, byClass };
}

function falseMatches(passwords: string[]) {
  const rng = seeded(2014);
  const rules = new Map<RotationRule, number>();
  let n = 0;
  let matched = 0;
  const examples: string[] = [];
  const t0 = performance.now();
  while (n < UNRELATED) {
    const a = passwords[Math.floor(rng() * passwords.length)]!;
    const b = passwords[Math.floor(rng() * passwords.length)]!;
    if (a === b) continue;
    n++;
    const r = rotationRule(a, b);
    if (r) {
      matched++;
      rules.set(r, (rules.get(r) ?? 0) + 1);
      if (examples.length < 3) examples.push(r);
    }
  }
  return { n, matched, rules, usPerPair: ((performance.now() - t0) * 1000) / n };
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');

async function hashTimes() {
  const old = 'Quokka!Harbour2023';
  const rotated = 'Quokka!Harbour2024';
  const unrelated = 'Wombat-Lantern-Sky-9';
  const salt = randomBytes(16);
  const make: [string, () => Promise<string> | string][] = [
    ['bcrypt cost 10', () => bcrypt.hash(old, 10)],
    ['bcrypt cost 11', () => bcrypt.hash(old, 11)],
    ['bcrypt cost 12', () => bcrypt.hash(old, 12)],
    ['argon2id m=19 MiB t=2 p=1 (OWASP minimum)', () => argon2.hash(old, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 })],
    ['scrypt N=2^17 r=8 p=1 (OWASP)', () => `$scrypt$ln=17,r=8,p=1$${b64(salt)}$${b64(scryptSync(old, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 17 * 8 }))}`],
    ['PBKDF2-SHA256 600,000 (OWASP)', () => `$pbkdf2-sha256$i=600000,l=32$${b64(salt)}$${b64(pbkdf2Sync(old, salt, 600_000, 32, 'sha256'))}`],
  ];
  const rows: string[] = [];
  for (const [label, mk] of make) {
    const hash = parseHash(await mk(), 'bench');
    const one: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await verifyPasswordHash(unrelated, hash);
      one.push(performance.now() - t);
    }
    one.sort((a, b) => a - b);
    const time = async (password: string) => {
      const t = performance.now();
      const trace = await verifyCandidates(rotationCandidates(password, ROTATION_DEFAULTS.maxCandidates), [hash], verifyPasswordHash, ROTATION_DEFAULTS.budgetMs);
      return { ms: performance.now() - t, trace };
    };
    const hit = await time(rotated);
    const miss = await time(unrelated);
    const said = (t: typeof hit) =>
      t.trace.matched ? `${t.ms.toFixed(0)} (match at candidate ${t.trace.verified})` : `${t.ms.toFixed(0)} (no match: ${t.trace.verified} candidates, stopped by ${t.trace.stoppedBy})`;
    rows.push(`| ${label} | ${one[2]!.toFixed(1)} | ${said(hit)} | ${said(miss)} |`);
    console.error(`rotation bench: ${label} done`);
  }
  return rows;
}

function machine(): string {
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    commit = '?';
  }
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  return `${cpus()[0]?.model ?? '?'}, ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}, load average at start ${load}, commit ${commit}`;
}

async function main() {
  const where = machine();
  const { passwords, label } = readSets();
  const rates = catchRates(passwords);
  const fm = falseMatches(passwords);
  const times = await hashTimes();
  const classes = [...rates.byClass.entries()].sort((a, b) => b[1].n - a[1].n);
  const section = `${ROTATION_START}
## Rotated passwords (issue 21): predecessors, the plain-text rule, hash costs

Written by \`npx tsx bench/rotation.ts\`. ${where}.

Old passwords: ${passwords.length.toLocaleString('en')} distinct entries of 4–64 characters from ${label}.
${rates.pairs.toLocaleString('en')} (old, new) pairs, seeded: one change each, its class drawn with
the weights of \`CHANGE_WEIGHTS\` (src/rotation/predecessors.ts: the papers' classes in their order,
shares assumed), plus ${Math.round(UNMODELLED_SHARE * 100)} % changes the generator of predecessors does not model (two changes
at once, a letter inserted inside, a word appended, a letter's case flipped inside). The
predecessors are ranked by the same weights, so the catch rates measure how well the ranking
covers this mix, not a recall on real users.

| caught | at 8 candidates | at 32 | at 128 | plain-text rule (previousPassword) |
|---|---|---|---|---|
| all pairs | ${rates.ks.map((k) => pct(rates.caught.get(k)!, rates.pairs)).join(' | ')} | ${pct(rates.rule, rates.pairs)} |

| change class | pairs | caught at 32 candidates | caught by the rule |
|---|---|---|---|
${classes.map(([c, v]) => `| ${c} | ${v.n} | ${pct(v.at32, v.n)} | ${pct(v.rule, v.n)} |`).join('\n')}

Candidates include the password itself first (a reused password), as \`evaluateAsync\` tries them.

**False matches of the plain-text rule** on ${fm.n.toLocaleString('en')} random pairs of distinct passwords from
the same sets: ${fm.matched} (${(fm.matched / fm.n * 10_000).toFixed(2)} in 10,000; target ≤ 1 in 10,000)${fm.matched ? `, by step: ${[...fm.rules.entries()].map(([r, n]) => `${r} ${n}`).join(', ')}` : ''}.
Random pairs from a list of common passwords include related ones by chance (\`password1\`/\`password12\`),
which count here as false matches. ${fm.usPerPair.toFixed(1)} µs per pair.

**Time per change** against one stored hash, with the defaults (\`rotation: { maxCandidates: ${ROTATION_DEFAULTS.maxCandidates}, budgetMs: ${ROTATION_DEFAULTS.budgetMs} }\`),
one request at a time (ms; each verification runs in libuv's thread pool, off the event loop):

| hash | one verification (median of 5) | rotated password (Quokka!Harbour2023 → 2024) | unrelated password (worst case) |
|---|---|---|---|
${times.join('\n')}

The unrelated column is the CPU a request can cost: \`budgetMs\` plus the verification in flight,
or the two verifications always made (the password and its likeliest predecessor against the first
hash), whichever is more — about one core-second by default on a fast hash. Timings on a shared
machine under the load shown above (many times more runnable threads than cores) are upper bounds:
rerun on your own hardware. Rate-limit \`POST /v1/evaluate\` requests that carry hashes accordingly
(e.g. a few per user per minute and no more concurrent ones than the thread pool,
UV_THREADPOOL_SIZE, 4 by default).
${ROTATION_END}`;
  console.log(section);
  if (!args.includes('--no-write')) {
    const file = join(root, 'bench/RESULTS.md');
    const previous = readFileSync(file, 'utf8');
    writeFileSync(file, replaceMarkedBlock(previous, ROTATION_START, ROTATION_END, section));
  }
}

await main();
