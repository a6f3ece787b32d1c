import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findAffixes,
  findDates,
  findKeyboardWalks,
  findPatterns,
  findRepeats,
  MAX_REPEAT_PERIOD,
  findSequences,
  type PatternMatch,
} from '../../src/detect/patterns/index.js';
import { LAYOUTS } from '../../src/detect/patterns/layouts.js';

type Finder = (plain: string) => PatternMatch[];
/** [input, start, end, kind] — kind may be omitted. */
type Row = [string, number, number, string?];

const spans = (ms: PatternMatch[]) => ms.map((m) => [m.start, m.end]);

/** Every expected span is found (with its kind when given). */
function expectFinds(find: Finder, rows: Row[]): void {
  for (const [input, start, end, kind] of rows) {
    const hit = find(input).find((m) => m.start === start && m.end === end);
    expect(hit, `${input} → [${start}, ${end})`).toBeDefined();
    if (kind !== undefined) expect(hit?.kind, input).toBe(kind);
  }
}

function expectNone(find: Finder, inputs: string[]): void {
  for (const input of inputs) expect(find(input), input).toEqual([]);
}

describe('findRepeats', () => {
  it('finds runs of one character and repeated blocks with exact spans', () => {
    expectFinds(findRepeats, [
      ['aaaa', 0, 4, 'char'],
      ['!!!', 0, 3, 'char'],
      ['xx1111yy', 2, 6, 'char'],
      ['abcabc', 0, 6, 'block'],
      ['12341234', 0, 8, 'block'],
      ['lollol', 0, 6, 'block'],
      ['abab', 0, 4, 'block'],
      ['xxababab', 2, 8, 'block'],
      ['abcabca', 0, 6, 'block'], // trailing partial block left out
    ]);
    expect(spans(findRepeats('aaaa'))).toEqual([[0, 4]]);
  });

  it('reports the shortest block and its count', () => {
    const [m, ...rest] = findRepeats('abcabcabcabc');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ start: 0, end: 12, kind: 'block', params: { times: 4, blockLength: 3 } });
  });

  it('prices the block by the cheapest pattern covering it', () => {
    const seq = findRepeats('abcabc')[0]!;
    const bf = findRepeats('xqjxqj')[0]!;
    expect(seq.guesses).toBeLessThan(100);
    expect(bf.guesses).toBe(1000 * 2);
    expect(findRepeats('aaaa')[0]!.guesses).toBe(40);
  });

  it('ignores pairs and non-repeating text', () => {
    expectNone(findRepeats, ['', 'a', 'aa', 'hello', 'abcab', 'abcd', 'aabb', 'password']);
  });
});

describe('findSequences', () => {
  it('finds ±1 runs of 3+ and ±2 runs of 4+ over digits and letters', () => {
    expectFinds(findSequences, [
      ['123', 0, 3, 'digits'],
      ['1234', 0, 4, 'digits'],
      ['abcd', 0, 4, 'letters'],
      ['9876', 0, 4, 'digits'],
      ['zyx', 0, 3, 'letters'],
      ['x123y', 1, 4, 'digits'],
      ['2468', 0, 4, 'digits'],
      ['aceg', 0, 4, 'letters'],
      ['12321', 0, 3],
      ['12321', 2, 5],
      ['qwerty123', 6, 9, 'digits'],
    ]);
    expect(findSequences('9876')[0]!.params).toEqual({ step: -1, length: 4 });
  });

  it('descending and step-2 runs cost more than ascending ones', () => {
    const up = findSequences('3456')[0]!.guesses;
    const down = findSequences('6543')[0]!.guesses;
    const two = findSequences('3579')[0]!.guesses;
    expect(down).toBeGreaterThan(up);
    expect(two).toBeGreaterThan(up);
  });

  it('ignores short, mixed, wrapping and wide-step runs', () => {
    expectNone(findSequences, ['', '12', 'ab', '135', 'ace', '1a2b3c', '890', 'yza', '147', 'hello', 'aaa']);
  });
});

