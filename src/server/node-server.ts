import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodName, serveRequest, type CoreRequest, type Served } from './core.js';
import { readBody, writeReply } from './node-io.js';
import { ROUTES } from './routes.js';
import { errorReply, type BodyResult } from './reply.js';
import type { StateHolder } from './holder.js';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';

/** node:http's request as the routing core sees it (a class: no closures made per request). */
class NodeRequest implements CoreRequest {
  readonly #req: IncomingMessage;
  constructor(req: IncomingMessage) {
    this.#req = req;
  }
  get method(): string {
    return this.#req.method ?? '';
  }
  get target(): string {
    return this.#req.url ?? '';
  }
  header(name: string): string | undefined {
    const v = this.#req.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  }
  body(limit: number): Promise<BodyResult> {
    return readBody(this.#req, limit);
  }
}

/**
 * Serves one node:http request with the shared core, then writes, logs and counts it. Never
 * rejects: whatever fails, the client gets an answer (or the socket is closed) and the
 * process keeps serving.
 */
export function handleNodeRequest(req: IncomingMessage, res: ServerResponse, holder: StateHolder, logger: Logger, metrics: ServiceMetrics): void {
  void respond(req, res, holder, logger, metrics, performance.now());
}

async function respond(req: IncomingMessage, res: ServerResponse, holder: StateHolder, logger: Logger, metrics: ServiceMetrics, started: number): Promise<void> {
  // One reference read per request: the whole request is served by this state.
  const state = holder.current;
  let served: Served | undefined;
  res.once('finish', () => {
    if (!served) return;
    const ms = performance.now() - started;
    logger.request(served, res.statusCode, ms);
    metrics.request(served, res.statusCode, ms / 1000);
  });
  try {
    served = await serveRequest(new NodeRequest(req), state, ROUTES);
    if (served.internalError) logger.event('error', `internal error on ${served.route}: ${served.internalError}`);
    // Compressible bodies are compressed off the event loop; every other answer is written now.
    const writing = writeReply(req, res, served.reply);
    if (writing) await writing;
  } catch (err) {
    // Only a failure to write (compression, a socket gone) gets here.
    served ??= { route: '(write failed)', method: methodName(req.method ?? ''), reply: { status: 500 } };
    logger.event('error', `internal error while answering: ${err instanceof Error ? err.name : typeof err}`);
    if (!res.headersSent && !res.destroyed) {
      try {
        await writeReply(req, res, errorReply(500, 'INTERNAL', 'internal error'));
      } catch {
        res.destroy();
      }
    } else res.destroy();
  }
}
