import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodName, serveRequest, type CoreRequest, type Served } from './core.js';
import { readBody, writeReply } from './node-io.js';
import { ROUTES } from './routes.js';
import { errorReply } from './reply.js';
import type { StateHolder } from './holder.js';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';

/** node:http's request as the routing core sees it. */
function coreRequest(req: IncomingMessage): CoreRequest {
  return {
    method: req.method ?? '',
    target: req.url ?? '',
    header: (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    },
    body: (limit) => readBody(req, limit),
  };
}

/**
 * Serves one node:http request with the shared core, then writes, logs and counts it. Never
 * rejects: whatever fails, the client gets an answer (or the socket is closed) and the
 * process keeps serving.
 */
export function handleNodeRequest(req: IncomingMessage, res: ServerResponse, holder: StateHolder, logger: Logger, metrics: ServiceMetrics): void {
  const started = performance.now();
  // One reference read per request: the whole request is served by this state.
  const state = holder.current;
  let served: Served | undefined;
  res.once('finish', () => {
    if (!served) return;
    const ms = performance.now() - started;
    logger.request(served, res.statusCode, ms);
    metrics.request(served, res.statusCode, ms / 1000);
  });
  serveRequest(coreRequest(req), state, ROUTES)
    .then((s) => {
      served = s;
      if (s.internalError) logger.event('error', `internal error on ${s.route}: ${s.internalError}`);
      return writeReply(req, res, s.reply);
    })
    .catch((err: unknown) => {
      // Only a failure to write (compression, a socket gone) gets here.
      served ??= { route: '(write failed)', method: methodName(req.method ?? ''), reply: { status: 500 } };
      logger.event('error', `internal error while answering: ${err instanceof Error ? err.name : typeof err}`);
      if (!res.headersSent && !res.destroyed) void writeReply(req, res, errorReply(500, 'INTERNAL', 'internal error')).catch(() => res.destroy());
      else res.destroy();
    });
}
