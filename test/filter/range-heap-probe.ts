/**
 * Run by range-hostile.test.ts as `node --expose-gc --import tsx range-heap-probe.ts`: a hostile
 * range server answers every prefix with ~254 KB of breached lines (the most under the 256 KiB
 * response cap, all count > 0, so all of them would be kept); a client with default options looks
 * up 120 passwords of distinct prefixes. Prints the heap growth after collection, in MiB, and
 * how many prefixes a second pass found cached.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRangeClient } from '../../src/filter/range-client.js';

const gc = (globalThis as { gc?: () => void }).gc!;
const LINES = 6500;
let requests = 0;
const server = createServer((_req, res) => {
  requests++;
  const seed = createHash('sha1').update(String(requests)).digest('hex').toUpperCase();
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) lines.push(`${(seed + i.toString(16).toUpperCase().padStart(8, '0')).slice(-35).padStart(35, '0')}:1`);
  res.writeHead(200).end(lines.join('\r\n'));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/range/`;

const used = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const client = createRangeClient({ rangeUrl: url, timeoutMs: 30_000 });
// Warm up fetch and the server once so their own allocations are not counted.
await createRangeClient({ rangeUrl: url, cacheSize: 0 }).lookup('warm-up');
const before = used();
const passwords = Array.from({ length: 120 }, (_, i) => `hostile-${i}`);
for (const p of passwords) {
  const a = await client.lookup(p);
  if (!a.ok) throw new Error(`lookup failed: ${a.reason}`);
}
const after = used();
const asked = requests;
// Newest first: an LRU scanned oldest first would evict each prefix just before it is asked.
for (const p of [...passwords].reverse()) await client.lookup(p);
server.closeAllConnections();
server.close();
console.log(JSON.stringify({ grownMiB: (after - before) / 2 ** 20, cached: passwords.length - (requests - asked) }));
