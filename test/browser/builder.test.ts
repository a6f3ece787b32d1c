import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as browser from '../../src/browser.js';
import * as builder from '../../src/builder.js';
import { nodeSha1Hex } from '../../src/filter/sha1-node.js';
import { BUILDER, BUNDLE, bareImports, ensureBuilt } from './ensure-built.js';

beforeAll(() => ensureBuilt(), 600_000);

describe('passgate/builder, apart from the browser core', () => {
  it('the browser entry reads filters but does not carry the builder', () => {
    expect(typeof browser.loadFilter).toBe('function');
    expect('buildFilter' in browser).toBe(false);
    expect('createFilterBuilder' in browser).toBe(false);
    // Messages only the builder has: absent from the shipped core, present in the builder file.
    const core = readFileSync(BUNDLE, 'utf8');
    const built = readFileSync(BUILDER, 'utf8');
    for (const text of ['filter builder already finished', 'expectedCount must be']) {
      expect(core).not.toContain(text);
      expect(built).toContain(text);
    }
  });

  it('dist/builder.js reaches no Node built-in and imports nothing by bare name', () => {
    const code = readFileSync(BUILDER, 'utf8');
    expect(code).not.toMatch(/["']node:[a-z/]+["']/);
    expect(bareImports(code)).toEqual([]);
  });

  it('builds filters the browser entry reads, for both key types (SHA-1 in pure JS)', () => {
    const keys = ['password', 'Winter2020!', 'contoso', 'p\u00e4ssw\u00f6rd', '\uD83D\uDE00x'];
    const fast = browser.loadFilter(builder.buildFilter(keys, { falsePositiveRate: 1e-6 }));
    const b = builder.createFilterBuilder({ expectedCount: keys.length, keyType: 'sha1', falsePositiveRate: 1e-6 });
    for (const key of keys) b.add(key);
    const sha1 = browser.loadFilter(b.finish());
    for (const key of keys) {
      expect(fast.mayContain(key)).toBe(true);
      expect(sha1.mayContain(key)).toBe(true);
      expect(sha1.mayContainSha1Hex!(nodeSha1Hex(key))).toBe(true);
    }
    expect(fast.mayContain('Xylophone-Tundra-42')).toBe(false);
    expect(sha1.mayContain('Xylophone-Tundra-42')).toBe(false);
  });
});
