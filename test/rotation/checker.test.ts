// Issue 21: a reset or change form refuses the rotated password (Quokka!Harbour2023 → 2024),
// given the old password typed or its stored hash, and never shows either.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { createCheckerOn } from '../../src/checker.js';
import { nodePlatform } from '../../src/assets/node.js';
import { hashOf, type Scheme } from './hashes.fixture.js';

const OLD = 'Quokka!Harbour2023';
const NEW = 'Quokka!Harbour2024';
const checker = await createChecker({ breached: false });
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('context.previousPassword (typed at a self-service change)', () => {
  const rotated: [string, string][] = [
    [OLD, NEW],
    ['Winter2020!', 'Spring2021!'],
    ['Correct-Horse-17', 'Correct-Horse-18#'],
    ['Tr0mbone-Garage', 'Trombone-Garage!'],
    ['Quokka!Harbour2023', 'QUOKKA!HARBOUR2023'],
    ['Lighthouse#Maple', 'Lighthouse#Maple'],
    ['19730415-88', '19730416-88'],
  ];
  it.each(rotated)('%s → %s is ROTATED_PASSWORD, rejected, in every evaluate form', async (previous, password) => {
    for (const r of [checker.evaluate(password, { previousPassword: previous }), await checker.evaluateAsync(password, { previousPassword: previous })]) {
      expect(r.accepted).toBe(false);
      const f = r.findings.find((x) => x.code === 'ROTATED_PASSWORD')!;
      expect(f).toMatchObject({ severity: 'reject', source: 'context', params: { via: 'previousPassword' } });
      expect(r.policy.rejectedBy).toContain('ROTATED_PASSWORD');
      const json = JSON.stringify(r);
      expect(json.toLowerCase()).not.toContain(previous.toLowerCase());
    }
  });

  const unrelated: [string, string][] = [
    [OLD, 'Wombat-Lantern-Sky-9'],
    ['Winter2020!', 'Glacier-Piano-Nectar'],
  ];
  it.each(unrelated)('%s → %s: no rotation finding', (previous, password) => {
    expect(codes(checker.evaluate(password, { previousPassword: previous }))).not.toContain('ROTATED_PASSWORD');
  });

  it('is never a context term: a password sharing words with it gets no CONTEXT_TERM', () => {
    const r = checker.evaluate('Quokka-Velvet-Orchard-51', { previousPassword: 'Quokka-Velvet' + '-Tram' });
    expect(codes(r)).not.toContain('CONTEXT_TERM');
  });

  it('misuse names the field and never the value', () => {
    const secret = 'Zz'.repeat(200) + 'secret';
    expect(() => checker.evaluate(NEW, { previousPassword: 42 as unknown as string })).toThrow(/context\.previousPassword.*string/);
    let message = '';
    try {
      checker.evaluate(NEW, { previousPassword: secret });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/previousPassword.*maxLength/);
    expect(message).not.toContain('secret');
  });
});

