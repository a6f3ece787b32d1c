import { describe, expect, expectTypeOf, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_PROFILE, PROFILE_NAMES, PROFILES } from '../../src/policy/profiles.js';
import { buildFilter, createChecker, type CheckerOptions, type ProfileName } from '../../src/index.js';

// A profile is pure data (src/policy/profiles.ts): these tests pin what the data decides, so a
// profile added there is judged by its fields, and no other file may ask for one by name.

describe('the profiles as data', () => {
  it('are keyed by their names, the default first', async () => {
    for (const name of PROFILE_NAMES) expect(PROFILES[name].name).toBe(name);
    expect(PROFILE_NAMES).toEqual(['recommended', 'entra', 'nist']);
    expect(PROFILE_NAMES[0]).toBe(DEFAULT_PROFILE);
    expect((await createChecker({ breached: false })).policy().profile).toBe(DEFAULT_PROFILE);
    expectTypeOf<ProfileName>().toEqualTypeOf<'recommended' | 'entra' | 'nist'>();
  });

  it('no source file outside policy/profiles.ts compares a profile name', () => {
    const src = join(import.meta.dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const names = PROFILE_NAMES.join('|');
    const compare = new RegExp(`(===|!==)\\s*['"](${names})['"]|['"](${names})['"]\\s*(===|!==)`);
    const offenders = files.filter((f) => compare.test(readFileSync(join(src, f), 'utf8'))).map((f) => relative(src, join(src, f)));
    expect(offenders).toEqual([]);
  });

  it('no source file outside policy/profiles.ts spells the default profile (DEFAULT_PROFILE is the one place)', () => {
    const src = join(import.meta.dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const fallback = new RegExp(`\\?\\?\\s*['"]${DEFAULT_PROFILE}['"]`);
    const offenders = files.filter((f) => fallback.test(readFileSync(join(src, f), 'utf8'))).map((f) => relative(src, join(src, f)));
    expect(offenders).toEqual([]);
  });

  // [profile, options, minLength or the exact error]
  it.each<[ProfileName, Partial<CheckerOptions>, number | string]>([
    ['recommended', {}, 8],
    ['recommended', { mfa: true }, 8], // no MFA minimum: mfa changes nothing
    ['recommended', { minLength: 0, maxLength: 10 }, 0],
    ['entra', {}, 1],
    ['entra', { mfa: true }, 1],
    ['nist', {}, 15],
    ['nist', { mfa: true }, 8],
    ['nist', { mfa: true, minLength: 7 }, '`minLength` must be at least 15 for the nist profile (8 with `mfa: true`)'],
    ['nist', { minLength: 14 }, '`minLength` must be at least 15 for the nist profile (8 with `mfa: true`)'],
    ['nist', { maxLength: 63 }, '`maxLength` must be at least 64 for the nist profile (SP 800-63B)'],
    ['nist', { maxLength: 64 }, 15],
    ['nist', { minLength: 20, maxLength: 16 }, '`minLength` must not exceed `maxLength`'],
  ])('%s %j: lengths follow the profile’s fields', async (profile, options, expected) => {
    const made = createChecker({ profile, breached: false, ...options });
    if (typeof expected === 'string') await expect(made).rejects.toThrow(new RangeError(expected));
    else expect((await made).policy().minLength).toBe(expected);
  });

  it.each([
    ['recommended', true],
    ['entra', false],
    ['nist', false],
  ] as const)('%s probes the breached filter with the lowercase form: %s', async (profile, probes) => {
    expect(PROFILES[profile].breachedLowercase).toBe(probes);
    const bytes = buildFilter(['quiverpastatundra88'], { falsePositiveRate: 1e-9 });
    const c = await createChecker({ profile, breached: { bytes } });
    expect(c.evaluate('quiverpastatundra88').policy.rejectedBy).toContain('BREACHED');
    expect(c.evaluate('QuiverPastaTundra88').policy.rejectedBy.includes('BREACHED')).toBe(probes);
  });
});
