import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { buildServiceState, type BuiltState, type ServiceState } from './service-state.js';
import type { ServiceConfig } from './config.js';
import type { ReloadFailure } from './api-routes.js';
import type { Logger } from './logger.js';

export interface HolderOptions {
  /** Produces the configuration to build from: re-reads the config file on every reload. */
  readonly load: (settleMs: number) => Promise<ServiceConfig>;
  readonly configFile?: string | undefined;
  readonly logger: Logger;
  /** Poll the input files for changes every this many ms; 0 turns watching off. */
  readonly watchIntervalMs: number;
  /** How long an input file must stay unchanged before a reload reads it (stable-read.ts). */
  readonly settleMs?: number | undefined;
  /** Server-wide parts every state carries. */
  readonly services: Pick<ServiceState, 'metrics' | 'workers'>;
  /** Told of every reload's outcome (metrics). */
  readonly onReload?: ((ok: boolean, generation: number) => void) | undefined;
}

/** Time a reload waits for its files to stop changing, unless told otherwise. */
export const DEFAULT_SETTLE_MS = 250;

/**
 * Owns the current ServiceState. `current` is the one reference requests read; `reload` builds a
 * complete new state first and only then swaps it in, so a failed reload changes nothing.
 * Reloads are serialised: a change arriving mid-reload triggers one more reload after it.
 */
export class StateHolder {
  #current: ServiceState;
  #running: Promise<boolean> | null = null;
  #again = false;
  #watched = new Set<string>();
  #debounce: NodeJS.Timeout | undefined;
  #closed = false;
  #failure: ReloadFailure | null = null;
  readonly #options: HolderOptions;

  private constructor(initial: BuiltState, options: HolderOptions) {
    this.#options = options;
    this.#current = this.#complete(initial);
    this.#syncWatches();
  }

  /** Builds the first state; its errors (ConfigError) propagate so startup can fail clearly. */
  static async create(options: HolderOptions): Promise<StateHolder> {
    const state = await buildServiceState(await options.load(0), 1, options.configFile, 0);
    for (const w of state.warnings) options.logger.event('warn', `warning: ${w}`);
    return new StateHolder(state, options);
  }

  get current(): ServiceState {
    return this.#current;
  }

  #complete(built: BuiltState): ServiceState {
    return { ...built, ...this.#options.services, reloadFailure: () => this.#failure };
  }

  /** Rebuilds from the configuration and its files. Resolves true if the new state is in force. */
  reload(reason = 'requested'): Promise<boolean> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#reloadOnce(reason).finally(() => {
      this.#running = null;
      if (this.#again && !this.#closed) {
        this.#again = false;
        void this.reload('a change during the last reload');
      }
    });
    return this.#running;
  }

  async #reloadOnce(reason: string): Promise<boolean> {
    const logger = this.#options.logger;
    const started = performance.now();
    try {
      const settle = this.#options.settleMs ?? DEFAULT_SETTLE_MS;
      const built = await buildServiceState(await this.#options.load(settle), this.#current.generation + 1, this.#options.configFile, settle, this.#current.termCounts);
      if (this.#closed) return false;
      const before = this.#current.config;
      const old = this.#current;
      this.#current = this.#complete(built); // the swap: one reference, one assignment
      this.#retire(old);
      this.#failure = null;
      this.#options.onReload?.(true, built.generation);
      for (const w of built.warnings) logger.event('warn', `warning: ${w}`);
      if (built.config.host !== before.host || built.config.port !== before.port) {
        logger.event('warn', 'note: host/port changes take effect on restart');
      }
      logger.event('info', `reloaded (${reason}): generation ${built.generation} in ${Math.round(performance.now() - started)} ms`);
      this.#syncWatches();
      return true;
    } catch (err) {
      const why = describe(err);
      const generation = this.#current.generation;
      const now = new Date().toISOString();
      const prior = this.#failure;
      this.#failure = { generation, since: prior?.since ?? now, failures: (prior?.failures ?? 0) + 1, reason: why };
      this.#options.onReload?.(false, generation);
      logger.event('error', `reload failed (${reason}), keeping generation ${generation}: ${why}`);
      return false;
    }
  }

  // Polling (fs.watchFile) rather than fs.watch: it survives editors and deploy tools that
  // replace a file by renaming a new one over it, and a handful of stats a second cost nothing.
  #syncWatches(): void {
    const interval = this.#options.watchIntervalMs;
    if (interval <= 0 || this.#closed) return;
    const wanted = new Set(this.#current.inputs);
    for (const path of this.#watched) {
      if (!wanted.has(path)) {
        unwatchFile(path, this.#onChange);
        this.#watched.delete(path);
      }
    }
    for (const path of wanted) {
      if (this.#watched.has(path)) continue;
      watchFile(path, { interval, persistent: false }, this.#onChange);
      this.#watched.add(path);
    }
  }

  readonly #onChange = (curr: Stats, prev: Stats): void => {
    if (curr.mtimeMs === prev.mtimeMs && curr.size === prev.size && curr.ino === prev.ino) return;
    // Writers often touch a file several times in a row: wait for it to settle.
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.reload('a watched file changed'), 150);
    this.#debounce.unref();
  };

  /**
   * Releases what a replaced state's checker holds (its share of a popularity store) once the
   * requests that picked it up have had time to finish: the new checker already holds the same
   * store, so nothing is reopened.
   */
  #retire(old: ServiceState): void {
    const grace = old.config.limits?.requestTimeoutMs ?? 10_000;
    const timer = setTimeout(() => void old.checker.close().catch(() => undefined), grace);
    timer.unref();
  }

  /** Releases the current checker's resources (after the server stopped serving). */
  async release(): Promise<void> {
    await this.#current.checker.close().catch(() => undefined);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#debounce);
    for (const path of this.#watched) unwatchFile(path, this.#onChange);
    this.#watched.clear();
  }
}

// Reload errors are ConfigErrors written by this code: they name files and settings, never a
// term or a password. Anything else is shown by its type only.
function describe(err: unknown): string {
  if (err instanceof Error && err.name === 'ConfigError') return err.message;
  return err instanceof Error ? `unexpected ${err.name}` : 'unexpected error';
}