describe('context.previousPasswordHashes (a reset: only the stored hash is known)', () => {
  const schemes: Scheme[] = ['argon2id', 'bcrypt', 'scrypt', 'pbkdf2', 'django'];
  it.each(schemes)('%s: evaluateAsync refuses the new password after its predecessor, accepts an unrelated one', async (scheme) => {
    const stored = await hashOf(scheme, OLD);
    const r = await checker.evaluateAsync(NEW, { previousPasswordHashes: [stored] });
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'ROTATED_PASSWORD')).toMatchObject({ severity: 'reject', params: { via: 'previousPasswordHashes' } });
    expect(JSON.stringify(r)).not.toContain(stored.slice(-20));
    const other = await checker.evaluateAsync('Wombat-Lantern-Sky-9', { previousPasswordHashes: [stored] });
    expect(codes(other)).not.toContain('ROTATED_PASSWORD');
    expect(codes(other)).not.toContain('CHECK_ERROR');
  });

  it('the same password again (reuse) matches its own hash', async () => {
    const r = await checker.evaluateAsync(OLD, { previousPasswordHashes: [await hashOf('bcrypt', 'x-unrelated-1'), await hashOf('bcrypt', OLD)] });
    expect(codes(r)).toContain('ROTATED_PASSWORD');
  });

  it('plain evaluate with hashes fails closed: a rejecting CHECK_ERROR saying to use evaluateAsync', async () => {
    const r = checker.evaluate('Wombat-Lantern-Sky-9', { previousPasswordHashes: [await hashOf('bcrypt', OLD)] });
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'CHECK_ERROR')?.params?.reason).toMatch(/evaluateAsync/);
  });

  it('where hashes cannot be verified (browsers), evaluateAsync fails closed', async () => {
    const browserLike = await createCheckerOn({ ...nodePlatform, verifyHash: undefined }, { breached: false });
    const r = await browserLike.evaluateAsync('Wombat-Lantern-Sky-9', { previousPasswordHashes: [await hashOf('bcrypt', OLD)] });
    expect(r.accepted).toBe(false);
    expect(r.findings.find((f) => f.code === 'CHECK_ERROR')?.params?.reason).toMatch(/Node/);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an array', 'x', /must be an array/],
    ['not a string', [42], /\[0\]` must be a string/],
    ['unknown scheme', ['$1$abcdefgh$0123456789abcdefghijkl'], /not a supported password hash/],
    ['plain text', ['Quokka!Harbour2023'], /not a supported password hash/],
    ['bcrypt cost too high', ['$2b$31$' + 'a'.repeat(53)], /cost outside/],
    ['argon2 memory too high', ['$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'], /memory cost/],
    ['too many', Array(6).fill('$2b$10$' + 'a'.repeat(53)), /at most 5/],
  ];
  it.each(bad)('misuse (%s) throws a clear error that never shows the hash', async (_label, hashes, pattern) => {
    let message = '';
    await checker.evaluateAsync(NEW, { previousPasswordHashes: hashes as string[] }).catch((e: Error) => (message = e.message));
    expect(message).toMatch(pattern);
    for (const h of [hashes].flat()) if (typeof h === 'string' && h.length > 20) expect(message).not.toContain(h.slice(4, 20));
  });

  it('the budget bounds the work: maxCandidates 1 tries only the password itself', async () => {
    const c = await createChecker({ breached: false, rotation: { maxCandidates: 1, budgetMs: 1000 } });
    const r = await c.evaluateAsync(NEW, { previousPasswordHashes: [await hashOf('bcrypt', OLD)] });
    expect(codes(r)).not.toContain('ROTATED_PASSWORD');
  });

  it('options rotation are validated', async () => {
    await expect(createChecker({ rotation: { maxCandidates: 0 } })).rejects.toThrow(RangeError);
    await expect(createChecker({ rotation: { budgetMs: 1.5 } })).rejects.toThrow(TypeError);
    await expect(createChecker({ rotation: { other: 1 } as never })).rejects.toThrow(/rotation\.other/);
  });
});

describe('checker.predecessors', () => {
  it('ranks the likeliest old password first and never returns the password itself', () => {
    const list = checker.predecessors(NEW, { limit: 8 });
    expect(list[0]).toBe(OLD);
    expect(list).toHaveLength(8);
    expect(list).not.toContain(NEW);
    expect(new Set(list).size).toBe(list.length);
    expect(checker.predecessors('Spring2025!', { limit: 4 })).toContain('Winter2024!');
  });
  it('is bounded: limit validated, over-long input has none', () => {
    expect(() => checker.predecessors(NEW, { limit: 5000 })).toThrow(RangeError);
    expect(checker.predecessors('a'.repeat(5000))).toEqual([]);
    expect(checker.predecessors(NEW, { limit: 0 })).toEqual([]);
    expect(checker.predecessors(NEW).length).toBeLessThanOrEqual(32);
  });
});
