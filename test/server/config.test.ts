import { describe, expect, it } from 'vitest';
import { ConfigError, mergeConfig, validateConfig } from '../../src/server/config.js';

// The service's settings that are checker options are decided by the library (src/options.ts),
// named as settings; each layer (file, flags, code) is checked on its own, and the rules between
// settings wait for the merged configuration (createChecker).
describe('config settings that are checker options', () => {
  it.each([
    [{ profile: 'strict' }, "config: 'profile' must be one of recommended, entra, nist"],
    [{ minLength: 5000 }, "config: 'minLength' must be between 0 and 4096"],
    [{ maxLength: 2.5 }, "config: 'maxLength' must be an integer"],
    [{ mfa: 'yes' }, "config: 'mfa' must be a boolean"],
    [{ locale: 'xx' }, "config: 'locale' 'xx' is not supported; use one of en, fr, de, es, nl, pt, it, pl, ja"],
    [{ locale: 7 }, "config: 'locale' must be a string such as 'en' or 'fr-CA'"],
    [{ mode: 'warn' }, "config: 'mode' must be 'enforce' or 'audit'"],
  ])('%j', (config, message) => {
    expect(() => validateConfig(config)).toThrow(ConfigError);
    expect(() => validateConfig(config)).toThrow(message);
  });

  it('names the file a setting came from', () => {
    expect(() => validateConfig({ mode: 'warn' }, "config file 'a.json'")).toThrow("config file 'a.json': 'mode' must be 'enforce' or 'audit'");
  });

  it('keeps values as given, and checks no rule between settings of one layer', () => {
    expect(validateConfig({ locale: 'fr-CA', profile: 'nist', minLength: 8 })).toEqual({ locale: 'fr-CA', profile: 'nist', minLength: 8 });
    // The file says nist with mfa, the flags the minimum: valid once merged.
    expect(mergeConfig(validateConfig({ profile: 'nist', mfa: true }), validateConfig({ minLength: 8 }))).toEqual({ profile: 'nist', mfa: true, minLength: 8 });
  });
});
