import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { deferred } from '../../src/engine/deferred.js';

describe('deferred speed-ups', () => {
  it('builds on demand, or on the n-th request, exactly once', () => {
    let made = 0;
    const d = deferred(() => ++made, 3);
    expect([d.peek(), d.peek()]).toEqual([null, null]);
    expect(d.peek()).toBe(1);
    expect(d.peek()).toBe(1);
    expect(made).toBe(1);
    const e = deferred(() => ++made, 100);
    expect(e.build()).toBe(2);
    expect(e.peek()).toBe(2);
    expect(made).toBe(2);
  });

  // Right after createChecker the checker answers through its cold path (banned lists' own
  // index, separate dictionary scan); once idle, through the linked dictionary scan and the
  // trie. Users must not be able to tell which one answered.
  it('gives the same results before and after the idle-time build', async () => {
    const passwords = [
      'Winter2020!', 'P@ssw0rd1', 'c0nt0so-summer', 'correct horse battery staple', 'Tq8%Lz3!Wp6&Yh',
      'ab', 'contosoblankf9!', 'Welcome01', 'qwertyuiop', 'marblequiverviolet', 'Zx7-contoso', 'iloveyou2',
    ];
    const options = { customBannedTerms: ['contoso', 'blank'], breached: false as const };
    const cold = await createChecker(options);
    const before = passwords.map((p) => cold.evaluate(p));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = passwords.map((p) => cold.evaluate(p));
    expect(after).toEqual(before);
    // And a checker pushed past the call threshold without ever being idle agrees too.
    const busy = await createChecker(options);
    for (let i = 0; i < 300; i++) busy.evaluate(passwords[i % passwords.length]!);
    expect(passwords.map((p) => busy.evaluate(p))).toEqual(before);
  });
});
