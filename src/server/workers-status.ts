/**
 * `passgate serve --workers N`: what the primary knows about its workers, which every worker
 * shows in /healthz and /metrics (a scrape or a health check reaches one worker, and only the
 * primary sees deaths). The primary sends it to every worker whenever it changes.
 */
export interface WorkersStatus {
  /** Workers asked for (--workers N). */
  readonly expected: number;
  /** Workers serving now. */
  readonly alive: number;
  /** Workers that died after they had started serving (or while restarting), since the start. */
  readonly deaths: number;
  /** Replacement workers started since the start. */
  readonly restarts: number;
  /** The last death, if any: when (ISO 8601) and how it ended (exit code or signal). */
  readonly lastDeath: { readonly at: string; readonly exit: string } | null;
}

/** The message the primary sends a worker. */
export interface WorkersStatusMessage {
  readonly type: 'passgate-workers';
  readonly status: WorkersStatus;
}

export const isWorkersStatusMessage = (m: unknown): m is WorkersStatusMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'passgate-workers' && typeof (m as { status?: unknown }).status === 'object';

/** Degraded while fewer workers serve than were asked for. */
export const workersDegraded = (s: WorkersStatus): boolean => s.alive < s.expected;
