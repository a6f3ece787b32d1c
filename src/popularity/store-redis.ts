/**
 * The shared store for many replicas: one Redis string per sketch holding width × depth 16-bit
 * counters (BITFIELD u16, 2 bytes a counter — 540 KiB for 100 000 accounts at limit 3, where a
 * hash of fields would take tens of MiB), and one integer key counting the non-zero counters for
 * /metrics. A record is one Lua script — every counter incremented (saturating) and the fill
 * counted — which Redis runs atomically, so concurrent replicas never lose an increment. A check
 * is one BITFIELD_RO. Every command has the configured time limit, and none waits in an offline
 * queue: while Redis is unreachable each call fails at once and the caller's onError decides.
 *
 * Client: @redis/client (node-redis, maintained by Redis Inc.), the core of the `redis` package
 * without the modules' command sets; an optional peer dependency, loaded only when `redisUrl` is
 * configured, so library installs pull no Redis code.
 */
import { PopularityStoreError, type PopularityStore } from './store.js';
import type { SketchKey } from './sketch.js';

const ADD_SCRIPT = `
local fresh = 0
for i = 1, #ARGV do
  local v = redis.call('BITFIELD', KEYS[1], 'OVERFLOW', 'SAT', 'INCRBY', 'u16', '#' .. ARGV[i], 1)[1]
  if v == 1 then fresh = fresh + 1 end
end
if fresh > 0 then redis.call('INCRBY', KEYS[2], fresh) end
return fresh`;

export interface RedisStoreOptions {
  readonly url: string;
  readonly timeoutMs: number;
  /** Told of each failed command or lost connection (metrics); never given the URL. */
  readonly onError?: () => void;
}

interface Client {
  connect(): Promise<unknown>;
  sendCommand<T>(args: readonly string[], options?: { timeout?: number }): Promise<T>;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  readonly isReady: boolean;
  close(): Promise<void>;
  destroy(): void;
}

function makeClient(mod: { createClient(o: object): Client }, options: RedisStoreOptions): Client {
  return mod.createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.max(options.timeoutMs, 1000),
      // Keep trying in the background, at most every 2 s; calls meanwhile fail at once.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), 2000),
    },
  });
}

export async function createRedisStore(key: SketchKey, options: RedisStoreOptions): Promise<PopularityStore> {
  let mod: { createClient(o: object): Client };
  try {
    mod = (await import('@redis/client')) as unknown as { createClient(o: object): Client };
  } catch {
    throw new PopularityStoreError('`popularity.redisUrl` needs the Redis client: npm install @redis/client');
  }
  const { timeoutMs } = options;
  let client: Client;
  try {
    client = makeClient(mod, options);
  } catch {
    // The client's own message may quote the URL, and a Redis URL may hold a password.
    throw new PopularityStoreError('`popularity.redisUrl` is not a Redis URL the client accepts');
  }
  // Without a listener an error event would end the process; its text may hold the URL.
  client.on('error', () => options.onError?.());
  const connected = client.connect().catch(() => undefined);
  // Wait for the first connection a little, so the first requests after a start find it; an
  // unreachable Redis does not stop the service from starting (onError decides per call).
  await Promise.race([connected, new Promise((r) => setTimeout(r, timeoutMs).unref?.())]);

  const counters = `passgate:popularity:v1:${key.id}:counters`;
  const fillKey = `passgate:popularity:v1:${key.id}:nonzero`;
  const total = key.size.width * key.size.depth;
  let closed = false;

  const send = async <T>(args: string[]): Promise<T> => {
    if (closed) throw new PopularityStoreError('the popularity store is closed');
    try {
      return await client.sendCommand<T>(args, { timeout: timeoutMs });
    } catch {
      options.onError?.();
      throw new PopularityStoreError(client.isReady ? `the popularity store did not answer within ${timeoutMs} ms` : 'the popularity store is unreachable');
    }
  };

  return {
    kind: 'redis',
    async count(cells) {
      const args = ['BITFIELD_RO', counters];
      for (const c of cells) args.push('GET', 'u16', `#${c}`);
      const values = await send<number[]>(args);
      if (!Array.isArray(values) || values.length !== cells.length) throw new PopularityStoreError('the popularity store answered out of shape');
      return Math.min(...values.map(Number));
    },
    async add(cells) {
      await send(['EVAL', ADD_SCRIPT, '2', counters, fillKey, ...Array.from(cells, String)]);
    },
    async fill() {
      const n = Number(await send<string | null>(['GET', fillKey]) ?? 0);
      return Number.isFinite(n) ? Math.min(1, n / total) : 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (client.isReady) await client.close();
        else client.destroy();
      } catch {
        client.destroy();
      }
    },
  };
}