describe('findKeyboardWalks', () => {
  it('finds straight rows on several layouts', () => {
    expectFinds(findKeyboardWalks, [
      ['qwerty', 0, 6, 'qwerty'],
      ['asdfgh', 0, 6, 'qwerty'],
      ['zxcvbn', 0, 6, 'qwerty'],
      ['poiuy', 0, 5, 'qwerty'],
      ['qwertz', 0, 6, 'qwertz'],
      ['azerty', 0, 6, 'azerty'],
      ['aoeuidhtns', 0, 10, 'dvorak'],
      ['qwerty123', 0, 6, 'qwerty'],
      ['!@#$%^', 0, 6, 'qwerty'],
      ['0147', 0, 4, 'keypad'],
    ]);
  });

  it('finds column snakes as ONE walk', () => {
    for (const [input, kind] of [
      ['1qaz2wsx', 'qwerty'],
      ['zaq1xsw2', 'qwerty'],
      ['qazwsx', 'qwerty'],
      ['!qaz@wsx', 'qwerty'],
      ['1qazxsw2', 'qwerty'],
      ['1qaz2wsx3edc', 'qwerty'],
      ['147258369', 'keypad'],
      ['7896321', 'keypad'],
    ] as const) {
      const walks = findKeyboardWalks(input);
      expect(spans(walks), input).toEqual([[0, input.length]]);
      expect(walks[0]!.kind, input).toBe(kind);
    }
  });

  it('finds row blocks, U-turns and interleaved strokes as ONE walk with exact spans', () => {
    for (const [input, start, end, kind] of [
      // Row blocks: stacked rows of one length.
      ['qweasd', 0, 6, 'qwerty'],
      ['qweasdzxc', 0, 9, 'qwerty'],
      ['123qwe', 0, 6, 'qwerty'],
      ['qwe123', 0, 6, 'qwerty'],
      ['qwer1234', 0, 8, 'qwerty'],
      ['1234qwer', 0, 8, 'qwerty'],
      ['zxcasd', 0, 6, 'qwerty'],
      ['789456123', 0, 9, 'keypad'],
      ['ab qweasd!', 3, 9, 'qwerty'],
      // U-turns: a run, one step aside, a run back.
      ['qazxsw', 0, 6, 'qwerty'],
      ['zaqwsx', 0, 6, 'qwerty'],
      ['qwedsa', 0, 6, 'qwerty'],
      ['123654', 0, 6, 'keypad'],
      ['1qazxsw23edc', 0, 12, 'qwerty'],
      // Interleaved strokes, side by side or with a digit stroke.
      ['1q2w3e4r', 0, 8, 'qwerty'],
      ['q1w2e3r4t5', 0, 10, 'qwerty'],
      ['q1w2e3', 0, 6, 'qwerty'],
      ['q2w3e4r5', 0, 8, 'qwerty'],
      ['qawsedrf', 0, 8, 'qwerty'],
      ['qwaszx', 0, 6, 'qwerty'],
      ['p0o9i8u7', 0, 8, 'qwerty'],
      ['142536', 0, 6, 'keypad'],
      ['a1s2d3f4', 0, 8, 'qwerty'],
      ['1z2x3c', 0, 6, 'qwerty'],
      ['my 1q2w3e4r pass', 3, 11, 'qwerty'],
    ] as const) {
      const walks = findKeyboardWalks(input);
      expect(spans(walks), input).toEqual([[start, end]]);
      expect(walks[0]!.kind, input).toBe(kind);
      expect(walks[0]!.code, input).toBe('KEYBOARD_WALK');
    }
  });

  it('reports the new shapes with the params of other walks', () => {
    expect(findKeyboardWalks('1q2w3e4r')[0]!.params).toEqual({ layout: 'qwerty', turns: 1, shifted: 0 });
    expect(findKeyboardWalks('!q@w#e$r')[0]!.params).toEqual({ layout: 'qwerty', turns: 1, shifted: 4 });
    expect(findKeyboardWalks('qweasd')[0]!.params).toEqual({ layout: 'qwerty', turns: 1, shifted: 0 });
    expect(findKeyboardWalks('qazxsw')[0]!.params).toEqual({ layout: 'qwerty', turns: 2, shifted: 0 });
    // A digit stroke away from its partner is one more choice than a neighbouring one.
    expect(findKeyboardWalks('a1s2d3')[0]!.guesses).toBeGreaterThan(findKeyboardWalks('1q2w3e')[0]!.guesses);
  });

  it('leaves near misses of the new shapes alone', () => {
    expectNone(findKeyboardWalks, [
      '1q2w3', 'q1w2e', 'a1s2d', // interleaved, under 6 keys
      'qqwwee', 'q1q2q3', 'a1b2c3', // repeated keys; strokes that are not on the keyboard
      'qweasx', 'qwezxc', 'asd123', 'qwedfg', // rows of different lengths, not stacked, staircase
      'tyughj', 'yuihjk', 'uytghj', // 6-key shapes that touch no row end: as common in random text
      'azeqsd', // short shapes on azerty (and qwertz, dvorak): only chance hits were seen
    ]);
    // Rows that simply count on are not a block: the digits stay a straight qwerty walk.
    expect(findKeyboardWalks('123456').map((m) => [m.start, m.end, m.kind])).toEqual([[0, 6, 'qwerty']]);
    expect(spans(findKeyboardWalks('0123456789'))).toEqual([[1, 10]]);
    expect(spans(findKeyboardWalks('qwerty123'))).toEqual([[0, 6]]);
    expect(spans(findKeyboardWalks('asdfjkl;'))).toEqual([[0, 4], [4, 8]]);
    // Parallel strokes far apart with no digit stroke (`qzwxec`) are not interleaved walks.
    expect(spans(findKeyboardWalks('qzwxec'))).toEqual([]);
    expect(spans(findKeyboardWalks('a1s2d3 qzwxec a1s2d3'))).toEqual([[0, 6], [14, 20]]);
  });

  it('counts shifted keys and prices them', () => {
    const shifted = findKeyboardWalks('!qaz@wsx')[0]!;
    const plain = findKeyboardWalks('1qaz2wsx')[0]!;
    expect(shifted.params?.shifted).toBe(2);
    expect(shifted.guesses).toBeGreaterThan(plain.guesses);
  });

  it('more turns and more keys cost more', () => {
    const straight = findKeyboardWalks('qwerty')[0]!.guesses;
    const longer = findKeyboardWalks('qwertyui')[0]!.guesses;
    const turned = findKeyboardWalks('qwertgfd')[0]!.guesses;
    expect(longer).toBeGreaterThan(straight);
    expect(turned).toBeGreaterThan(longer);
  });

  it('ignores 3-key walks, zig-zags, back-and-forth and words', () => {
    expectNone(findKeyboardWalks, ['', 'qwe', 'asd', 'were', 'qwqw', 'hello', 'password', 'actress', 'answer', 'tres', 'qaz', '1q2w']);
  });
});

