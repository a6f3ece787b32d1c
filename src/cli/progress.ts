import type { CliIO } from './io.js';

/**
 * A one-line progress indicator on stderr, drawn only on a terminal and at most ~10 times a
 * second, so piping output or running in CI stays clean and cheap.
 */
export class Progress {
  #last = 0;
  readonly #enabled: boolean;

  constructor(
    private readonly io: CliIO,
    private readonly label: string,
    private readonly total?: number,
  ) {
    this.#enabled = Boolean(io.stderr.isTTY) && !io.env.CI;
  }

  update(done: number, force = false): void {
    if (!this.#enabled) return;
    const now = performance.now();
    if (!force && now - this.#last < 100) return;
    this.#last = now;
    const width = 30;
    let line = `${this.label} ${done.toLocaleString('en')}`;
    if (this.total && this.total > 0) {
      const frac = Math.min(1, done / this.total);
      const fill = Math.round(frac * width);
      line = `${this.label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${(frac * 100).toFixed(0)}% ${done.toLocaleString('en')}/${this.total.toLocaleString('en')}`;
    }
    this.io.stderr.write(`\r${line}\u001b[K`);
  }

  done(): void {
    if (this.#enabled) this.io.stderr.write('\r\u001b[K');
  }
}
