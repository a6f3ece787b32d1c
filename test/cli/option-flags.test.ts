/**
 * The CLI's option flags walk the option schema (src/option-schema.ts): for every entry with a
 * flag, `--help` shows it with its limits, the CLI accepts it (the policy, or the service config
 * `serve` builds, shows the value), and an out-of-range value is misuse naming the flag and the
 * range. The library's and the service's side: test/core/option-schema.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limitsText, OPTION_IDS, OPTION_SCHEMA, isLibraryOption, type CliFlag, type OptionId } from '../../src/option-schema.js';
import { buildFilter } from '../../src/filter/index.js';
import { configFromFlags } from '../../src/cli/serve.js';
import { validateConfig } from '../../src/server/config.js';
import { PROFILES } from '../../src/policy/profiles.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'passgate-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const flagged = OPTION_IDS.flatMap((id) => (OPTION_SCHEMA[id].cli ?? []).map((f) => [id, f] as [OptionId, CliFlag]));
const libraryFlags = flagged.filter(([id]) => isLibraryOption(id));
const serveFlags = flagged.filter(([id]) => !isLibraryOption(id));
/** The commands whose help lists a flag: audit reports whatever the mode, so it has no --audit. */
const commandsOf = (id: OptionId) => (isLibraryOption(id) ? (id === 'mode' ? ['check', 'serve'] : ['check', 'audit', 'serve']) : ['serve']);

const help: Record<string, string> = {};
for (const command of ['check', 'audit', 'serve']) help[command] = (await runCli([command, '--help'])).stdout;

describe('--help shows every option flag with its limits and default', () => {
  it.each(flagged.map(([id, f]) => [`--${f.flag}`, id, f] as const))('%s', (shown, id, f) => {
    const entry = OPTION_SCHEMA[id];
    for (const command of commandsOf(id)) {
      const line = help[command]!.split('\n').find((l) => l.startsWith(`  ${shown}${f.arg ? ` ${f.arg}` : ''} `));
      expect(line, `${command} --help`).toBeDefined();
      if (f.arg === undefined) continue;
      expect(line).toContain(limitsText(entry.kind));
      if (entry.kind.type === 'enum' || entry.kind.type === 'locale') for (const v of entry.kind.values) expect(line).toContain(v);
      if (entry.kind.type === 'integer') expect(line).toContain(`default ${entry.default ?? entry.defaultText}`);
    }
  });

  it('audit --help has no --audit, and the flags it lists are the ones it accepts', async () => {
    expect(help.audit).not.toMatch(/^ {2}--audit /m);
    expect((await runCli(['audit', '--audit', file('one.txt', 'x\n')])).stderr).toMatch(/unknown option '--audit'/);
  });
});

/** The arguments that give a flag a valid value, and what checker.policy() then shows. */
function accepted(id: OptionId, f: CliFlag): { args: string[]; shows: (policy: any) => unknown; expected: unknown } {
  const { kind } = OPTION_SCHEMA[id];
  if (kind.type === 'breached') {
    const filter = file('filter.pgf', buildFilter(['hunter2-but-longer', 'Winter2020!']));
    const args = f.sets === false ? [`--${f.flag}`] : f.sets === true ? ['--breached', filter, `--${f.flag}`] : [`--${f.flag}`, filter];
    return { args, shows: (p) => p.lists.breached?.entries ?? null, expected: f.sets === false ? null : f.sets === true ? 2 : expect.any(Number) };
  }
  if (f.sets !== undefined) return { args: [`--${f.flag}`], shows: (p) => (id === 'mfa' ? p.minLength : p[id]), expected: id === 'mfa' ? PROFILES.nist.mfaMinLength : f.sets };
  switch (kind.type) {
    case 'terms':
      return { args: [`--${f.flag}`, file(`${id}.txt`, `# ours\n${'q'.repeat(kind.minLength)}\n${'z'.repeat(kind.maxLength)}\n`)], shows: (p) => p.lists[id], expected: 2 };
    case 'integer':
      return { args: [`--${f.flag}`, '64'], shows: (p) => p[id], expected: 64 };
    case 'locale':
      return { args: [`--${f.flag}`, `${kind.values.at(-1)}-XX`], shows: (p) => p[id], expected: kind.values.at(-1) };
    case 'enum':
      return { args: [`--${f.flag}`, kind.values.at(-1)!], shows: (p) => p[id], expected: kind.values.at(-1) };
    default:
      throw new Error(`no sample for ${id}`);
  }
}

