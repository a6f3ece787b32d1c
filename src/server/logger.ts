import type { Served } from './core.js';

export type LogFormat = 'text' | 'json';

/**
 * Formats the service's log lines. A request line holds only facts from a fixed vocabulary —
 * method (one of a fixed set), route template, status, time — never the path, the query, a
 * header or the body: any of them may carry a password.
 */
export interface Logger {
  request(served: Served, status: number, ms: number): void;
  /** An operational message (startup, reload, warnings): written by this code, never request data. */
  event(level: 'info' | 'warn' | 'error', message: string): void;
}

export function createLogger(sink: (line: string) => void, format: LogFormat = 'text'): Logger {
  if (format === 'json') {
    return {
      request: (s, status, ms) =>
        sink(JSON.stringify({ time: isoNow(), level: 'info', msg: 'request', method: s.method, route: s.route, status, ms: round(ms) })),
      event: (level, message) => sink(JSON.stringify({ time: isoNow(), level, msg: message })),
    };
  }
  return {
    request: (s, status, ms) => sink(`${isoNow()} ${s.method} ${s.route} ${status} ${ms.toFixed(1)}ms`),
    event: (_level, message) => sink(`passgate serve: ${message}`),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

// The timestamp has millisecond resolution and a busy service writes several lines a
// millisecond: format it once per millisecond rather than once per line.
let lastMs = NaN;
let lastIso = '';
function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
