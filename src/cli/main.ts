import { DataError } from '../errors.js';
import { Exit, UsageError, fsReason, unreadable, type CliIO, type Subcommand } from './io.js';

const USAGE = `passgate — decide whether a new password may be used

Usage:
  passgate check [options] [PASSWORD|-]   judge one password (stdin when - or omitted)
  passgate audit FILE [--json]            judge a file of passwords, one a line; counts per reason
  passgate build --input FILE --output FILE [--format text|hibp] [--fpr X] [--min-count N]
                                          compile a breached-password filter
  passgate serve [--port N] [--host H]    the HTTP service and the demo reset page
  passgate help [COMMAND]                 this text, or a command's options

Exit codes: 0 accepted / done, 1 rejected, 2 misuse, 3 failure.`;

// Subcommands load on demand so `passgate check` never pays for the server or the builder.
const COMMANDS: Record<string, () => Promise<Subcommand>> = {
  check: async () => (await import('./check.js')).check,
  build: async () => (await import('./build.js')).build,
  audit: async () => (await import('./audit.js')).audit,
  serve: async () => (await import('./serve.js')).serve,
};

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic && COMMANDS[topic]) return run(topic, ['--help'], io);
    io.stdout.write(USAGE + '\n');
    return name === undefined ? Exit.USAGE : Exit.OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return Exit.OK;
  }
  if (!COMMANDS[name]) {
    io.stderr.write(`passgate: unknown command '${name.slice(0, 40)}'\n\n${USAGE}\n`);
    return Exit.USAGE;
  }
  return run(name, rest, io);
}

async function run(name: string, args: readonly string[], io: CliIO): Promise<number> {
  try {
    const command = await COMMANDS[name]!();
    return await command(args, io);
  } catch (err) {
    // One line, never a stack trace, and the exit code the README's table gives.
    const say = (message: string) => io.stderr.write(`passgate ${name}: ${oneLine(message)}\n`);
    if (err instanceof DataError) {
      say(err.message);
      return Exit.FAILURE;
    }
    const path = (err as { path?: unknown })?.path;
    if (fsReason(err) && typeof path === 'string') {
      say(unreadable('file', path, err).message);
      return Exit.USAGE;
    }
    if (err instanceof UsageError || err instanceof TypeError || err instanceof RangeError || isParseArgsError(err)) {
      say((err as Error).message);
      return Exit.USAGE;
    }
    say(err instanceof Error ? err.message : 'failed');
    return Exit.FAILURE;
  }
}

/** A message on one line, without the library's own "passgate: " prefix (the CLI adds its own). */
function oneLine(message: string): string {
  return message.replace(/^passgate: /, '').replace(/\s*\n\s*/g, ' ');
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

declare const __PASSGATE_VERSION__: string | undefined;
const VERSION = typeof __PASSGATE_VERSION__ === 'string' ? __PASSGATE_VERSION__ : '0.1.0';
