import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_CODES } from '../../src/codes.js';
import { ConfigError, validateConfig } from '../../src/server/config.js';
import { startTestServer, workspace as sharedWorkspace, type TestServer } from './helpers.js';

/**
 * `messages` in the service's configuration (issue 22: "a `messages` option to override wording or
 * add a locale"): the same option as the library's, templates only, checked at start and on
 * reload, and sent to the page so its provisional wording is the service's.
 */

/** A complete added language: every code and every context field's name. */
const SV: Record<string, unknown> = {
  ...Object.fromEntries(BUILT_IN_CODES.map((c) => [c, `SV ${c}`])),
  TOO_SHORT: { warning: 'Minst {min} tecken.', suggestion: null },
  fields: { firstName: 'förnamn', lastName: 'efternamn', username: 'användarnamn', email: 'e-postadress', tenantName: 'organisationens namn', displayName: 'namn', extraTerms: 'uppgifter' },
};
const EN = { TOO_SHORT: { warning: 'Use at least {min} characters.', suggestion: 'A short sentence works well.' } };

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** A workspace whose files are JSON values. */
function workspace() {
  const w = sharedWorkspace('passgate-messages-');
  return { dir: w.dir, write: (name: string, value: unknown) => w.write(name, JSON.stringify(value)) };
}

describe('messages in the service config: refused with the reason, naming the place', () => {
  it.each([
    ['a misspelt code', { messages: { en: { TOO_SHORTT: 'x' } } }, /'messages'.*TOO_SHORTT/],
    ['a placeholder the code does not have', { messages: { en: { TOO_SHORT: 'at least {mn}' } } }, /TOO_SHORT.*\{mn\}/],
    ['an added language without every code', { messages: { sv: { TOO_SHORT: 'kort' } } }, /'messages'.*sv/],
    ['a function (from code: the page could not get it)', { messages: { en: { TOO_SHORT: () => 'short' } } }, /'messages' holds a function at 'messages\.en\.TOO_SHORT'; the service takes templates only/],
    ['not an object', { messages: ['en'] }, /'messages'/],
    ['a locale no layer adds', { locale: 'sv' }, /'locale' 'sv' is not supported/],
  ])('%s', (_name, config, reason) => {
    expect(() => validateConfig(config)).toThrow(ConfigError);
    expect(() => validateConfig(config)).toThrow(reason);
  });

  it('takes templates, and a locale the same layer adds', () => {
    expect(validateConfig({ messages: { en: EN, sv: SV }, locale: 'sv-FI' })).toEqual({ messages: { en: EN, sv: SV }, locale: 'sv-FI' });
  });
});

describe('a service configured with messages', () => {
  it('answers in your wording, negotiates an added language, and gives the page the same wording', async () => {
    s = await startTestServer({ messages: { en: EN, sv: SV } as never });
    const short = JSON.stringify({ password: 'abc' });
    const en = (await s.post('/v1/evaluate', short)).json;
    expect(en.feedback.warning).toBe('Use at least 8 characters.');
    expect(en.feedback.suggestions).toContain('A short sentence works well.');
    expect(en.findings.find((f: { code: string }) => f.code === 'TOO_SHORT').message).toBe('Use at least 8 characters.');
    const sv = (await s.post('/v1/evaluate', short, { 'content-type': 'application/json', 'accept-language': 'sv-SE,sv;q=0.9' })).json;
    expect(sv.feedback.warning).toBe('Minst 8 tecken.');
    // The page builds its checker from these options: its provisional wording is the service's.
    expect((await s.get('/page/config.json')).json.options.messages).toEqual({ en: EN, sv: SV });
  });

  it('keeps the running wording when a reload brings a broken template, and says which', async () => {
    const w = workspace();
    const config = w.write('passgate.json', { messages: { en: EN } });
    s = await startTestServer({}, { configFile: config });
    const warning = async () => (await s!.post('/v1/evaluate', JSON.stringify({ password: 'abc' }))).json.feedback.warning;
    expect(await warning()).toBe('Use at least 8 characters.');
    w.write('passgate.json', { messages: { en: { TOO_SHORT: 'at least {mn}' } } });
    expect(await s.server.reload()).toBe(false);
    expect(await warning()).toBe('Use at least 8 characters.');
    expect(s.lines.find((l) => l.includes('reload failed'))).toMatch(/TOO_SHORT.*\{mn\}/);
    w.write('passgate.json', { messages: { en: { TOO_SHORT: 'Minimum {min}.' } } });
    expect(await s.server.reload()).toBe(true);
    expect(await warning()).toBe('Minimum 8.');
  });

  it('passgate serve --config exits 2 on a broken template, naming it', async () => {
    const w = workspace();
    const config = w.write('passgate.json', { messages: { en: { BREACHED: 'seen in {breach}' } } });
    const runner = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', runner, 'serve', '--port', '0', '--no-watch', '--config', config], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/messages.*BREACHED.*\{breach\}/);
  }, 30_000);
});
