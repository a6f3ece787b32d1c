import { beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUNDLE, bareImports, ensureBuilt } from './ensure-built.js';

beforeAll(() => ensureBuilt(), 600_000);

it('the browser bundle reaches no Node built-in and imports nothing by bare name', () => {
  const code = readFileSync(BUNDLE, 'utf8');
  expect(code).not.toMatch(/["']node:[a-z/]+["']/);
  expect(code).not.toMatch(/\brequire\(["'](fs|path|crypto|zlib|url|buffer)["']\)/);
  expect(bareImports(code)).toEqual([]);
});

it('bareImports sees static imports and ignores relative ones', () => {
  expect(bareImports('import{a as b}from"@noble/hashes/legacy.js";import"./x.js";export*from"../y.js"')).toEqual(['@noble/hashes/legacy.js']);
});

it('zxcvbn-ts is out of the browser core (it is passgate/zxcvbn), so no bundler can inline it', () => {
  expect(readFileSync(BUNDLE, 'utf8')).not.toContain('zxcvbn-ts');
});
