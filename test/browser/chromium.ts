import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (Playwright's own browser download cannot work here). */
export const CHROMIUM = '/usr/bin/chromium';
/** Only a developer machine without Chromium may skip; CI installs it (.ci/run) and must run these. */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env.CI;

/** Headless, as root, with the background networking this closed network refuses turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
