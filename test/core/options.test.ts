import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

describe('createChecker validates every option and names it', () => {
  it.each([
    [{ profile: 'strict' }, RangeError, /`profile`/],
    [{ mode: 'warn' }, RangeError, /`mode`/],
    [{ minLength: 2.5 }, TypeError, /`minLength`/],
    [{ minLength: 20, maxLength: 10 }, RangeError, /`minLength`/],
    [{ maxLength: 0 }, RangeError, /`maxLength`/],
    [{ profile: 'nist', maxLength: 32 }, RangeError, /at least 64/],
    [{ profile: 'nist', minLength: 8 }, RangeError, /15/],
    [{ locale: 'xx' }, RangeError, /`locale`/],
    [{ locale: 3 }, TypeError, /`locale`/],
    [{ breached: { path: 7 } }, TypeError, /`breached`/],
    [{ checks: ['nope'] }, TypeError, /`checks`/],
    [{ globalBannedTerms: 'password' }, TypeError, /`globalBannedTerms`/],
    [{ substitutions: { ab: 'c' } }, RangeError, /`substitutions`/],
    [{ colour: true }, TypeError, /Unknown option `colour`/],
    ['recommended', TypeError, /`options`/],
  ])('%o', async (options, type, message) => {
    const p = createChecker(options as never);
    await expect(p).rejects.toThrow(type);
    await expect(createChecker(options as never)).rejects.toThrow(message);
  });

  it('accepts nist with mfa at 8 characters', async () => {
    const c = await createChecker({ profile: 'nist', mfa: true, breached: false });
    expect(c.policy()).toMatchObject({ profile: 'nist', minLength: 8 });
  });

  it('accepts a region tag and falls back to its language', async () => {
    const c = await createChecker({ locale: 'fr-CA', breached: false });
    expect(c.policy().locale).toBe('fr');
  });
});
