// passgate's API mounted under /api/password in a Hono app (passgate/fetch with basePath).
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createChecker } from 'passgate';
import { createHandler } from 'passgate/fetch';

const checker = await createChecker();
const passgate = createHandler(checker, { basePath: '/api/password' });

const app = new Hono();
app.get('/', (c) => c.text('POST /api/password/v1/evaluate {"password": "…"}\n'));
app.all('/api/password/*', (c) => passgate(c.req.raw));

serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' }, ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`));
