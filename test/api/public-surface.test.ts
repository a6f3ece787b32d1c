import { describe, expect, expectTypeOf, it } from 'vitest';
import * as node from '../../src/index.js';
import * as browser from '../../src/browser.js';
import {
  createChecker,
  createFilterBuilder,
  loadFilter,
  DataError,
  FilterFormatError,
  PassgateError,
  type CheckerOptions,
  type EvaluationResult,
  type FilterBuilderOptions,
  type KeyType,
  type LoadFilterOptions,
  type Locale,
  type Mode,
  type PolicyDescription,
  type ProfileName,
} from '../../src/index.js';
import type * as BrowserTypes from '../../src/browser.js';
import type * as BuilderTypes from '../../src/builder.js';
import * as builder from '../../src/builder.js';
import { Codes, type BuiltInCode, type Finding } from '../../src/index.js';

// The public surface as a user's code sees it: every type a public parameter or result uses is
// importable from 'passgate' (and the browser entry), and the unions are unions, not strings.
// tsc checks the expectTypeOf lines (npx tsc --noEmit -p .); vitest checks the runtime half.

describe('the public surface', () => {
  it('exports one error hierarchy from both entries', () => {
    for (const entry of [node, browser]) {
      expect(new entry.DataError('x', { file: 'f' })).toBeInstanceOf(entry.PassgateError);
      expect(new entry.FilterFormatError('x')).toBeInstanceOf(entry.PassgateError);
      expect(new entry.PassgateError('x')).toBeInstanceOf(Error);
    }
    expect(browser.DataError).toBe(node.DataError); // one class, not a copy per entry
    expect(browser.PassgateError).toBe(node.PassgateError);
    expect([new DataError('x', { file: 'f' }).name, new FilterFormatError('x').name, new PassgateError('x').name]).toEqual([
      'DataError',
      'FilterFormatError',
      'PassgateError',
    ]);
    expect(() => loadFilter(new Uint8Array(8))).toThrow(PassgateError);
  });

  it('types the parameters with exported types', () => {
    expectTypeOf(loadFilter).parameter(1).toEqualTypeOf<LoadFilterOptions | undefined>();
    expectTypeOf(createFilterBuilder).parameter(0).toEqualTypeOf<FilterBuilderOptions>();
    expectTypeOf<FilterBuilderOptions['keyType']>().toEqualTypeOf<KeyType | undefined>();
    expectTypeOf<KeyType>().toEqualTypeOf<'fast' | 'sha1' | 'ntlm'>();
    expectTypeOf<Locale>().toEqualTypeOf<'en' | 'fr' | 'de' | 'es' | 'nl' | 'pt' | 'it' | 'pl' | 'ja'>();
    expectTypeOf(createChecker).parameter(0).toEqualTypeOf<CheckerOptions | undefined>();
    expectTypeOf<BrowserTypes.LoadFilterOptions>().toEqualTypeOf<LoadFilterOptions>();
    expectTypeOf<BrowserTypes.KeyType>().toEqualTypeOf<KeyType>();
    expectTypeOf<BrowserTypes.Locale>().toEqualTypeOf<Locale>();
    expectTypeOf<BrowserTypes.FilterBuilderOptions>().toEqualTypeOf<FilterBuilderOptions>();
    // passgate/builder: createFilterBuilder's parameter types come with it.
    expectTypeOf(builder.createFilterBuilder).parameter(0).toEqualTypeOf<BuilderTypes.FilterBuilderOptions>();
    expectTypeOf<BuilderTypes.FilterBuilderOptions>().toEqualTypeOf<FilterBuilderOptions>();
    expectTypeOf<BuilderTypes.KeyType>().toEqualTypeOf<KeyType>();
  });

  it('gives every built-in code as a constant, CHECK_ERROR included, typed by its name', () => {
    expectTypeOf(Codes.CHECK_ERROR).toEqualTypeOf<'CHECK_ERROR'>();
    expectTypeOf<'CHECK_ERROR'>().toMatchTypeOf<BuiltInCode>();
    expectTypeOf<Finding['code']>().toMatchTypeOf<string>();
    for (const entry of [node, browser]) {
      expect(entry.Codes.CHECK_ERROR).toBe('CHECK_ERROR');
      expect(Object.entries(entry.Codes).every(([k, v]) => k === v)).toBe(true);
      expect(Object.isFrozen(entry.Codes)).toBe(true);
    }
  });

  it('types the policy with its unions', () => {
    expectTypeOf<PolicyDescription['profile']>().toEqualTypeOf<ProfileName>();
    expectTypeOf<PolicyDescription['mode']>().toEqualTypeOf<Mode>();
    // A built-in locale, or a language added with options `messages` (README "Your own wording").
    expectTypeOf<PolicyDescription['locale']>().toEqualTypeOf<Locale | (string & {})>();
    expectTypeOf<EvaluationResult['policy']['profile']>().toEqualTypeOf<ProfileName>();
    expectTypeOf<EvaluationResult['policy']['mode']>().toEqualTypeOf<Mode>();
    expectTypeOf<ProfileName>().toEqualTypeOf<'recommended' | 'entra' | 'nist'>();
    expectTypeOf<Mode>().toEqualTypeOf<'enforce' | 'audit'>();
    expectTypeOf<CheckerOptions['profile']>().toEqualTypeOf<ProfileName | undefined>();
    expectTypeOf<CheckerOptions['mode']>().toEqualTypeOf<Mode | undefined>();
  });

  it('names the Entra points `points`, keeping `score` as the same number', async () => {
    expectTypeOf<EvaluationResult['points']>().toEqualTypeOf<number>();
    const checker = await createChecker({ profile: 'entra', customBannedTerms: ['contoso'] });
    for (const password of ['Contoso1', 'ContosoBlueSky', 'Xylophone-Tundra']) {
      const r = checker.evaluate(password);
      expect(r.points).toBe(r.score);
    }
    expect(checker.evaluate('Contoso1').points).toBe(2); // W-style: the term and "1"
  });
});
