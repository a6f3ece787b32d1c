// Issue 21, the service and passgate/fetch: POST /v1/evaluate takes context.previousPassword and
// context.previousPasswordHashes, refuses the rotated password, and never logs or echoes either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';
import { startTestServer, type TestServer } from './helpers.js';
import { hashOf } from '../rotation/hashes.fixture.js';

const OLD = 'Quokka!Harbour2023';
const NEW = 'Quokka!Harbour2024';
let s: TestServer;
let handler: (request: Request) => Promise<Response>;
let bcryptHash: string;
let argonHash: string;
beforeAll(async () => {
  [s, bcryptHash, argonHash] = await Promise.all([startTestServer({ breachedFile: false }), hashOf('bcrypt', OLD), hashOf('argon2id', OLD)]);
  handler = createHandler(await createChecker({ breached: false }));
});
afterAll(() => s.close());

type Post = (body: unknown) => Promise<{ status: number; text: string }>;
const viaService: Post = async (body) => {
  const r = await s.post('/v1/evaluate', JSON.stringify(body));
  return { status: r.status, text: r.text };
};
const viaFetch: Post = async (body) => {
  const res = await handler(new Request('http://passgate.test/v1/evaluate', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
  return { status: res.status, text: await res.text() };
};

describe.each([['service', viaService], ['fetch handler', viaFetch]] as const)('%s', (_name, post) => {
  it('a reset form passing the stored hash refuses Quokka!Harbour2024 after Quokka!Harbour2023', async () => {
    for (const hash of [bcryptHash, argonHash]) {
      const r = await post({ password: NEW, context: { previousPasswordHashes: [hash] } });
      expect(r.status).toBe(200);
      const body = JSON.parse(r.text);
      expect(body.accepted).toBe(false);
      expect(body.policy.rejectedBy).toContain('ROTATED_PASSWORD');
      expect(r.text).not.toContain(hash.slice(7));
      expect(r.text.toLowerCase()).not.toContain(OLD.toLowerCase());
    }
  });

  it('a change form passing the typed old password refuses it too; an unrelated one is not rotated', async () => {
    const r = JSON.parse((await post({ password: NEW, context: { previousPassword: OLD } })).text);
    expect(r.policy.rejectedBy).toContain('ROTATED_PASSWORD');
    const other = JSON.parse((await post({ password: 'Wombat-Lantern-Sky-9', context: { previousPassword: OLD, previousPasswordHashes: [bcryptHash] } })).text);
    expect(other.findings.map((f: { code: string }) => f.code)).not.toContain('ROTATED_PASSWORD');
  });

  const bad: [string, unknown][] = [
    ['a hash passgate does not know', { previousPasswordHashes: ['$1$saltsalt$' + 'Q'.repeat(22)] }],
    ['a bcrypt cost that would tie up the server', { previousPasswordHashes: ['$2b$20$' + 'Q'.repeat(53)] }],
    ['too many hashes', { previousPasswordHashes: Array(6).fill('$2b$10$' + 'Q'.repeat(53)) }],
    ['a previous password that is not a string', { previousPassword: ['Zq9!LeakCanary'] }],
    ['a previous password over maxLength', { previousPassword: 'Zq9!LeakCanary'.repeat(20) }],
  ];
  it.each(bad)('400 for %s, without quoting it', async (_label, context) => {
    const r = await post({ password: NEW, context });
    expect(r.status).toBe(400);
    expect(r.text).not.toContain('QQQQQQQQ');
    expect(r.text).not.toContain('LeakCanary');
  });
});

it('the service never logs either field', async () => {
  const secret = 'Zq9!RotationCanary-2023';
  await s.post('/v1/evaluate', JSON.stringify({ password: 'Zq9!RotationCanary-2024', context: { previousPassword: secret, previousPasswordHashes: [bcryptHash] } }));
  await s.post('/v1/evaluate', JSON.stringify({ password: 'x', context: { previousPassword: secret, previousPasswordHashes: ['$2b$20$' + 'Q'.repeat(53)] } }));
  const logged = s.lines.join('\n');
  expect(s.lines.length).toBeGreaterThanOrEqual(2);
  expect(logged).not.toContain('RotationCanary');
  expect(logged).not.toContain(bcryptHash.slice(7));
  expect(logged).not.toContain('QQQQ');
});
