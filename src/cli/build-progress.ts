/**
 * Progress for `passgate build`: on a terminal a bar redrawn at most ~10 times a second with the
 * lines per second and the time left; otherwise (logs, CI) one plain line every `intervalMs`
 * (default 15 s) so that a long build shows it is alive without flooding the log. Bytes measure
 * the fraction done (the line count is unknown until the end); gzip input reports compressed bytes.
 */
import type { CliIO } from './io.js';

export interface BuildProgress {
  update(bytesDone: number, bytesTotal: number, lines: number): void;
  clear(): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const rate = (lines: number, seconds: number): string => {
  const r = seconds > 0 ? lines / seconds : 0;
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)} M lines/s` : `${(r / 1e3).toFixed(0)} k lines/s`;
};

export function buildProgress(io: CliIO, label: string, intervalMs = 15000): BuildProgress {
  const started = performance.now();
  const tty = Boolean(io.stderr.isTTY) && !io.env.CI;
  let last = started;
  let drawn = false;
  const line = (done: number, total: number, lines: number): { text: string; frac: number } => {
    const seconds = (performance.now() - started) / 1000;
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    const eta = frac > 0 ? (seconds * (1 - frac)) / frac : NaN;
    const pct = total > 0 ? `${(frac * 100).toFixed(0).padStart(3)}%` : `${(done / 2 ** 20).toFixed(0)} MiB`;
    return { text: `${pct} ${lines.toLocaleString('en-US')} lines, ${rate(lines, seconds)}, ${total > 0 ? `ETA ${clock(eta)}` : `${clock(seconds)} elapsed`}`, frac };
  };
  return {
    update(done, total, lines) {
      const now = performance.now();
      if (now - last < (tty ? 100 : intervalMs)) return;
      last = now;
      const { text, frac } = line(done, total, lines);
      if (!tty) {
        io.stderr.write(`${label}: ${text}\n`);
        return;
      }
      const width = Math.max(10, Math.min(30, (io.stderr.columns ?? 80) - 60));
      const filled = Math.round(frac * width);
      io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr.write('\r\x1b[K');
    },
  };
}
