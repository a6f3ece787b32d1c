import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { readBody } from '../../src/server/node-io.js';

/**
 * readBody (node server): the body up to a limit, from a request stream. Its listeners are shared
 * functions with the state on the request (no closures per request), so these pin what a route
 * sees: the bytes in order, the 413 past the limit, the 400 on a stream error, and one result for
 * a request read twice (the same listeners added twice must not count a chunk twice).
 */
function request(headers: Record<string, string> = {}): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

describe('readBody', () => {
  it.each([
    ['one chunk', ['{"password":"x"}'], '{"password":"x"}'],
    ['three chunks', ['{"pass', 'word":', '"x"}'], '{"password":"x"}'],
    ['no body', [], ''],
  ])('gives the bytes of %s in order', async (_name, chunks, expected) => {
    const req = request();
    const read = readBody(req, 100);
    for (const c of chunks) req.write(c);
    req.end();
    const got = await read;
    expect(got.ok && Buffer.from(got.bytes).toString()).toBe(expected);
  });

  it('answers 413 for a declared length past the limit without reading', async () => {
    const got = await readBody(request({ 'content-length': '101' }), 100);
    expect(got.ok ? 200 : got.reply.status).toBe(413);
  });

  it('answers 413 once the bytes pass the limit, and discards the rest', async () => {
    const req = request();
    const read = readBody(req, 10);
    req.write('x'.repeat(8));
    req.write('y'.repeat(8));
    req.end('z'.repeat(1000));
    const got = await read;
    expect(got.ok ? 200 : got.reply.status).toBe(413);
  });

  it('answers 400 when the stream fails, and ignores what follows', async () => {
    const req = request();
    const read = readBody(req, 100);
    req.write('{"pass');
    req.emit('error', new Error('socket hang up'));
    req.emit('error', new Error('again')); // a second error meets the listener, not an empty list
    const got = await read;
    expect(got.ok ? 200 : [got.reply.status, JSON.parse(got.reply.body as string).error.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('gives a request read twice one result, each chunk counted once', async () => {
    const req = request();
    const first = readBody(req, 10);
    const second = readBody(req, 10);
    req.write('12345');
    req.end('678');
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && Buffer.from(a.bytes).toString()).toBe('12345678');
    expect(b).toBe(a);
  });
});
