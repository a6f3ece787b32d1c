import type { EvaluationResult } from '../engine/evaluate.js';
import type { PolicyDescription } from '../policy/describe.js';
import { Exit, UsageError, type Subcommand } from './io.js';
import { CHECKER_FLAGS, CHECKER_FLAGS_HELP, CONTEXT_FLAGS, CONTEXT_FLAGS_HELP, checkerFrom, contextFrom } from './checker-flags.js';
import { count, ENTRIES, POINTS } from '../wording/plural.js';
import { readSecret } from './read-secret.js';
import { parseFlags } from './parse-flags.js';

const HELP = `Usage: passgate check [options] [PASSWORD|-]

Judges one password and says why. With '-' or no PASSWORD it is read from stdin (the first
line), which keeps it out of your shell history; on a terminal it is not echoed.

Options:
  --json                the full result as JSON
  --policy              print the policy in force instead (with --json: machine-readable)
${CHECKER_FLAGS_HELP}
${CONTEXT_FLAGS_HELP}

Exit codes: 0 accepted, 1 rejected, 2 misuse (bad flags, unreadable files), 3 failure
(passgate's own data missing or damaged, or anything else).`;

export const check: Subcommand = async (args, io) => {
  const { values, positionals } = parseFlags('check', {
    args: [...args],
    options: { ...CHECKER_FLAGS, ...CONTEXT_FLAGS, json: { type: 'boolean' }, policy: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP + '\n');
    return Exit.OK;
  }
  if (positionals.length > 1) throw new UsageError('give at most one password (quote it, or pipe it on stdin)');
  const checker = await checkerFrom(values, io.env);
  if (values.policy) {
    const policy = checker.policy();
    io.stdout.write(values.json ? JSON.stringify(policy, null, 2) + '\n' : describe(policy));
    return Exit.OK;
  }
  const given = positionals[0];
  const fromStdin = given === undefined || given === '-';
  const password = fromStdin ? await readSecret(io, 'Password: ') : given;
  // Nothing piped (or an empty first line) is a mistake, not the empty password to judge: that
  // one can still be given as an argument ('').
  if (fromStdin && password === '') throw new UsageError(io.stdin.isTTY ? 'no password entered' : 'no password on standard input');
  const result = await checker.evaluateAsync(password, contextFrom(values));
  io.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : render(result, Boolean(io.stdout.isTTY)));
  return result.accepted ? Exit.OK : Exit.REJECTED;
};

function render(r: EvaluationResult, colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const head = r.accepted
    ? r.wouldReject
      ? paint('33', 'ACCEPTED (audit mode: would be rejected)')
      : paint('32', 'ACCEPTED')
    : paint('31', 'REJECTED');
  const lines = [`${head}  profile ${r.policy.profile}, ${count('en', r.points, POINTS)}${r.strength ? `, strength ${r.strength.score}/4` : ''}`];
  // The reasons that decided first, then the findings that explain them.
  const shown = [...r.findings.filter((f) => f.severity === 'reject'), ...r.findings.filter((f) => f.severity === 'warn')];
  for (const f of shown) {
    const where = f.start !== undefined ? ` at ${f.start}–${f.end}` : '';
    const mark = f.severity === 'reject' ? '✗' : '•';
    lines.push(`  ${mark} ${f.message ?? f.code}  [${f.code}${where}]`);
  }
  if (r.feedback.suggestions.length > 0) {
    lines.push('Suggestions:');
    for (const s of r.feedback.suggestions) lines.push(`  - ${s}`);
  }
  return lines.join('\n') + '\n';
}

function describe(p: PolicyDescription): string {
  const breached = p.lists.breached ? `${count('en', p.lists.breached.entries, ENTRIES)}, FPR ${p.lists.breached.falsePositiveRate}` : 'off';
  return [
    `profile        ${p.profile} (${p.mode})`,
    `length         ${p.minLength}–${p.maxLength} characters`,
    `banned terms   ${p.lists.globalBannedTerms} global, ${p.lists.customBannedTerms} custom (${p.matching} matching${p.threshold ? `, ${p.threshold} points needed` : ''})`,
    `breached list  ${breached}`,
    `strength       ${p.strength ? `${p.strength.estimator}, at least ${p.strength.minScore}/4` : 'off'}`,
  ].join('\n') + '\n';
}
