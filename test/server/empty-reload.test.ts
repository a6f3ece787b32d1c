/**
 * Issue 20, item 11: a terms file truncated to nothing (or to comments only) must not silently
 * reload as an empty list. A reload that empties a list that held terms fails — the running
 * generation keeps its terms, /healthz says why — unless the configuration allows it
 * (`allowEmptyCustomTerms`, `allowEmptyGlobalTerms`).
 */
import { afterEach, expect, it } from 'vitest';
import { startTestServer, workspace, type TestServer } from './helpers.js';
import { ConfigError, validateConfig } from '../../src/server/config.js';

// Accepted by the entra profile until 'korvath' is a custom term (see reload.test.ts).
const PASSWORD = 'Korvath#9x';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

function file(text: string): { path: string; write: (text: string) => void } {
  const w = workspace('passgate-empty-');
  const path = w.write('terms.txt', text);
  return { path, write: (t: string) => void w.write('terms.txt', t) };
}

const accepted = async (t: TestServer) => (await t.post('/v1/evaluate', JSON.stringify({ password: PASSWORD }))).json.accepted as boolean;

it.each([
  ['truncated to nothing', ''],
  ['left with comments and blank lines only', '# all gone\n\n   \n'],
])('a custom terms file %s fails the reload; the terms stay in force and /healthz says why', async (_what, emptied) => {
  const terms = file('korvath\nzzzzqqqq\n');
  s = await startTestServer({ profile: 'entra', customTermsFile: terms.path });
  expect(await accepted(s)).toBe(false);
  terms.write(emptied);
  expect(await s.server.reload()).toBe(false);
  expect(s.server.generation).toBe(1);
  expect(await accepted(s)).toBe(false);
  const health = (await s.get('/healthz')).json;
  expect(health.status).toBe('degraded');
  expect(health.lastReload.reason).toMatch(/custom terms file '.*terms\.txt' holds no terms \(it held 2\).*allowEmptyCustomTerms/);
  expect(health.lastReload.reason).not.toContain('korvath');
  expect(s.lines.some((l) => /reload failed/.test(l) && /holds no terms/.test(l))).toBe(true);
});

it('a global terms file emptied on reload fails too (allowEmptyGlobalTerms)', async () => {
  const terms = file('korvath\n');
  s = await startTestServer({ profile: 'entra', globalTermsFile: terms.path });
  terms.write('');
  expect(await s.server.reload()).toBe(false);
  expect((await s.get('/healthz')).json.lastReload.reason).toMatch(/global terms file .* holds no terms \(it held 1\).*allowEmptyGlobalTerms/);
});

it('with allowEmptyCustomTerms the emptied list is taken, and a list may start empty', async () => {
  const terms = file('korvath\n');
  s = await startTestServer({ profile: 'entra', customTermsFile: terms.path, allowEmptyCustomTerms: true });
  expect(await accepted(s)).toBe(false);
  terms.write('');
  expect(await s.server.reload()).toBe(true);
  expect(await accepted(s)).toBe(true);
  expect((await s.get('/healthz')).json.status).toBe('ok');
  await s.close();

  // Not a reload: a service may start with an empty list, and later fill it.
  s = await startTestServer({ profile: 'entra', customTermsFile: terms.path });
  expect(await accepted(s)).toBe(true);
  terms.write('korvath\n');
  expect(await s.server.reload()).toBe(true);
  expect(await accepted(s)).toBe(false);
});

it('the switches are booleans', () => {
  expect(validateConfig({ allowEmptyCustomTerms: true, allowEmptyGlobalTerms: false })).toEqual({ allowEmptyCustomTerms: true, allowEmptyGlobalTerms: false });
  expect(() => validateConfig({ allowEmptyCustomTerms: 'yes' })).toThrow(ConfigError);
  expect(() => validateConfig({ allowEmptyCustomTerms: 'yes' })).toThrow(/'allowEmptyCustomTerms' must be true or false/);
});
