import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBannedIndex, encodeBannedIndex } from '../../src/detect/banned-bytes.js';
import { TermIndex, type TermMatch } from '../../src/match/index.js';
import { createChecker } from '../../src/index.js';
import { lines } from '../../src/assets/platform.js';

const terms = ['winter', 'welcome', 'contoso', 'p4ssw0rd', 'winter', 'ab'];
const key = 'test-settings|fuzzy=5';
const bytes = encodeBannedIndex(TermIndex.build(terms, { fuzzyMinLength: 5 }), terms, key);

function both(index: TermIndex, text: string): TermMatch[] {
  const out: TermMatch[] = [];
  index.findExact(text, 0, text.length, out);
  index.findFuzzy(text, 0, text.length, out);
  return out;
}

describe('precompiled global banned-list index', () => {
  it('reads back an index that answers like the one built from the list', () => {
    const built = TermIndex.build(terms, { fuzzyMinLength: 5 });
    const read = decodeBannedIndex(bytes, key, terms)!;
    for (const text of ['winter2020', 'welc0me-wintr', 'contosso', 'xxabxx', '']) expect(both(read, text)).toEqual(both(built, text));
  });

  it('is not used for other settings', () => {
    expect(decodeBannedIndex(bytes, 'other|fuzzy=5', terms)).toBeNull();
  });

  // Issue 14: the index is bound to its list by content, not by term count alone.
  it.each<[string, string[]]>([
    ['one term more', [...terms, 'extra']],
    ['one term less', terms.slice(1)],
    ['the same count, one term changed', ['winter', 'welcome', 'contoso', 'p4ssw0rd', 'summer', 'ab']],
    ['the same terms in another order', [...terms].reverse()],
  ])('refuses an index built from another list (%s)', (_, other) => {
    expect(() => decodeBannedIndex(bytes, key, other)).toThrow(/another global banned list/);
  });

  it.each([
    ['truncated', (b: Uint8Array) => b.subarray(0, 10), /truncated/],
    ['bad magic', (b: Uint8Array) => { const c = b.slice(); c[0] = 0; return c; }, /bad magic/],
    ['future version', (b: Uint8Array) => { const c = b.slice(); c[4] = 9; return c; }, /version/],
    ['damaged index', (b: Uint8Array) => b.subarray(0, b.length - 8), /invalid TermIndex/],
  ])('rejects %s bytes with a RangeError', (_, damage, message) => {
    expect(() => decodeBannedIndex(damage(bytes), key, terms)).toThrow(RangeError);
    expect(() => decodeBannedIndex(damage(bytes), key, terms)).toThrow(message);
  });

  // The shipped checker stacks the precompiled index under the custom terms; passing the same
  // global list as text makes it build one index over both. Users must not see a difference.
  it.each([[[] as string[]], [['contoso', 'fabrikam', 'Winter']]])('gives the same verdicts as an index built from the text list (custom %j)', async (custom) => {
    const global = lines(new Uint8Array(readFileSync(new URL('../../data/global-banned.txt', import.meta.url))));
    const shipped = await createChecker({ customBannedTerms: custom, breached: false });
    const fromText = await createChecker({ customBannedTerms: custom, globalBannedTerms: global, breached: false });
    const passwords = [
      'Winter2020!', 'c0nt0so-summer', 'Fabr1kam2024', 'P@ssw0rd1', 'welcome01', 'correct horse battery staple',
      'monkeyfootball', 'qwerty123', 'Tq8%Lz3!Wp6&Yh', 'ilovecontoso', 'wintre-sumer', 'dragonslayer99',
    ];
    for (const p of passwords) expect(shipped.evaluate(p)).toEqual(fromText.evaluate(p));
    expect(shipped.policy()).toEqual(fromText.policy());
  });
});
