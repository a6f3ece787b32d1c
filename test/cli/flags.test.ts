import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// The CLI translates its flags into checker options and lets the library (src/options.ts)
// decide; the message names the flag the user typed, and misuse exits 2.
describe('checker flags are checked by the library, named as flags', () => {
  it.each([
    [['check', '--profile', 'strict', 'x'], /^passgate check: --profile must be one of recommended, entra, nist$/],
    [['check', '--min-length', '99999', 'x'], /^passgate check: --min-length must be between 0 and 4096$/],
    [['check', '--max-length', '0', 'x'], /^passgate check: --max-length must be between 1 and 4096$/],
    [['check', '--locale', 'xx', 'x'], /^passgate check: --locale 'xx' is not supported; use one of en, fr/],
    [['check', '--min-length', '20', '--max-length', '10', 'x'], /^passgate check: --min-length must not exceed --max-length$/],
    [['check', '--profile', 'nist', '--min-length', '8', 'x'], /^passgate check: --min-length must be at least 15 for the nist profile \(8 with --mfa\)$/],
    [['check', '--profile', 'nist', '--max-length', '32', 'x'], /^passgate check: --max-length must be at least 64 for the nist profile \(SP 800-63B\)$/],
    [['audit', '--locale', 'xx', '/dev/null'], /^passgate audit: --locale 'xx' is not supported/],
    [['serve', '--locale', 'xx'], /^passgate serve: --locale 'xx' is not supported/],
    [['serve', '--max-length', '5000'], /^passgate serve: --max-length must be between 1 and 4096$/],
    [['check', '--min-length', 'ten', 'x'], /^passgate check: --min-length must be a whole number$/],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('accepts nist at 8 characters with --mfa', async () => {
    const r = await runCli(['check', '--json', '--policy', '--profile', 'nist', '--mfa', '--min-length', '8']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: 'nist', minLength: 8 });
  });

  it('lists every profile and locale in the help', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.stdout).toContain('--profile NAME        recommended (default), entra or nist');
    expect(r.stdout).toContain('--locale TAG          en (default), fr, de, es, nl, pt, it, pl or ja');
  });
});
