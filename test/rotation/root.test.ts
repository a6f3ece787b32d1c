import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordRoot } from '../../src/rotation/root.js';

describe('passwordRoot', () => {
  const same: [string, readonly string[]][] = [
    ['season and year, case, leet and symbols at the end', ['Winter2020!', 'winter2021', 'W1nter!!2022', 'WINTER2023?']],
    ['a season swapped', ['Winter2020!', 'Summer2021!', 'Autumn2022', 'Spring 2023']],
    ['a year bumped inside a longer password', ['Quokka!Harbour2023', 'Quokka!Harbour2024', 'quokka!harbour2025#']],
    ['leetspeak and case', ['P4ssw0rd!', 'password', 'PASSWORD1', 'Pa$$word', '!password']],
    ['a month swapped', ['March2020', 'April2021!', 'october99']],
    ['a weekday swapped', ['Monday#1', 'Friday#2']],
    ['a month at the end of a word', ['HelloJanuary1', 'hellofebruary2']],
    ['symbols prepended', ['##Tiger99', 'tiger']],
    ['a number inside changed', ['blue12sky', 'blue13sky', 'blue2024sky']],
  ];
  it.each(same)('one root: %s', (_label, passwords) => {
    const roots = new Set(passwords.map(passwordRoot));
    expect(roots.size).toBe(1);
    expect([...roots][0]).not.toBe('');
  });

  const different: [string, string][] = [
    ['Quokka!Harbour2023', 'Wombat!Harbour2023'],
    ['Winter2020!', 'Wintergreen2020!'],
    ['password', 'passport'],
    ['tiger99', 'lion99'],
  ];
  it.each(different)('different roots: %s / %s', (a, b) => {
    expect(passwordRoot(a)).not.toBe(passwordRoot(b));
  });

  const empty = ['123456', '!!!', '2024', '', '  ', '12-34'];
  it.each(empty)('nothing but rotating parts: %j → empty root', (p) => {
    expect(passwordRoot(p)).toBe('');
  });

  it('NFKC and accents fold: full-width and accented letters meet their ASCII forms', () => {
    expect(passwordRoot('Ｗｉｎｔｅｒ２０２０')).toBe(passwordRoot('winter2021'));
    expect(passwordRoot('Été2020')).toBe(passwordRoot('ete2021'));
    expect(passwordRoot('Café#1')).toBe(passwordRoot('cafe#2'));
  });

  it('is deterministic and ignores case (ASCII)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.stringMatching(/^[ -~]{0,32}$/), (p, ascii) => {
        expect(passwordRoot(p)).toBe(passwordRoot(p));
        expect(passwordRoot(ascii.toUpperCase())).toBe(passwordRoot(ascii.toLowerCase()));
      }),
    );
  });

  it('appending digits and symbols never changes the root', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.stringMatching(/^[0-9!?#*.]{0,6}$/), (word, tail) => {
        expect(passwordRoot(word + tail)).toBe(passwordRoot(word));
      }),
    );
  });
});