describe('check accepts every library option flag, and the policy shows its value', () => {
  it.each(libraryFlags.map(([id, f]) => [`--${f.flag}`, id, f] as const))('%s', async (_shown, id, f) => {
    const { args, shows, expected } = accepted(id, f);
    // --mfa lowers the nist minimum; the others are seen under the default profile.
    const r = await runCli(['check', '--policy', '--json', ...(id === 'mfa' ? ['--profile', 'nist'] : []), ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(shows(JSON.parse(r.stdout))).toEqual(expected);
  });
});

/** An out-of-range value for a flag taking one, and what the message must say. */
function refused(id: OptionId, f: CliFlag): { args: string[]; says: string } | null {
  const { kind } = OPTION_SCHEMA[id];
  const flag = `--${f.flag}`;
  switch (kind.type) {
    case 'integer':
      return { args: [flag, String(kind.max + 1)], says: `${flag} must be ${isLibraryOption(id) ? `between ${kind.min} and ${kind.max}` : `a whole number from ${kind.min} to ${kind.max}`}` };
    case 'enum':
      return { args: [flag, 'nope'], says: `${flag} must be ` };
    case 'locale':
      return { args: [flag, 'xx'], says: `${flag} 'xx' is not supported; use one of ${kind.values.join(', ')}` };
    case 'terms':
      return { args: [flag, file(`${id}-long.txt`, `${'w'.repeat(kind.maxLength + 1)}\n`)], says: `${flag} (term 1) must be ${limitsText(kind).replace(/^at most \d+, /, '').replace(' each', ' long')}` };
    case 'string':
      return { args: [flag, kind.format === 'origin' ? 'ftp://example.com/path' : ''], says: `${flag} must be ` };
    default:
      return null; // a switch, or a file whose content is a filter (test/cli/check.test.ts)
  }
}

describe('an out-of-range value is misuse, naming the flag and the limits', () => {
  const cases = flagged.flatMap(([id, f]) => (f.arg && refused(id, f) ? [[`--${f.flag}`, id, f] as const] : []));
  it.each(cases)('%s', async (_shown, id, f) => {
    const { args, says } = refused(id, f)!;
    const command = isLibraryOption(id) ? ['check', ...args, 'some-password'] : ['serve', ...args];
    const r = await runCli(command);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`passgate ${command[0]}: ${says}`);
    const { kind } = OPTION_SCHEMA[id];
    if (kind.type === 'enum') for (const v of kind.values) expect(r.stderr).toContain(v);
  });
});

describe('serve turns each setting flag into its config key', () => {
  const sample = (id: OptionId) => {
    const { kind } = OPTION_SCHEMA[id];
    if (kind.type === 'integer') return [String(Math.max(kind.min, 1024)), Math.max(kind.min, 1024)] as const;
    return kind.type === 'string' && kind.format === 'origin' ? (['https://reset.example.com', 'https://reset.example.com'] as const) : (['localhost', 'localhost'] as const);
  };
  it.each(serveFlags.map(([id, f]) => [`--${f.flag}`, id, f] as const))('%s', (_shown, id, f) => {
    const [text, value] = sample(id);
    const config = configFromFlags({ [f.flag]: text });
    const [outer, inner] = OPTION_SCHEMA[id].config!.split('.') as [string, string | undefined];
    expect(inner === undefined ? (config as any)[outer] : (config as any)[outer][inner]).toBe(value);
    expect(validateConfig(config)).toEqual(config);
  });
});
