import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutWalks, mayHoldWalk } from '../../src/detect/patterns/keyboard.js';
import type { PatternMatch } from '../../src/detect/patterns/types.js';

// findKeyboardWalks skips the five layout scans when no three characters in a row step between
// adjacent keys on any layout (issue 19, speed). Oracle: the scans themselves find nothing then.
describe('the keyboard walks pre-filter (oracle: the layout scans)', () => {
  const walkish = fc.string({ unit: fc.constantFrom(...'qwertyuiopasdfghjklzxcvbnm1234567890!@#$%^&*()-=[];,./QAZ'.split('')), maxLength: 24 });
  const any = fc.oneof(walkish, fc.string({ maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 12 }));

  it('never hides a walk any layout scan finds', () => {
    fc.assert(fc.property(any, (s) => {
      const plain = s.toLowerCase();
      const found: PatternMatch[] = [];
      layoutWalks(plain, found);
      if (!mayHoldWalk(plain)) expect(found).toEqual([]);
    }), { numRuns: 5000 });
  });

  it.each(['qwer', 'qaz2wsx', '1qaz2wsx', 'qweasd', 'aoeu', '7896', 'zaq1xsw2', 'qazxsw', '!qaz', 'asdf'])('lets %s through', (s) => {
    expect(mayHoldWalk(s)).toBe(true);
  });

  it.each(['password', 'monkey', 'princess', ''])('skips %s when no layout scan finds a walk in it', (s) => {
    const found: PatternMatch[] = [];
    layoutWalks(s, found);
    expect(found).toEqual([]);
    expect(mayHoldWalk(s)).toBe(false);
  });
});
