import type { CliIO } from './io.js';

/** Caps what we read from stdin: far above any password cap, far below a memory problem. */
const MAX_STDIN_BYTES = 1 << 20;

/**
 * Reads a password from stdin so it stays out of shell history and `ps`. On a terminal the
 * characters are not echoed; from a pipe, the first line is the password.
 */
export async function readSecret(io: CliIO, prompt: string): Promise<string> {
  const stdin = io.stdin as CliIO['stdin'] & { setRawMode?: (raw: boolean) => void };
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') return readHidden(io, stdin as never, prompt);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_STDIN_BYTES) break;
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const nl = text.indexOf('\n');
  const line = nl >= 0 ? text.slice(0, nl) : text;
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function readHidden(io: CliIO, stdin: NodeJS.ReadStream, prompt: string): Promise<string> {
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
