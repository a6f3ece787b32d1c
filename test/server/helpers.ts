import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerOptions, type ServiceConfig, type StartedServer } from '../../src/server/index.js';

export interface TestServer {
  readonly server: StartedServer;
  readonly url: string;
  /** Every log line the server wrote, in order. */
  readonly lines: string[];
  post(path: string, body: string | Uint8Array<ArrayBuffer>, headers?: Record<string, string>): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  request(method: string, path: string, init?: RequestInit): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

/** A real server on an ephemeral loopback port, logging into an array. */
export async function startTestServer(config: ServiceConfig = {}, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const lines: string[] = [];
  const server = await startServer({ port: 0, host: '127.0.0.1', config, log: (l) => lines.push(l), watchIntervalMs: 0, ...options });
  const request = async (method: string, path: string, init: RequestInit = {}): Promise<Answer> => {
    const res = await fetch(new URL(path, server.url), { ...init, method });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    server,
    url: server.url,
    lines,
    request,
    post: (path, body, headers = { 'content-type': 'application/json' }) => request('POST', path, { body, headers }),
    get: (path, headers = {}) => request('GET', path, { headers }),
    close: () => server.close(1000),
  };
}

export const evaluateBody = (password: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ password, ...extra });

/**
 * Sends `text` as-is on a fresh TCP connection and resolves with everything the server wrote
 * back before it closed the connection (or `waitMs` passed). For request lines and headers that
 * fetch() refuses to send.
 */
export async function rawExchange(url: string, text: string, waitMs = 3000): Promise<string> {
  const { connect } = await import('node:net');
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let out = '';
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('connect', () => socket.write(text));
    socket.on('data', (c: Buffer) => (out += c.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

/** The status code of the first response in a raw exchange (0 when none came back). */
export const rawStatus = (response: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);

/**
 * A fresh folder whose files are replaced as deploy tools do: written aside, then renamed, so a
 * reader sees the old file or the new one. `write` returns the file's path.
 */
export function workspace(prefix = 'passgate-'): { dir: string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path + '.tmp', text);
    renameSync(path + '.tmp', path);
    return path;
  };
  return { dir, write };
}
