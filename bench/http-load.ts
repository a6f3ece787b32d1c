/**
 * The load both service benches generate (bench/server.ts across processes, bench/server-overhead.ts
 * within one): `connections` keep-alive sockets posting the password mix to POST /v1/evaluate for
 * `ms`, one request at a time each. Answers other than 200 and socket errors are counted, not thrown:
 * each bench decides what they mean.
 */
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * The minimal peer every service bench compares `passgate serve` with (bench/server.ts,
 * server-overhead.ts, server-profile.ts): node:http, the body gathered, JSON.parse, the same
 * `evaluate`, JSON.stringify, two headers. One definition, so every bench measures against the
 * same server (bench/server.ts's plain-node peer is this code as a string: keep the two alike).
 */
export function minimalEvaluateHandler(checker: { evaluate(password: string): unknown }): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { password } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { password: string };
      const body = JSON.stringify(checker.evaluate(password));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  };
}

export async function postLoad(
  url: string,
  bodies: readonly string[],
  connections: number,
  ms: number,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<{ count: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL('v1/evaluate', url);
  const stopAt = performance.now() + ms;
  let count = 0;
  let errors = 0;
  let next = 0;
  const one = (body: string) =>
    new Promise<void>((resolve) => {
      const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extraHeaders } }, (res) => {
        if (res.statusCode !== 200) errors++;
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < stopAt) {
        await one(bodies[next++ % bodies.length]!);
        count++;
      }
    }),
  );
  agent.destroy();
  return { count, errors };
}

/** Median of a sample (the upper one of an even count), and "median (min–max)" for a table. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const spreadOf = (xs: readonly number[], digits = 0): string => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
