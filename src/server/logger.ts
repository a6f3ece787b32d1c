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

// A busy service writes several lines a millisecond and thousands a second: the date and time up
// to the second are formatted once a second, the milliseconds appended (toISOString per line was
// about 1 % of a request's CPU in a --cpu-prof of `passgate serve` under load).
let lastMs = NaN;
let lastIso = '';
let lastSecond = NaN;
/** `YYYY-MM-DDTHH:MM:SS.` of lastSecond (any year toISOString can write: it ends in `.000Z`). */
let secondPrefix = '';

/** `new Date(now).toISOString()`, for the clock's now (the argument is for tests). */
export function isoNow(now = Date.now()): string {
  if (now === lastMs) return lastIso;
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    secondPrefix = new Date(second * 1000).toISOString().slice(0, -4);
  }
  const ms = now - second * 1000;
  lastMs = now;
  lastIso = `${secondPrefix}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
  return lastIso;
}
