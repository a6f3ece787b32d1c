import { parseFlags } from './parse-flags.js';
import { resolve } from 'node:path';
import { Exit, UsageError, type Subcommand } from './io.js';
import { isWorker, onStopRequest, onWorkersStatus, reportListening, runPrimary, workerPort } from './serve-workers.js';
import { CHECKER_FLAGS, CHECKER_FLAGS_HELP, checkerOptionsFrom } from './checker-flags.js';
import type { ServiceConfig } from '../server/config.js';
import type { WorkersStatus } from '../server/workers-status.js';
import { DEFAULT_PROFILE } from '../policy/profiles.js';
import { logLines } from './log-lines.js';

const HELP = `Usage: passgate serve [--port N] [--host H] [--config FILE] [options]

The HTTP service (POST /v1/evaluate, GET /v1/policy, /healthz, /openapi.json) and the demo
reset-form page at /. Logs one line per request to stderr (method, path, status, time; never a
body). SIGHUP, or a change to the config, terms or filter file, reloads without a restart;
SIGINT/SIGTERM stop after the requests in flight. With "popularity" in the config file, it also
refuses passwords too many of your accounts chose, counted by POST /v1/chosen (a bearer token).

Options:
  --port N              port to listen on (default 8080; 0 picks a free one)
  --host H              address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --config FILE         JSON settings (see docs/service.md); flags override it
  --max-body BYTES      refuse larger request bodies with 413 (default 16384)
  --no-watch            do not watch the files for changes (SIGHUP still reloads)
  --log-format F        text (default) or json: one JSON object per line
  --cors-origin ORIGIN  let pages from ORIGIN (or * for any) call the service (CORS)
  --workers N           N processes sharing the port (node:cluster); default 1
${CHECKER_FLAGS_HELP}

The service judges as the library's default checker does: by default with the same breached
filter (data/breached-1m.pgf), which the demo page downloads too; --breached FILE switches both.`;

/** Flags only serve understands; the checker flags are shared with check and audit. */
const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  config: { type: 'string' },
  'max-body': { type: 'string' },
  'no-watch': { type: 'boolean' },
  'log-format': { type: 'string' },
  'cors-origin': { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const serve: Subcommand = async (args, io) => {
  try {
    return await serveCommand(args, io);
  } finally {
    // A cluster worker's IPC channel keeps it alive after it stopped (or failed to start), and
    // disconnecting would exit 0: once the CLI has set process.exitCode from our result, exit.
    if (isWorker()) setImmediate(() => process.exit());
  }
};

const serveCommand: Subcommand = async (args, io) => {
  const { values, positionals } = parseFlags('serve', { args: [...args], options: { ...CHECKER_FLAGS, ...SERVE_FLAGS }, allowPositionals: true, strict: true });
  if (values.help) {
    io.stdout.write(HELP + '\n');
    return Exit.OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]!.slice(0, 40)}'`);

  const config = await configFromFlags(values);
  const logFormat = values['log-format'] ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') throw new UsageError('--log-format must be text or json');
  // Imported here so `passgate serve --help` and flag errors stay instant.
  const [{ startServer, ConfigError }, { createLogger }] = await Promise.all([import('../server/index.js'), import('../server/logger.js')]);
  const lines = logLines((text) => void io.stderr.write(text));
  const sink = lines.line;
  const logger = createLogger(sink, logFormat);
  try {
    const workers = typeof values.workers === 'string' ? wholeNumber(values.workers, '--workers', 64) : 1;
    if (workers < 1) throw new UsageError('--workers must be a whole number from 1 to 64');
    if (workers > 1 && !isWorker()) {
      // The primary serves nothing itself: each worker re-runs this command and checks the
      // configuration; one that cannot start makes the primary exit with its code.
      return runPrimary(workers, (line) => void io.stdout.write(line + '\n'), (level, message) => logger.event(level, message));
    }
    // A worker shows the primary's view of all workers in /healthz and /metrics.
    let workersStatus: WorkersStatus | null = null;
    if (isWorker()) onWorkersStatus((s) => (workersStatus = s));
    let started;
    try {
      started = await startServer({
        ...(values.config !== undefined && { configFile: resolve(values.config) }),
        config,
        log: sink,
        logFormat,
        watchIntervalMs: values['no-watch'] ? 0 : 1000,
        reloadOnSighup: true,
        ...(isWorker() && { workers: () => workersStatus }),
        ...(workerPort() !== undefined && { port: workerPort() }),
      });
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UsageError(`cannot listen (${code}): try another --port or --host`);
      }
      throw err;
    }
    if (isWorker()) reportListening(started.url);
    else io.stdout.write(`passgate serve: listening on ${started.url} (profile ${started.config.profile ?? DEFAULT_PROFILE})\n`);

    // Stop on the first SIGINT/SIGTERM after the requests in flight; a second one stops at once.
    const signal = await new Promise<NodeJS.Signals>((done) => {
      process.once('SIGINT', () => done('SIGINT'));
      process.once('SIGTERM', () => done('SIGTERM'));
      onStopRequest(() => done('SIGTERM'));
    });
    logger.event('info', `${signal}, shutting down`);
    const hardStop = () => process.exit(Exit.FAILURE);
    process.once('SIGINT', hardStop);
    process.once('SIGTERM', hardStop);
    await started.close();
    process.off('SIGINT', hardStop);
    process.off('SIGTERM', hardStop);
    logger.event('info', 'stopped');
    return Exit.OK;
  } finally {
    // Whatever the command prints next (an error, the exit code's message) follows its log lines.
    lines.flush();
  }
};

type Values = Record<string, string | boolean | undefined>;

/** Turns flags into service settings, keeping file paths (the service re-reads them on reload). */
async function configFromFlags(values: Values): Promise<ServiceConfig> {
  // The shared parser checks the value flags (profile, lengths, locale, …) exactly as `check`
  // does; the file flags are kept as paths rather than read here.
  const options = await checkerOptionsFrom({ ...values, custom: undefined, global: undefined, breached: undefined });
  const config: ServiceConfig = {};
  if (options.profile !== undefined) config.profile = options.profile;
  if (options.minLength !== undefined) config.minLength = options.minLength;
  if (options.maxLength !== undefined) config.maxLength = options.maxLength;
  if (options.mfa !== undefined) config.mfa = options.mfa;
  if (options.locale !== undefined) config.locale = options.locale;
  if (options.mode !== undefined) config.mode = options.mode;
  if (typeof values.custom === 'string') config.customTermsFile = resolve(values.custom);
  if (typeof values.global === 'string') config.globalTermsFile = resolve(values.global);
  if (values['no-breached']) config.breachedFile = false;
  else if (typeof values.breached === 'string') config.breachedFile = resolve(values.breached);
  if (typeof values.host === 'string') config.host = values.host;
  if (typeof values['cors-origin'] === 'string') config.corsOrigin = values['cors-origin'];
  if (typeof values.port === 'string') config.port = wholeNumber(values.port, '--port', 65535);
  if (typeof values['max-body'] === 'string') config.limits = { maxBodyBytes: wholeNumber(values['max-body'], '--max-body', 1024 * 1024) };
  return config;
}

function wholeNumber(text: string, flag: string, max: number): number {
  let n = 0;
  for (const ch of text) {
    if (ch < '0' || ch > '9' || text.length > 7) throw new UsageError(`${flag} must be a whole number`);
    n = n * 10 + (ch.charCodeAt(0) - 48);
  }
  if (text.length === 0 || n > max) throw new UsageError(`${flag} must be a whole number from 0 to ${max}`);
  return n;
}