describe('findDates', () => {
  it('finds years 1900–2099 at either end of a digit run', () => {
    expectFinds(findDates, [
      ['1990', 0, 4, 'year'],
      ['winter2020!', 6, 10, 'year'],
      ['19901234', 0, 4, 'year'],
      ['20991900', 4, 8, 'year'],
    ]);
    expect(findDates('1990')[0]!.guesses).toBe(36); // |1990 − 2026|
    expect(findDates('2024')[0]!.guesses).toBe(20); // minimum year space
  });

  it('finds dates with and without separators', () => {
    expectFinds(findDates, [
      ['12/05/1990', 0, 10, 'date'],
      ['1990-05-12', 0, 10, 'date'],
      ['5.12.90', 0, 7, 'date'],
      ['on 1_2_03!', 3, 9, 'date'],
      ['051290', 0, 6, 'date'],
      ['12051990', 0, 8, 'date'],
      ['19900512', 0, 8, 'date'],
      ['5121990', 0, 7, 'date'],
      ['bob12051990x', 3, 11, 'date'],
    ]);
    const d = findDates('12/05/1990').find((m) => m.kind === 'date')!;
    expect(d.guesses).toBe(36 * 365 * 4);
    expect(d.params).toEqual({ order: 'dmy', separated: 1 });
    expect(findDates('1990-05-12').find((m) => m.kind === 'date')!.params?.order).toBe('ymd');
  });

  it('rejects impossible dates, other years and digit groups that are not dates', () => {
    expectNone(findDates, ['', 'hello', '1899', '2100', '123', '13/13/19', '123456', '192.168.1.1', '12/05', '1.2.3']);
    expect(findDates('13/13/1990').filter((m) => m.kind === 'date')).toEqual([]);
    expect(findDates('31/04/1990').filter((m) => m.kind === 'date')).toEqual([]); // 31 April
    expect(findDates('29/02/1990').filter((m) => m.kind === 'date')).toHaveLength(1);
    expect(findDates('12/05-1990').filter((m) => m.kind === 'date')).toEqual([]); // mixed separators
    expect(findDates('1234').filter((m) => m.kind === 'date')).toEqual([]);
  });
});

