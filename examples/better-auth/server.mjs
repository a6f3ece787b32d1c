// better-auth with passgate as a plugin: sign-up, change, reset and set password are judged
// (passgate/better-auth). In-memory database: nothing to set up.
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { createChecker } from 'passgate';
import { passgate } from 'passgate/better-auth';

const checker = await createChecker();
const auth = betterAuth({
  baseURL: 'http://127.0.0.1:3000',
  secret: process.env.BETTER_AUTH_SECRET ?? 'change-me-change-me-change-me-change-me',
  database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
  emailAndPassword: { enabled: true },
  plugins: [passgate(checker)],
});

createServer(toNodeHandler(auth)).listen(3000, '127.0.0.1', () => console.log('listening on http://127.0.0.1:3000/api/auth/'));
