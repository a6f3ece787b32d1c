import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { buildServiceState, type ServiceState } from './service-state.js';
import type { ServiceConfig } from './config.js';

export interface HolderOptions {
  /** Produces the configuration to build from: re-reads the config file on every reload. */
  readonly load: () => Promise<ServiceConfig>;
  readonly configFile?: string | undefined;
  readonly log: (line: string) => void;
  /** Poll the input files for changes every this many ms; 0 turns watching off. */
  readonly watchIntervalMs: number;
}

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
  readonly #options: HolderOptions;

  private constructor(initial: ServiceState, options: HolderOptions) {
    this.#current = initial;
    this.#options = options;
    this.#syncWatches();
  }

  /** Builds the first state; its errors (ConfigError) propagate so startup can fail clearly. */
  static async create(options: HolderOptions): Promise<StateHolder> {
    const state = await buildServiceState(await options.load(), 1, options.configFile);
    for (const w of state.warnings) options.log(`passgate serve: warning: ${w}`);
    return new StateHolder(state, options);
  }

  get current(): ServiceState {
    return this.#current;
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
    const log = this.#options.log;
    const started = performance.now();
    try {
      const next = await buildServiceState(await this.#options.load(), this.#current.generation + 1, this.#options.configFile);
      if (this.#closed) return false;
      const before = this.#current.config;
      this.#current = next; // the swap: one reference, one assignment
      for (const w of next.warnings) log(`passgate serve: warning: ${w}`);
      if (next.config.host !== before.host || next.config.port !== before.port) {
        log('passgate serve: note: host/port changes take effect on restart');
      }
      log(`passgate serve: reloaded (${reason}): generation ${next.generation} in ${Math.round(performance.now() - started)} ms`);
      this.#syncWatches();
      return true;
    } catch (err) {
      log(`passgate serve: reload failed (${reason}), keeping generation ${this.#current.generation}: ${describe(err)}`);
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

  close(): void {
    this.#closed = true;
    clearTimeout(this.#debounce);
    for (const path of this.#watched) unwatchFile(path, this.#onChange);
    this.#watched.clear();
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown error';
}
