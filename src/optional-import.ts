import { PassgateError } from './errors.js';

/**
 * Loads an optional peer dependency (prom-client for `passgate serve`, zxcvbn-ts for
 * `estimator: 'zxcvbn'`): a library install does not pull them in, so the one feature that needs
 * one says which and how to add it, instead of a bare "Cannot find package". Other failures
 * (a broken install) propagate as they are. No Node built-ins: this runs in any runtime.
 */
export async function importOptional<T>(load: () => Promise<T>, feature: string, packages: readonly string[]): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (!isMissingModule(err)) throw err;
    throw new PassgateError(`${feature} needs ${packages.join(' and ')} (an optional peer dependency, not installed): npm install ${packages.join(' ')}`, { cause: err });
  }
}

/** Node's ESM and CommonJS loaders' "not found" codes. */
function isMissingModule(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
