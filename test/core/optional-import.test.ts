import { describe, expect, it } from 'vitest';
import { importOptional } from '../../src/optional-import.js';
import { PassgateError } from '../../src/errors.js';

// prom-client and zxcvbn-ts are optional peers: the feature that needs a missing one says which
// package to install, as a PassgateError (the CLI prints it on one line, exit 1).
describe('importOptional', () => {
  it('names the feature and the install command when the package is missing', async () => {
    const missing = () => import(/* @vite-ignore */ ['passgate-no-such', 'package'].join('-'));
    const err = await importOptional(missing, 'passgate serve (its /metrics)', ['prom-client']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PassgateError);
    expect((err as Error).message).toBe('passgate serve (its /metrics) needs prom-client (an optional peer dependency, not installed): npm install prom-client');
  });

  it('returns the module when present, and lets any other failure through', async () => {
    expect((await importOptional(() => import('prom-client'), 'x', ['prom-client'])).Registry).toBeTypeOf('function');
    const broken = new SyntaxError('broken install');
    await expect(importOptional(() => Promise.reject(broken), 'x', ['y'])).rejects.toBe(broken);
  });
});
