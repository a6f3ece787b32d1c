// A sign-up route with passgate as its preHandler (passgate/fastify).
import Fastify from 'fastify';
import { createChecker } from 'passgate';
import { passgateDecorator, passwordPolicy } from 'passgate/fastify';

const checker = await createChecker();
const fastify = Fastify({ bodyLimit: 16 * 1024 });
await fastify.register(passgateDecorator);

fastify.post('/signup', { preHandler: passwordPolicy(checker, { context: (req) => ({ email: req.body?.email }) }) }, async (req, reply) => {
  reply.code(201);
  return { created: true, strength: req.passgate.strength?.score ?? null };
});

await fastify.listen({ port: 3000, host: '127.0.0.1' });
console.log('listening on http://127.0.0.1:3000/');
