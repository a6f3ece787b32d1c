import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyTable } from '../../src/match/key-table.js';
import { FingerprintBits } from '../../src/match/fingerprint-bits.js';

/** The naive answer: does any occupied slot carry `key`'s fingerprint? */
function naiveMayHold(table: KeyTable, key: number): boolean {
  const fp = table.fingerprintOf(key);
  for (const word of table.slots) if (word !== 0 && word >>> table.idBits === fp) return true;
  return false;
}

const u32 = fc.integer({ min: 0, max: 0xffff_ffff });

describe('FingerprintBits: a probe it turns away would have found nothing', () => {
  it('never says no to a key whose fingerprint a slot carries (random tables, ids of 1–31 bits)', () => {
    fc.assert(
      fc.property(fc.array(u32, { maxLength: 200 }), fc.array(u32, { maxLength: 50 }), fc.integer({ min: 2, max: 2 ** 31 }), (keys, others, idLimit) => {
        const table = KeyTable.create(keys.length, idLimit, 0.67);
        keys.forEach((k, i) => table.insert(k, i % idLimit));
        const held = FingerprintBits.of(table);
        for (const k of keys) expect(held.mayHold(k)).toBe(true);
        // mayHold is an over-approximation of the naive answer: false implies naive false.
        for (const k of others) if (!held.mayHold(k)) expect(naiveMayHold(table, k)).toBe(false);
      }),
    );
  });

  it('filters: on a sparse table most foreign keys are turned away; on a full one it is off', () => {
    const sparse = KeyTable.create(1000, 7000, 0.67); // 13-bit ids, 19-bit fingerprints, as shipped
    for (let i = 0; i < 1000; i++) sparse.insert(Math.imul(i + 1, 0x9e3779b1) >>> 0, i);
    const s = FingerprintBits.of(sparse);
    let turned = 0;
    for (let i = 0; i < 1000; i++) if (!s.mayHold(Math.imul(i + 5000, 0x85ebca77) >>> 0)) turned++;
    expect(turned).toBeGreaterThan(950);
    // 20-bit ids leave 12-bit fingerprints: 8,000 keys fill more than half of them.
    const dense = KeyTable.create(8000, 1 << 20, 0.67);
    for (let i = 0; i < 8000; i++) dense.insert(Math.imul(i + 1, 0x9e3779b1) >>> 0, i);
    const d = FingerprintBits.of(dense);
    for (let i = 0; i < 100; i++) expect(d.mayHold(i)).toBe(true);
  });
});
