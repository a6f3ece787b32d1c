/**
 * Issue 22, CLI edges: misuse gets one short line naming what is wrong (exit 2) — never the
 * whole help flattened onto one line, never Node's raw parser message —, an unknown flag gets a
 * suggestion, `audit --help` lists only what audit takes, and an empty stdin is no password.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const BUILD_USAGE_LINE = '(usage: passgate build --input DIR|FILE|- --output FILE [options]; see passgate build --help)';

describe('misuse is one short line on stderr, exit 2', () => {
  it.each([
    [['build'], `passgate build: --input FILE and --output FILE are required ${BUILD_USAGE_LINE}`],
    [['build', '--output', 'x.pgf'], `passgate build: --input FILE is required ${BUILD_USAGE_LINE}`],
    [['build', '--input', 'x.txt'], `passgate build: --output FILE is required ${BUILD_USAGE_LINE}`],
    [['build', 'list.txt'], "passgate build: unexpected argument 'list.txt': it takes no positional argument (see passgate build --help)"],
    [['check', '--profle', 'entra', 'x'], "passgate check: unknown option '--profle' (did you mean --profile?)"],
    [['check', '--no-breach', 'x'], "passgate check: unknown option '--no-breach' (did you mean --no-breached?)"],
    [['check', '--frist-name', 'Anna', 'x'], "passgate check: unknown option '--frist-name' (did you mean --first-name?)"],
    [['audit', '--jsn', 'f.txt'], "passgate audit: unknown option '--jsn' (did you mean --json?)"],
    [['serve', '--prot', '8080'], "passgate serve: unknown option '--prot' (did you mean --port?)"],
    [['build', '--inptu', 'x.txt'], "passgate build: unknown option '--inptu' (did you mean --input?)"],
    [['check', '--zzzzzzzz', 'x'], "passgate check: unknown option '--zzzzzzzz' (see passgate check --help)"],
    [['check', '-z', 'x'], "passgate check: unknown option '-z' (see passgate check --help)"],
    [['check', '--json=1', 'x'], 'passgate check: --json takes no value'],
    [['check', 'x', '--profile'], 'passgate check: --profile needs a value'],
    [['audit', '--audit', 'f.txt'], "passgate audit: unknown option '--audit' (see passgate audit --help)"],
  ])('%j', async (args, line) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
    // Quotes balanced: no half-quoted raw parser message.
    expect((r.stderr.match(/'/g) ?? []).length % 2).toBe(0);
  });

  it('does not repeat an unknown option that does not look like one (it may be a password typed in the wrong place)', async () => {
    const r = await runCli(['check', '--Winter2020!']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('passgate check: unknown option (see passgate check --help)\n');
  });
});

describe('audit --help lists only what audit takes', () => {
  it('no --audit in audit --help; still in check --help and serve --help', async () => {
    const audit = await runCli(['audit', '--help']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('--profile NAME');
    expect(audit.stdout).toContain('--json');
    expect(audit.stdout).not.toContain('--audit');
    expect((await runCli(['check', '--help'])).stdout).toContain('--audit');
    expect((await runCli(['help', 'audit'])).stdout).not.toContain('--audit');
  });
});

describe('check reads a password from stdin, and an empty one is misuse', () => {
  it.each([
    ['nothing', [], ''],
    ['nothing, with -', ['-'], ''],
    ['an empty line', [], '\n'],
    ['an empty CRLF line', ['-'], '\r\nsecond-line'],
  ])('%s: exit 2, "no password on standard input"', async (_what, extra, stdin) => {
    const r = await runCli(['check', '--no-breached', ...extra], stdin);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('passgate check: no password on standard input\n');
  });

  it('a password on stdin is judged as before; an empty argument is still judged (it was given)', async () => {
    const piped = await runCli(['check', '--no-breached', '--json'], 'Winter2020!\n');
    expect(piped.code).toBe(1);
    expect(JSON.parse(piped.stdout).accepted).toBe(false);
    const empty = await runCli(['check', '--no-breached', '--json', '']);
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.stdout).findings.map((f: { code: string }) => f.code)).toContain('TOO_SHORT');
  });
});
