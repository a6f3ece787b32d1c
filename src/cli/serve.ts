import { parseFlags } from './parse-flags.js';
import { resolve } from 'node:path';
import { Exit, UsageError, type Subcommand } from './io.js';
import { isWorker, onStopRequest, onWorkersStatus, reportListening, runPrimary, workerPort } from './serve-workers.js';
import { CHECKER_FLAGS, CHECKER_FLAGS_HELP } from './checker-flags.js';
import { CHECKER_OPTION_IDS, flagConfig, flagHelp, optionValues, SERVE_OPTION_IDS } from './option-flags.js';
import { OPTION_SCHEMA } from '../option-schema.js';
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
${flagHelp(SERVE_OPTION_IDS)}
  --config FILE         JSON settings (see docs/service.md); flags override it
  --no-watch            do not watch the files for changes (SIGHUP still reloads)
  --log-format F        text (default) or json: one JSON object per line
  --workers N           N processes sharing the port (node:cluster); default 1
${CHECKER_FLAGS_HELP}

The service judges as the library's default checker does: by default with the same breached
filter (data/breached-1m.pgf), which the demo page downloads too; --breached FILE switches both.`;

/** Flags only serve understands (its settings' from the option schema); the checker flags are shared with check and audit. */
const SERVE_FLAGS = {
  ...flagConfig(SERVE_OPTION_IDS),
  config: { type: 'string' },
  'no-watch': { type: 'boolean' },
  'log-format': { type: 'string' },
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

  const config = configFromFlags(values);
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
export function configFromFlags(values: Values): ServiceConfig {
  // The value flags (profile, lengths, locale, port, …) are checked exactly as `check` checks
  // them, named by their flag; the file flags are kept as paths rather than read here.
  const given = optionValues([...CHECKER_OPTION_IDS, ...SERVE_OPTION_IDS], values);
  const config: Record<string, unknown> = {};
  for (const id of [...CHECKER_OPTION_IDS, ...SERVE_OPTION_IDS]) {
    const { kind, config: key } = OPTION_SCHEMA[id];
    const value = given[id];
    if (value === undefined || key === undefined || kind.type === 'breached') continue;
    const [outer, inner] = key.split('.') as [string, string | undefined];
    const v = kind.type === 'terms' ? resolve(value as string) : value;
    if (inner === undefined) config[outer] = v;
    else config[outer] = { ...(config[outer] as object | undefined), [inner]: v };
  }
  if (values['no-breached']) config.breachedFile = false;
  else if (typeof values.breached === 'string') config.breachedFile = resolve(values.breached);
  return config as ServiceConfig;
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
