import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, skipBrowser as skip } from './chromium.js';
import { ensureBuilt } from './ensure-built.js';
import { startServer, type StartedServer } from '../../src/server/index.js';

if (skip) console.warn(`test/browser/page-messages: skipped — ${CHROMIUM} is missing (apt-get install -y chromium); CI never skips`);

/**
 * `messages` in the service's configuration reach the page: its provisional verdict, made in the
 * browser before any request, speaks the operator's wording — the same as the server's answer.
 */
const TOO_SHORT = 'Use at least {min} characters, please.';

describe.skipIf(skip)('the reset page with messages from the service configuration', () => {
  let server: StartedServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer({ port: 0, log: () => undefined, watchIntervalMs: 0, config: { messages: { en: { TOO_SHORT } } } });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close(1000);
  });

  it('shows the configured wording while typing, as the server answers it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('#verdict[data-ready="true"]', { timeout: 30_000 });
    await page.fill('#password', 'abc');
    await page.waitForSelector('#verdict[data-verdict="rejected"][data-busy="false"]');
    const wanted = 'Use at least 8 characters, please.';
    expect(await page.textContent('#verdict-region')).toContain(wanted);
    const answer = await (await fetch(new URL('v1/evaluate', server.url), { method: 'POST', body: JSON.stringify({ password: 'abc' }) })).json();
    expect(answer.feedback.warning).toBe(wanted);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