describe('findAffixes', () => {
  it('reports every maximal digit or symbol run as one token', () => {
    expect(findAffixes('winter2020!').map((m) => [m.start, m.end, m.kind, m.params?.position])).toEqual([
      [6, 10, 'digits', 'infix'],
      [10, 11, 'symbols', 'suffix'],
    ]);
    expect(findAffixes('welcome01').map((m) => [m.start, m.end, m.kind])).toEqual([[7, 9, 'digits']]);
    expect(findAffixes('!!!abc').map((m) => [m.start, m.end, m.kind, m.params?.position])).toEqual([
      [0, 3, 'symbols', 'prefix'],
    ]);
    expect(findAffixes('2024').map((m) => m.params?.position)).toEqual(['whole']);
  });

  it('prices short digit affixes low', () => {
    const g = (s: string) => findAffixes(s)[0]!.guesses;
    expect(g('a1')).toBe(10);
    expect(g('a01')).toBe(100);
    expect(g('a2024')).toBeLessThan(10_000);
    expect(g('a12345678')).toBe(1e8);
    expect(g('a!')).toBeLessThan(g('a~'));
  });

  it('ignores letters', () => {
    expectNone(findAffixes, ['', 'hello', 'ÄÖü', 'пароль']);
  });
});

describe('findPatterns', () => {
  const summary = (s: string) => findPatterns(s).map((m) => `${m.code} ${m.start}-${m.end}`);

  it('combines the detectors (brief examples)', () => {
    expect(summary('qwerty123')).toEqual(
      expect.arrayContaining(['KEYBOARD_WALK 0-6', 'SEQUENTIAL 6-9', 'PREDICTABLE_AFFIX 6-9']),
    );
    expect(summary('1qaz2wsx').filter((s) => s.startsWith('KEYBOARD_WALK'))).toEqual(['KEYBOARD_WALK 0-8']);
    expect(summary('aaaa')).toEqual(['REPETITIVE 0-4']);
    expect(summary('winter2020!')).toEqual(expect.arrayContaining(['DATE 6-10', 'PREDICTABLE_AFFIX 10-11']));
    expect(summary('12/05/1990')).toContain('DATE 0-10');
    expect(summary('051290')).toContain('DATE 0-6');
    expect(summary('hello')).toEqual([]);
  });

  it('is sorted by start, then end', () => {
    const ms = findPatterns('1qaz2wsx!!!12/05/1990abcabc');
    for (let i = 1; i < ms.length; i++) {
      const a = ms[i - 1]!;
      const b = ms[i]!;
      expect(a.start < b.start || (a.start === b.start && a.end <= b.end)).toBe(true);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Properties

/** Any UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Characters that make detectors fire often. */
const patterny = fc.constantFrom(...'qwertyuiopasdfghjklzxcvbnm1234567890!@#/.-_ aaa111'.split(''));
const inputs = fc.oneof(
  fc.string({ unit: anyUnit, maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: patterny, maxLength: 64 }),
);

describe('properties', () => {
  const finders: [string, Finder, PatternMatch['code'] | undefined][] = [
    ['findRepeats', findRepeats, 'REPETITIVE'],
    ['findSequences', findSequences, 'SEQUENTIAL'],
    ['findKeyboardWalks', findKeyboardWalks, 'KEYBOARD_WALK'],
    ['findDates', findDates, 'DATE'],
    ['findAffixes', findAffixes, 'PREDICTABLE_AFFIX'],
    ['findPatterns', findPatterns, undefined],
  ];

  it.each(finders)('%s: never throws, spans in bounds, finite guesses ≥ 1, deterministic', (_, find, code) => {
    fc.assert(
      fc.property(inputs, (s) => {
        const a = find(s);
        for (const m of a) {
          expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.start).toBeLessThan(m.end);
          expect(m.end).toBeLessThanOrEqual(s.length);
          expect(Number.isFinite(m.guesses) && m.guesses >= 1).toBe(true);
          if (code !== undefined) expect(m.code).toBe(code);
        }
        expect(find(s)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('repeats: the span is the block repeated `times` times', () => {
    fc.assert(
      fc.property(inputs, (s) => {
        for (const m of findRepeats(s)) {
          const p = m.params!.blockLength as number;
          const times = m.params!.times as number;
          expect(m.end - m.start).toBe(p * times);
          expect(times).toBeGreaterThanOrEqual(p === 1 ? 3 : 2);
          for (let k = m.start + p; k < m.end; k++) expect(s[k]).toBe(s[k - p]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('repeats: same spans as a naive scan of every period', () => {
    // Reference: for each period, walk every position and extend; keep primitive blocks only.
    const naive = (s: string): string[] => {
      const out: string[] = [];
      for (let p = 1; (p === 1 || 2 * p <= s.length) && p <= MAX_REPEAT_PERIOD; p++) {
        let j = 0;
        while (j + p < s.length) {
          if (s[j] !== s[j + p]) {
            j++;
            continue;
          }
          const a = j;
          while (j + p < s.length && s[j] === s[j + p]) j++;
          const times = Math.floor((j - a + p) / p);
          const block = s.slice(a, a + p);
          const primitive = ![...Array(p).keys()].some((d) => d > 0 && p % d === 0 && block === block.slice(0, d).repeat(p / d));
          if ((p === 1 ? times >= 3 : times >= 2) && primitive) out.push(`${a}-${a + times * p}x${p}`);
        }
      }
      return out.sort();
    };
    const periodic = fc
      .tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 }), fc.integer({ min: 1, max: 5 }), fc.string({ unit: fc.constantFrom('a', 'b', 'x'), maxLength: 8 }))
      .map(([block, k, tail]) => tail + block.repeat(k) + tail);
    // Blocks around the longest period searched (issue 10 item 2: the search is O(n · period)).
    const longBlocks = fc
      .tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: MAX_REPEAT_PERIOD - 3, maxLength: MAX_REPEAT_PERIOD + 3 }), fc.integer({ min: 2, max: 3 }), fc.string({ unit: fc.constantFrom('a', 'x'), maxLength: 4 }))
      .map(([block, k, tail]) => tail + block.repeat(k) + tail);
    fc.assert(
      fc.property(fc.oneof(inputs, periodic, longBlocks, fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 40 })), (s) => {
        const got = findRepeats(s).map((m) => `${m.start}-${m.end}x${m.params!.blockLength}`).sort();
        expect(got).toEqual(naive(s));
      }),
      { numRuns: 500 },
    );
  });

  it('repeats: blocks longer than MAX_REPEAT_PERIOD are left to brute force', () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => 'qwertyuiopasdfghjklzxcvbnm'[(i * 7) % 26]! + (i % 10)).join('').slice(0, n);
    expect(findRepeats(block(MAX_REPEAT_PERIOD).repeat(2)).map((m) => m.params!.blockLength)).toContain(MAX_REPEAT_PERIOD);
    expect(findRepeats(block(MAX_REPEAT_PERIOD + 1).repeat(2)).filter((m) => m.kind === 'block')).toEqual([]);
  });

  it('sequences: constant step over one class', () => {
    fc.assert(
      fc.property(inputs, (s) => {
        for (const m of findSequences(s)) {
          const step = m.params!.step as number;
          for (let k = m.start + 1; k < m.end; k++) expect(s.charCodeAt(k) - s.charCodeAt(k - 1)).toBe(step);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('affixes: maximal runs of digits or of symbols', () => {
    const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
    fc.assert(
      fc.property(inputs, (s) => {
        for (const m of findAffixes(s)) {
          const run = s.slice(m.start, m.end);
          if (m.kind === 'digits') {
            expect([...run].every(digit)).toBe(true);
            expect(digit(s[m.start - 1]) || digit(s[m.end])).toBe(false);
          } else {
            expect([...run].some(digit)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('dates: years are 1900–2099', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789/.-x'.split('')), maxLength: 24 }), (s) => {
        for (const m of findDates(s)) {
          if (m.kind !== 'year') continue;
          const y = Number(s.slice(m.start, m.end));
          expect(y >= 1900 && y <= 2099).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keyboard walks: at least 4 keys', () => {
    fc.assert(
      fc.property(inputs, (s) => {
        for (const m of findKeyboardWalks(s)) expect(m.end - m.start).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 300 },
    );
  });

  /** Every character that is a key of some layout (as the detector sees it: case folded). */
  const layoutChars = new Map(
    LAYOUTS.map((l) => [l.name, new Set(l.keys.flatMap((k) => k.chars).filter((c) => c !== '\0').map((c) => c.toLowerCase()))]),
  );
  const keyish = fc.oneof(
    inputs,
    fc.string({ unit: fc.constantFrom(...'qwertasdfgzxcvb12345!@#$ 789456'.split('')), maxLength: 32 }),
    fc
      .array(fc.constantFrom('1q2w3e4r', 'qweasd', 'qazxsw', 'a1s2d3', '789456', 'qwerty', ' ', 'x', '9'), { maxLength: 6 })
      .map((xs) => xs.join('')),
  );

  it('keyboard walks: spans hold only keys of their layout, and an off-layout character in front shifts them by one', () => {
    fc.assert(
      fc.property(keyish, (s) => {
        const walks = findKeyboardWalks(s);
        for (const m of walks) {
          const keys = layoutChars.get(m.kind)!;
          for (const ch of s.slice(m.start, m.end)) expect(keys.has(ch), `${JSON.stringify(s)} ${m.kind}`).toBe(true);
        }
        const shifted = findKeyboardWalks(`\u2603${s}`).map((m) => [m.start - 1, m.end - 1, m.kind]);
        expect(shifted).toEqual(walks.map((m) => [m.start, m.end, m.kind]));
      }),
      { numRuns: 300 },
    );
  });

  it('keyboard walks: none once an off-layout character stands between every two characters', () => {
    fc.assert(
      fc.property(keyish, (s) => {
        expect(findKeyboardWalks([...s].join('\u2603'))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('handles the 256-unit cap on adversarial input', () => {
    for (const s of ['a'.repeat(256), 'ab'.repeat(128), '1qaz2wsx'.repeat(32), '12/05/1990'.repeat(25), '0'.repeat(256)]) {
      const ms = findPatterns(s);
      expect(ms.length).toBeGreaterThan(0);
      for (const m of ms) expect(m.end).toBeLessThanOrEqual(s.length);
    }
  });
});
