/**
 * The service's log sink for the CLI: lines are gathered and written once per turn of the event
 * loop (or at 64 KiB), not one write each. Under load a request line cost the service more than
 * its routing (bench/server-overhead.ts): a stream write per line, with its bookkeeping and a
 * system call. Lines keep their order and reach stderr before the loop next waits for I/O; what is
 * pending is written when the command ends (`flush`) and when the process exits, however it exits.
 */
export interface LogLines {
  /** Queues one line (without its newline). */
  readonly line: (text: string) => void;
  /** Writes what is queued now. */
  readonly flush: () => void;
}

export const LOG_BATCH_BYTES = 64 * 1024;

/** Every sink's flush, run by one 'exit' listener (a CLI process makes one sink). */
const pendingAtExit = new Set<() => void>();

export function logLines(write: (text: string) => void): LogLines {
  let pending: string[] = [];
  let bytes = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('\n') + '\n';
    pending = [];
    bytes = 0;
    write(text);
  };
  if (pendingAtExit.size === 0) process.once('exit', () => pendingAtExit.forEach((f) => f()));
  pendingAtExit.add(flush);
  const line = (text: string) => {
    pending.push(text);
    bytes += text.length + 1;
    if (bytes >= LOG_BATCH_BYTES) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { line, flush };
}
