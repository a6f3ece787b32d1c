/**
 * The option schema (src/option-schema.ts) is the one source of every option's names, limits and
 * default. These tests walk every entry and check what each surface shows a user: the library
 * and the service config reject an out-of-range value naming the option as that surface spells
 * it, and the OpenAPI document, checker.policy() and docs/options.md show the same limits and
 * defaults. The CLI's side is test/cli/option-flags.test.ts.
 */
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIBRARY_OPTIONS, OPTION_IDS, OPTION_SCHEMA, DEFAULT_MAX_BODY_BYTES, isLibraryOption, type LibraryOption, type OptionId } from '../../src/option-schema.js';
import type { CheckerOptions } from '../../src/options.js';
import { resolveOptions, SCALAR_OPTIONS } from '../../src/options.js';
import { createChecker } from '../../src/index.js';
import { ConfigError, validateConfig } from '../../src/server/config.js';
import { buildServiceState } from '../../src/server/service-state.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { DEFAULT_PROFILE, PROFILES } from '../../src/policy/profiles.js';
import { CONTEXT_FIELDS } from '../../src/detect/context.js';
import { LOCALES } from '../../src/wording/locales.js';
import { OPTIONS_DOC, renderOptionsDoc } from '../../scripts/options-doc.js';

const dir = mkdtempSync(join(tmpdir(), 'passgate-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const SECRET = 'SENTINEL-secret-never-echoed-0123456789';

/** A valid value and an out-of-range one, as the library takes them, from the entry's kind. */
function library(id: OptionId): { valid?: unknown; invalid: unknown } {
  const { kind } = OPTION_SCHEMA[id];
  switch (kind.type) {
    case 'enum':
      return { valid: kind.values.at(-1), invalid: SECRET };
    case 'locale':
      return { valid: `${kind.values.at(-1)}-XX`, invalid: 'xx' };
    case 'integer':
      return { valid: Math.min(kind.max, Math.max(kind.min, 64)), invalid: kind.max + 1 };
    case 'boolean':
      return { valid: true, invalid: SECRET };
    case 'terms':
      return { valid: ['a'.repeat(kind.minLength)], invalid: [SECRET.slice(0, kind.maxLength) + 'x'.repeat(kind.maxLength)] };
    case 'breached':
      return { valid: false, invalid: SECRET };
    case 'string':
      return { valid: kind.format === 'origin' ? 'https://reset.example.com' : 'localhost', invalid: '' };
    case 'object':
      return { invalid: 42 }; // every structured option refuses a number, naming itself
  }
}

/** A structured config setting's samples, with the key its message names. */
const CONFIG_SAMPLES: Partial<Record<OptionId, { valid: unknown; invalid: unknown; named: string }>> = {
  popularity: { valid: { limit: 3, secret: SECRET }, invalid: { limit: 1, secret: SECRET }, named: "'popularity.limit'" },
  // A file path or false (any path is a valid setting: an unreadable one fails the load).
  breached: { valid: false, invalid: 42, named: "'breachedFile'" },
  messages: { valid: { en: { TOO_SHORT: 'At least {min}.' } }, invalid: { en: { TOO_SHORT: 'At least {mn}.' } }, named: "'messages'" },
};

/** `{ limits: { maxBodyBytes: v } }` for `limits.maxBodyBytes`. */
const nest = (key: string, value: unknown): Record<string, unknown> => {
  const [outer, inner] = key.split('.') as [string, string | undefined];
  return inner === undefined ? { [outer]: value } : { [outer]: { [inner]: value } };
};

/** What a message must state besides the name: the range or the values allowed. */
function limitsIn(id: OptionId): string[] {
  const { kind } = OPTION_SCHEMA[id];
  if (kind.type === 'integer') return [String(kind.min), String(kind.max)];
  if (kind.type === 'enum' || kind.type === 'locale') return [...kind.values];
  if (kind.type === 'terms') return [`${kind.minLength}–${kind.maxLength}`];
  return [];
}

const libraryIds = OPTION_IDS.filter(isLibraryOption);
const configIds = OPTION_IDS.filter((id) => OPTION_SCHEMA[id].config !== undefined);

describe('every CheckerOptions key has a schema entry', () => {
  it('the schema lists exactly the keys of CheckerOptions (tsc checks it too)', () => {
    expectTypeOf<LibraryOption>().toEqualTypeOf<keyof CheckerOptions>();
    expect(Object.keys(LIBRARY_OPTIONS)).toEqual(libraryIds);
  });

  it('the options every front end translates into are the schema’s scalar ones with a config key', () => {
    const scalar = libraryIds.filter((id) => ['enum', 'locale', 'integer', 'boolean'].includes(OPTION_SCHEMA[id].kind.type) && OPTION_SCHEMA[id].config);
    expect([...SCALAR_OPTIONS]).toEqual(scalar);
  });

  it.each(libraryIds)('`%s` is a known option; an unknown one is refused', (id) => {
    expect(() => resolveOptions({ [id]: undefined } as CheckerOptions)).not.toThrow();
    expect(() => resolveOptions({ [`${id}X`]: 1 } as CheckerOptions)).toThrow(`Unknown option \`${id}X\``);
  });
});

describe('the library rejects an out-of-range value naming the option and its limits', () => {
  it.each(libraryIds)('%s', async (id) => {
    const { valid, invalid } = library(id);
    const base = id === 'breached' ? {} : { breached: false as const };
    if (valid !== undefined) expect(() => resolveOptions({ ...base, [id]: valid } as CheckerOptions)).not.toThrow();
    const err = await createChecker({ ...base, [id]: invalid } as CheckerOptions).then(() => null, (e: unknown) => e as Error);
    expect(err, id).toBeInstanceOf(Error);
    expect(['TypeError', 'RangeError']).toContain(err!.name);
    expect(err!.message).toMatch(new RegExp(`\`${id}[\`\\[.:]`));
    for (const limit of limitsIn(id)) expect(err!.message).toContain(limit);
    expect(err!.message).not.toContain(SECRET);
    expect(err!.message).not.toContain(SECRET.slice(0, 12));
  });
});

describe('the service config accepts each key and rejects an out-of-range value naming it', () => {
  it.each(configIds)('%s', async (id) => {
    const key = OPTION_SCHEMA[id].config!;
    const { kind } = OPTION_SCHEMA[id];
    if (kind.type === 'terms') {
      // A file of terms: its path is the setting; a term outside the limits fails the load.
      const ok = file(`${id}-ok.txt`, `# comment\n${'a'.repeat(kind.minLength)}\n`);
      expect(validateConfig({ [key]: ok })).toEqual({ [key]: ok });
      const bad = file(`${id}-bad.txt`, `${'b'.repeat(kind.minLength)}\n${'c'.repeat(kind.maxLength + 1)}\n`);
      const err = await buildServiceState({ [key]: bad, breachedFile: false }, 1, undefined, 0).then(() => null, (e: unknown) => e as Error);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err!.message).toContain(`'${key}' (term 2) must be ${kind.minLength}–${kind.maxLength} characters long (it has ${kind.maxLength + 1})`);
      expect(err!.message).not.toContain('c'.repeat(kind.maxLength));
      return;
    }
    const object = CONFIG_SAMPLES[id];
    if (kind.type === 'object' || kind.type === 'breached') expect(object, `add ${id} to CONFIG_SAMPLES`).toBeDefined();
    const { valid, invalid } = object ?? library(id);
    expect(() => validateConfig(nest(key, valid))).not.toThrow();
    const named = object?.named ?? `'${key}'`;
    expect(() => validateConfig(nest(key, invalid), "config file 'a.json'")).toThrow(ConfigError);
    expect(() => validateConfig(nest(key, invalid), "config file 'a.json'")).toThrow(`config file 'a.json': ${named} `);
    let message = '';
    try {
      validateConfig(nest(key, invalid));
    } catch (err) {
      message = (err as Error).message;
    }
    for (const limit of limitsIn(id)) expect(message).toContain(limit);
    expect(message).not.toContain(SECRET.slice(0, 12));
  });
});

describe('the OpenAPI document and checker.policy() show the schema’s limits and defaults', () => {
  const doc = openApiDocument() as any;
  const schemas = doc.components.schemas;
  const policyIds = libraryIds.filter((id) => OPTION_SCHEMA[id].policy);
  const pageIds = libraryIds.filter((id) => OPTION_SCHEMA[id].page);

  /** What the document must say of an option: its type, limits or values, and default. */
  function expectDescribed(prop: any, id: OptionId) {
    const entry = OPTION_SCHEMA[id];
    const { kind } = entry;
    expect(prop, id).toBeDefined();
    if (entry.default !== undefined) expect(prop.default, id).toBe(entry.default);
    if (kind.type === 'integer') expect([prop.type, prop.minimum, prop.maximum], id).toEqual(['integer', kind.min, kind.max]);
    if (kind.type === 'enum') expect(prop.enum, id).toEqual([...kind.values]);
    if (kind.type === 'locale') for (const l of kind.values) expect(prop.description, id).toContain(l);
    if (kind.type === 'terms') {
      expect(prop.items, id).toMatchObject({ minLength: kind.minLength, maxLength: kind.maxLength });
      expect(prop.maxItems, id).toBe(kind.maxTerms);
    }
  }

  it.each(policyIds)('Policy.%s: the document and the default checker agree with the schema', async (id) => {
    expectDescribed(schemas.Policy.properties[id], id);
    const policy = (await createChecker({ breached: false })).policy() as unknown as Record<string, unknown>;
    const entry = OPTION_SCHEMA[id];
    const expected = entry.default ?? PROFILES[DEFAULT_PROFILE][id as 'minLength' | 'maxLength'];
    expect(policy[id]).toBe(expected);
    const { kind } = entry;
    if (kind.type === 'integer') expect(policy[id]).toBeGreaterThanOrEqual(kind.min);
    if (kind.type === 'integer') expect(policy[id]).toBeLessThanOrEqual(kind.max);
    if (kind.type === 'enum' || kind.type === 'locale') expect(kind.values).toContain(policy[id]);
  });

  it('a result’s policy and the page’s options are described from the schema too', () => {
    const resultPolicy = schemas.EvaluationResult.properties.policy.properties;
    for (const id of ['profile', 'mode', 'minLength', 'maxLength'] as const) expectDescribed(resultPolicy[id], id);
    const page = schemas.PageConfig.properties.options.properties;
    expect(Object.keys(page)).toEqual(pageIds);
    for (const id of pageIds) expectDescribed(page[id], id);
  });

  it('lists every context field and every locale, and the body limit’s default', async () => {
    const policy = (await createChecker({ breached: false })).policy();
    expect(policy.contextFields).toEqual(CONTEXT_FIELDS);
    expect(schemas.Policy.properties.contextFields.items.enum).toEqual(CONTEXT_FIELDS);
    for (const field of CONTEXT_FIELDS) expect(schemas.Context.properties[field], field).toEqual({ type: 'string' });
    for (const locale of LOCALES) expect(schemas.EvaluateRequest.properties.locale.description).toContain(locale);
    expect(doc.paths['/v1/evaluate'].post.responses['413'].description).toContain(`${DEFAULT_MAX_BODY_BYTES / 1024} KiB`);
  });
});

it('docs/options.md holds the table generated from the schema (npm run docs:options)', () => {
  const current = readFileSync(OPTIONS_DOC, 'utf8');
  expect(renderOptionsDoc(current), 'docs/options.md is stale: run npm run docs:options').toBe(current);
  for (const id of OPTION_IDS) {
    const { config, cli } = OPTION_SCHEMA[id];
    if (config) expect(current).toContain(`\`${config}\``);
    for (const f of cli ?? []) expect(current).toContain(`\`--${f.flag}`);
  }
});
