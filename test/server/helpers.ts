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
