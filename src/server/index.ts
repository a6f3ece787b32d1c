import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { StateHolder } from './holder.js';
import { createLogger, type LogFormat } from './logger.js';
import { loadServiceMetrics } from './metrics.js';
import { handleNodeRequest } from './node-server.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_REQUEST_TIMEOUT_MS,
  mergeConfig,
  readConfigFile,
  validateConfig,
  type ServiceConfig,
} from './config.js';

import type { WorkersStatus } from './workers-status.js';

export { ConfigError, type ServiceConfig, type Limits } from './config.js';
export type { WorkersStatus } from './workers-status.js';
export type { LogFormat } from './logger.js';

export interface ServerOptions {
  /** A JSON config file (see docs/service.md); re-read on every reload. */
  configFile?: string;
  /** Settings that override the file's, e.g. from command-line flags. */
  config?: ServiceConfig;
  /** Where log lines go (one per request, plus reloads); default: stderr. */
  log?: (line: string) => void;
  /** `text` (default): one readable line per request; `json`: one JSON object per line. */
  logFormat?: LogFormat;
  /** Poll the config, term and filter files for changes every this many ms; 0 = off. Default 1000. */
  watchIntervalMs?: number;
  /** A reload waits until its files have not changed for this long (ms). Default 250. */
  reloadSettleMs?: number;
  /** Reload on SIGHUP. Default false (the CLI turns it on). */
  reloadOnSighup?: boolean;
  /** Under `serve --workers N`: the primary's view of the workers, for /healthz and /metrics. */
  workers?: () => WorkersStatus | null;
}

export interface PassgateServer {
  readonly server: Server;
  /** The configuration generation in force (1 at start, +1 per successful reload). */
  readonly generation: number;
  /** The merged configuration in force (file + overrides). */
  readonly config: ServiceConfig;
  /** Rebuilds from the configuration; resolves false (and logs why) if the old one stays. */
  reload(): Promise<boolean>;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then frees everything. */
  close(graceMs?: number): Promise<void>;
}

export interface StartedServer extends PassgateServer {
  /** e.g. `http://127.0.0.1:8080/` — with the actual port when started with port 0. */
  readonly url: string;
  readonly port: number;
}

// Answers node:http writes itself for requests it cannot hand to us. Nothing of the request is
// echoed; the connection is closed.
const CLIENT_ERROR_ANSWERS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

/** Builds the service (loads and validates its configuration) without listening. */
export async function createServer(options: ServerOptions = {}): Promise<PassgateServer> {
  const logger = createLogger(options.log ?? ((line: string) => void process.stderr.write(line + '\n')), options.logFormat);
  const overrides = validateConfig(options.config ?? {}, 'settings');
  const load = async (settleMs: number) => mergeConfig(options.configFile ? await readConfigFile(options.configFile, settleMs) : {}, overrides);
  const metrics = await loadServiceMetrics(1);
  if (options.workers) metrics.workers(options.workers);
  const holder = await StateHolder.create({
    load,
    configFile: options.configFile,
    logger,
    watchIntervalMs: options.watchIntervalMs ?? 1000,
    settleMs: options.reloadSettleMs,
    services: { metrics: () => metrics.reply(), workers: options.workers },
    onReload: (ok, generation) => metrics.reload(ok, generation),
  });
  metrics.watchPopularity(() => holder.current.checker.popularityStats());

  const timeout = holder.current.config.limits?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // node:http checks its timeouts every `connectionsCheckingInterval` (30 s by default): check
  // often enough that a slow client is answered 408 within the limit plus a tenth of it.
  const server = createHttpServer({ requestTimeout: timeout, headersTimeout: timeout, connectionsCheckingInterval: Math.max(50, Math.min(1000, timeout / 10)) }, (req, res) =>
    handleNodeRequest(req, res, holder, logger, metrics),
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const answer = CLIENT_ERROR_ANSWERS[err.code ?? ''] ?? '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${answer}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
    const status = Number(answer.slice(0, 3));
    const served = { route: '(unparseable request)', method: '-', reply: { status } };
    logger.request(served, status, 0);
    metrics.request(served, status, 0);
  });

  const onHup = () => void holder.reload('SIGHUP');
  if (options.reloadOnSighup) process.on('SIGHUP', onHup);

  let closing: Promise<void> | undefined;
  return {
    server,
    get generation() {
      return holder.current.generation;
    },
    get config() {
      return holder.current.config;
    },
    reload: () => holder.reload('requested'),
    close(graceMs = 5000) {
      closing ??= new Promise<void>((resolve) => {
        if (options.reloadOnSighup) process.off('SIGHUP', onHup);
        holder.close();
        const done = () => void holder.release().then(resolve);
        if (!server.listening) return done();
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          done();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** Creates the service and listens; `port: 0` picks a free port (see `url`). */
export async function startServer(options: ServerOptions & { host?: string; port?: number } = {}): Promise<StartedServer> {
  const service = await createServer(options);
  const config = service.config;
  const host = options.host ?? config.host ?? DEFAULT_HOST;
  const port = options.port ?? config.port ?? DEFAULT_PORT;
  await new Promise<void>((resolve, reject) => {
    service.server.once('error', reject);
    service.server.listen(port, host, () => {
      service.server.off('error', reject);
      resolve();
    });
  });
  const address = service.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return Object.assign(service, { url: `http://${shownHost}:${address.port}/`, port: address.port });
}
