import cluster, { type Worker } from 'node:cluster';
import { Exit } from './io.js';
import { isWorkersStatusMessage, type WorkersStatus, type WorkersStatusMessage } from '../server/workers-status.js';

/** What a worker tells the primary once it listens. */
export interface ListeningMessage {
  readonly type: 'passgate-listening';
  readonly url: string;
}

export const isWorker = (): boolean => cluster.isWorker;

/**
 * Set for replacement workers: the port the service listens on. When every worker has died the
 * shared socket is closed, and with `--port 0` a replacement would otherwise pick a new port.
 */
const PORT_VARIABLE = 'PASSGATE_WORKER_PORT';

/** In a worker: the port to listen on if the primary fixed it, else undefined. */
export function workerPort(): number | undefined {
  const text = cluster.isWorker ? process.env[PORT_VARIABLE] : undefined;
  return text && /^\d{1,5}$/.test(text) ? Number(text) : undefined;
}

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

/** In a worker: calls `update` with each status the primary sends (see workers-status.ts). */
export function onWorkersStatus(update: (status: WorkersStatus) => void): void {
  process.on('message', (m: unknown) => {
    if (isWorkersStatusMessage(m)) update(m.status);
  });
}

// A worker that dies is replaced after a delay that doubles with each death in a row, up to a
// cap: a worker that crashes at once does not fork-loop, and the service never gives up while
// it can serve (issue 20: six deaths in 30 s used to stop it for good). A quiet spell resets it.
export const RESTART_BACKOFF = { firstMs: 250, maxMs: 10_000, resetAfterMs: 60_000 } as const;

/** The delay before restarting after the `streak`-th death in a row (1, 2, …). */
export const restartDelay = (streak: number): number => Math.min(RESTART_BACKOFF.maxMs, RESTART_BACKOFF.firstMs * 2 ** Math.max(0, Math.min(30, streak - 1)));

export type PrimaryLog = (level: 'info' | 'warn' | 'error', message: string) => void;

/**
 * `passgate serve --workers N`: N processes on this host sharing one listening socket through
 * node:cluster (the primary hands connections out round-robin). Each worker is a complete
 * `passgate serve` with its own checker, watches and reloads; nothing is shared but the port.
 * The primary forwards SIGHUP, stops every worker on SIGINT/SIGTERM, replaces a worker that dies
 * (with backoff, logged as an error, shown to every worker for /healthz and /metrics), and exits
 * with a worker's code if one fails before the service first listens (e.g. a bad configuration: 2).
 */
export async function runPrimary(count: number, out: (line: string) => void, log: PrimaryLog): Promise<number> {
  let stopping = false;
  let printed = false;
  let deaths = 0;
  let restarts = 0;
  let streak = 0;
  let lastDeathAt = 0;
  let lastDeath: WorkersStatus['lastDeath'] = null;
  let port: string | undefined;
  const serving = new Set<Worker>();
  const pending = new Set<NodeJS.Timeout>();

  const status = (): WorkersStatus => ({ expected: count, alive: serving.size, deaths, restarts, lastDeath });
  // A worker killed at the same moment as another (SIGKILL to both) may still be in `serving`
  // while its channel closes: without a callback, send() reports that as an 'error' event on the
  // Worker, which nothing handles, and the primary — the whole service — crashed with it. With a
  // callback the error is handed to it: that worker is on its way out, its exit is handled.
  const ignore = () => undefined;
  const tell = (w: Worker) => {
    if (!w.isConnected()) return;
    w.send({ type: 'passgate-workers', status: status() } satisfies WorkersStatusMessage, ignore);
  };
  const broadcast = () => {
    for (const w of serving) tell(w);
  };

  return new Promise<number>((done) => {
    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      for (const t of pending) clearTimeout(t);
      pending.clear();
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      if (alive.length === 0) return done(code);
      let left = alive.length;
      for (const w of alive) {
        w.once('exit', () => --left === 0 && done(code));
        // A message rather than a signal: after Ctrl-C the workers also got the terminal's SIGINT,
        // and a second signal would stop them at once instead of after their requests in flight.
        const kill = () => w.process.kill('SIGTERM'); // its channel is already closing: it is on its way out
        if (!w.isConnected()) kill();
        else w.send({ type: 'passgate-stop' }, (err: Error | null) => err && kill());
      }
    };

    const fork = () => {
      const worker = cluster.fork(port === undefined ? undefined : { [PORT_VARIABLE]: port });
      let listened = false;
      worker.on('message', (m: ListeningMessage) => {
        if (m?.type !== 'passgate-listening') return;
        listened = true;
        port ??= new URL(m.url).port || undefined;
        serving.add(worker);
        broadcast();
        if (serving.size >= count && !printed) {
          printed = true;
          out(`passgate serve: listening on ${m.url} (${count} workers)`);
        }
      });
      worker.once('exit', (code, signal) => {
        serving.delete(worker);
        if (stopping) return;
        const how = String(code ?? signal);
        if (!printed && !listened) {
          // The service never came up (a bad configuration): the worker has said why on stderr.
          log('error', `a worker stopped before listening (exit ${how})`);
          return stopAll(code && code > 0 ? code : Exit.FAILURE);
        }
        const now = Date.now();
        if (now - lastDeathAt > RESTART_BACKOFF.resetAfterMs) streak = 0;
        streak++;
        deaths++;
        lastDeathAt = now;
        lastDeath = { at: new Date(now).toISOString(), exit: how };
        const delay = restartDelay(streak);
        log('error', `a worker died (exit ${how}${listened ? '' : ', before listening'}); ${serving.size} of ${count} serving; starting another in ${delay} ms (${deaths} deaths so far)`);
        broadcast();
        const timer = setTimeout(() => {
          pending.delete(timer);
          if (stopping) return;
          restarts++;
          fork();
        }, delay);
        pending.add(timer);
      });
    };

    process.on('SIGHUP', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGHUP');
    });
    const onStop = (signal: NodeJS.Signals) => {
      log('info', `${signal}, stopping ${count} workers`);
      stopAll(Exit.OK);
    };
    process.once('SIGINT', onStop);
    process.once('SIGTERM', onStop);
    for (let i = 0; i < count; i++) fork();
  });
}
