// Issue 14: one line rule for every line list (src/text-lines.ts), with the options its callers need.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitLines, type LineRules } from '../../src/text-lines.js';
import { lines } from '../../src/assets/platform.js';

const VERBATIM: LineRules = { comments: false };
const HAND: LineRules = { trim: true };

describe('splitLines', () => {
  it.each<[string, string, LineRules | undefined, string[]]>([
    ['empty text', '', undefined, []],
    ['LF', 'a\nb\n', undefined, ['a', 'b']],
    ['no final newline', 'a\nb', undefined, ['a', 'b']],
    ['CRLF reads as LF', 'a\r\nb\r\n', undefined, ['a', 'b']],
    ['only the CR before LF goes', 'a\r\r\nb\rc', undefined, ['a\r', 'b\rc']],
    ['empty lines dropped', '\n\na\n\r\n\nb', undefined, ['a', 'b']],
    ['# line is a comment', '# header\na\n#b', undefined, ['a']],
    ['# inside a line is kept', 'a#b\nc #d', undefined, ['a#b', 'c #d']],
    ['untrimmed by default', ' a \n\tb', undefined, [' a ', '\tb']],
    ['an indented # is an entry untrimmed', '  # x', undefined, ['  # x']],
    ['verbatim: # lines are entries', '#1\n##\na', VERBATIM, ['#1', '##', 'a']],
    ['verbatim: still no empty lines', '#1\n\n\r\n', VERBATIM, ['#1']],
    ['hand-written: trimmed', '  a  \n\tb\t\r\n', HAND, ['a', 'b']],
    ['hand-written: blank lines dropped', 'a\n   \n\t\r\nb', HAND, ['a', 'b']],
    ['hand-written: indented comment', 'a\n   # note\nb', HAND, ['a', 'b']],
    ['hand-written, verbatim #', ' #a \n', { trim: true, comments: false }, ['#a']],
  ])('%s', (_name, text, rules, expected) => {
    expect(splitLines(text, rules)).toEqual(expected);
  });

  it('a shipped list (bytes) follows the default rule', () => {
    const bytes = new TextEncoder().encode('# c\r\nälpha\r\n\r\nbeta');
    expect(lines(bytes)).toEqual(['älpha', 'beta']);
  });

  // Naive oracle: split, strip one CR, trim, filter.
  const oracle = (text: string, rules: LineRules = {}) =>
    text
      .split('\n')
      .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
      .map((l) => (rules.trim ? l.trim() : l))
      .filter((l) => l.length > 0 && !((rules.comments ?? true) && l.startsWith('#')));

  it('agrees with a naive oracle', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '#', ' ', '\t', '\r', '\n', 'é'), maxLength: 40 });
    const rules = fc.record({ comments: fc.boolean(), trim: fc.boolean() });
    fc.assert(
      fc.property(text, rules, (t, r) => {
        expect(splitLines(t, r)).toEqual(oracle(t, r));
      }),
    );
  });
});
