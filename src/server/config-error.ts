/** A configuration problem: the CLI prints it and exits 2; a reload logs it and keeps running. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
