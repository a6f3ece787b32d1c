import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodName, serveTo, type AnswerSink, type CoreRequest, type Served } from './core.js';
import { readBody, writeReply } from './node-io.js';
import { ROUTES } from './routes.js';
import { errorReply, type BodyResult } from './reply.js';
import type { StateHolder } from './holder.js';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';

/**
 * One node:http request and its answer: the request as the routing core reads it, and what is
 * logged and counted once the answer is written. One object per request (a class: no closures
 * made per request, which cost more than the routing itself under load).
 */
class Exchange implements CoreRequest, AnswerSink {
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #logger: Logger;
  readonly #metrics: ServiceMetrics;
  readonly #started = performance.now();
  #served: Served | undefined;
  constructor(req: IncomingMessage, res: ServerResponse, logger: Logger, metrics: ServiceMetrics) {
    this.#req = req;
    this.#res = res;
    this.#logger = logger;
    this.#metrics = metrics;
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

  /** Writes the answer; compressing one (off the event loop) is the only asynchronous write. */
  answer(served: Served): void {
    this.#served = served;
    if (served.internalError) this.#logger.event('error', `internal error on ${served.route}: ${served.internalError}`);
    try {
      const writing = writeReply(this.#req, this.#res, served.reply);
      if (writing) writing.catch((err: unknown) => this.#writeFailed(err));
    } catch (err) {
      this.#writeFailed(err);
    }
  }

  /** The answer is written: one log line and the metrics (nothing for an answer never served). */
  finished(): void {
    const served = this.#served;
    if (!served) return;
    const ms = performance.now() - this.#started;
    const status = this.#res.statusCode;
    this.#logger.request(served, status, ms);
    this.#metrics.request(served, status, ms / 1000);
  }

  /** Only a failure to write (compression, a socket gone) gets here. */
  #writeFailed(err: unknown): void {
    const req = this.#req;
    const res = this.#res;
    this.#served ??= { route: '(write failed)', method: methodName(req.method ?? ''), reply: { status: 500 } };
    this.#logger.event('error', `internal error while answering: ${err instanceof Error ? err.name : typeof err}`);
    if (!res.headersSent && !res.destroyed) {
      try {
        const writing = writeReply(req, res, errorReply(500, 'INTERNAL', 'internal error'));
        if (writing) writing.catch(() => res.destroy());
      } catch {
        res.destroy();
      }
    } else res.destroy();
  }
}

const EXCHANGE = Symbol('passgate.exchange');
type Answering = ServerResponse & { [EXCHANGE]?: Exchange };

/** One listener for every answer (no closure per request): the exchange rides on the response. */
function onFinish(this: Answering): void {
  this[EXCHANGE]?.finished();
}

/**
 * Serves one node:http request with the shared core, then writes, logs and counts it. Never
 * throws: whatever fails, the client gets an answer (or the socket is closed) and the process
 * keeps serving. A synchronous answer (every route but the ones that read a body, compress or
 * wait for I/O) is written before this returns.
 */
export function handleNodeRequest(req: IncomingMessage, res: ServerResponse, holder: StateHolder, logger: Logger, metrics: ServiceMetrics): void {
  const exchange = new Exchange(req, res, logger, metrics);
  (res as Answering)[EXCHANGE] = exchange;
  res.on('finish', onFinish);
  // One reference read per request: the whole request is served by this state.
  serveTo(exchange, holder.current, ROUTES, exchange);
}
