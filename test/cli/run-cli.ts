import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** In-memory streams for one CLI run, with what was written to stdout and stderr so far. */
export function captureIO(stdin = ''): { io: CliIO; stdout: () => string; stderr: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const io: CliIO = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, env: {} };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/** Runs the CLI in-process with in-memory streams, the way a user's shell would. */
export async function runCli(args: string[], stdin = '', env: Record<string, string> = {}): Promise<CliRun> {
  const c = captureIO(stdin);
  const code = await main(args, { ...c.io, env });
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}
