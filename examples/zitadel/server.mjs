// A ZITADEL Actions v2 target that refuses weak passwords on SetPassword / AddHumanUser /
// CreateUser (passgate/zitadel). ZITADEL_SIGNING_KEY: the signingKey returned when the target was created.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createChecker } from 'passgate';
import { createZitadelHandler } from 'passgate/zitadel';

const signingKey = process.env.ZITADEL_SIGNING_KEY;
if (!signingKey) throw new Error('set ZITADEL_SIGNING_KEY');
const zitadel = createZitadelHandler(await createChecker(), { signingKey });

const app = new Hono();
app.post('/zitadel/password', (c) => zitadel(c.req.raw));
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' }, ({ port }) => console.log(`target on http://127.0.0.1:${port}/zitadel/password`));
