import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorReply, writeReply, type Reply } from './http-io.js';
import { matchRoute } from './routes.js';
import { StateHolder } from './holder.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_REQUEST_TIMEOUT_MS,
  mergeConfig,
  readConfigFile,
  validateConfig,
  type ServiceConfig,
} from './config.js';

export { ConfigError, type ServiceConfig, type Limits } from './config.js';

export interface ServerOptions {
  /** A JSON config file (see docs/service.md); re-read on every reload. */
  configFile?: string;
  /** Settings that override the file's, e.g. from command-line flags. */
  config?: ServiceConfig;
  /** Where log lines go (one per request, plus reloads); default: stderr. */
  log?: (line: string) => void;
  /** Poll the config, term and filter files for changes every this many ms; 0 = off. Default 1000. */
  watchIntervalMs?: number;
  /** Reload on SIGHUP. Default false (the CLI turns it on). */
  reloadOnSighup?: boolean;
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

/** Builds the service (loads and validates its configuration) without listening. */
export async function createServer(options: ServerOptions = {}): Promise<PassgateServer> {
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  const overrides = validateConfig(options.config ?? {}, 'settings');
  const load = async () => mergeConfig(options.configFile ? await readConfigFile(options.configFile) : {}, overrides);
  const holder = await StateHolder.create({
    load,
    configFile: options.configFile,
    log,
    watchIntervalMs: options.watchIntervalMs ?? 1000,
  });

  const server = createHttpServer((req, res) => void handle(req, res, holder, log));
  const timeout = holder.current.config.limits?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  server.requestTimeout = timeout;
  server.headersTimeout = Math.min(timeout, 60_000);
  // node:http rejects unparseable requests; answer 400 without echoing anything of them.
  server.on('clientError', (_err, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
    log(`${new Date().toISOString()} - (unparseable request) 400 0.0ms`);
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
        if (!server.listening) return resolve();
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
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

async function handle(req: IncomingMessage, res: ServerResponse, holder: StateHolder, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  // One reference read per request: the whole request is served by this state.
  const state = holder.current;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const found = matchRoute(url.pathname);
  // Log the path only when it is one of ours: a client may put anything in an unknown path
  // (even a password), and the query string is never logged.
  const shownPath = found ? url.pathname : '(unknown path)';
  res.once('finish', () => {
    const ms = (performance.now() - started).toFixed(1);
    log(`${new Date().toISOString()} ${req.method ?? '-'} ${shownPath} ${res.statusCode} ${ms}ms`);
  });

  let reply: Reply;
  try {
    if (!found) {
      reply = errorReply(404, 'NOT_FOUND', 'no such resource');
    } else {
      const handler = found.route.methods[req.method as 'GET' | 'POST'];
      if (!handler) {
        const allow = Object.keys(found.route.methods).join(', ');
        reply = errorReply(405, 'METHOD_NOT_ALLOWED', `use ${allow}`, { allow });
      } else {
        reply = await handler(req, { state, params: found.params, url });
      }
    }
  } catch (err) {
    // Only the error's type is logged: a message or stack could carry request data.
    log(`passgate serve: internal error on ${shownPath}: ${err instanceof Error ? err.name : typeof err}`);
    reply = errorReply(500, 'INTERNAL', 'internal error');
  }
  if (!res.headersSent && !res.destroyed) writeReply(res, reply);
}
