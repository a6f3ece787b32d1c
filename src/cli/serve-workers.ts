import cluster, { type Worker } from 'node:cluster';
import { Exit } from './io.js';

/** What a worker tells the primary once it listens. */
export interface ListeningMessage {
  readonly type: 'passgate-listening';
  readonly url: string;
}

export const isWorker = (): boolean => cluster.isWorker;

/** In a worker: calls `stop` when the primary asks it to shut down. */
export function onStopRequest(stop: () => void): void {
  process.on('message', (m: { type?: string } | null) => {
    if (m?.type === 'passgate-stop') stop();
  });
}

/** In a worker: tell the primary the URL (the primary prints it once for all). */
export function reportListening(url: string): void {
  process.send?.({ type: 'passgate-listening', url } satisfies ListeningMessage);
}

// A worker that dies while serving is replaced; one that keeps dying is a fault to stop on.
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 30_000;

/**
 * `passgate serve --workers N`: N processes on this host sharing one listening socket through
 * node:cluster (the primary hands connections out round-robin). Each worker is a complete
 * `passgate serve` with its own checker, watches and reloads; nothing is shared but the port.
 * The primary forwards SIGHUP, stops every worker on SIGINT/SIGTERM, replaces a worker that dies,
 * and exits with a worker's code if one fails before listening (e.g. a bad configuration: 2).
 */
export async function runPrimary(count: number, out: (line: string) => void, err: (message: string) => void): Promise<number> {
  let stopping = false;
  let listening = 0;
  let printed = false;
  const restarts: number[] = [];
  const started = new Set<Worker>();

  return new Promise<number>((done) => {
    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      if (alive.length === 0) return done(code);
      let left = alive.length;
      for (const w of alive) {
        w.once('exit', () => --left === 0 && done(code));
        // A message rather than a signal: after Ctrl-C the workers also got the terminal's SIGINT,
        // and a second signal would stop them at once instead of after their requests in flight.
        try {
          w.send({ type: 'passgate-stop' });
        } catch {
          w.process.kill('SIGTERM'); // its channel is already closing: it is on its way out
        }
      }
    };

    const fork = () => {
      const worker = cluster.fork();
      worker.on('message', (m: ListeningMessage) => {
        if (m?.type !== 'passgate-listening') return;
        started.add(worker);
        if (++listening >= count && !printed) {
          printed = true;
          out(`passgate serve: listening on ${m.url} (${count} workers)`);
        }
      });
      worker.once('exit', (code, signal) => {
        if (stopping) return;
        if (!started.has(worker)) {
          // Failed before listening: the worker has said why on stderr.
          err(`a worker stopped before listening (exit ${code ?? signal})`);
          return stopAll(code && code > 0 ? code : Exit.FAILURE);
        }
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length > MAX_RESTARTS) {
          err(`workers keep dying (${restarts.length} in ${RESTART_WINDOW_MS / 1000} s); stopping`);
          return stopAll(Exit.FAILURE);
        }
        err(`a worker died (exit ${code ?? signal}); starting another`);
        fork();
      });
    };

    process.on('SIGHUP', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGHUP');
    });
    const onStop = (signal: NodeJS.Signals) => {
      err(`${signal}, stopping ${count} workers`);
      stopAll(Exit.OK);
    };
    process.once('SIGINT', onStop);
    process.once('SIGTERM', onStop);
    for (let i = 0; i < count; i++) fork();
  });
}
