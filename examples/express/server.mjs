// A sign-up route that refuses weak passwords before the handler runs (passgate/express).
import express from 'express';
import { createChecker } from 'passgate';
import { passwordPolicy } from 'passgate/express';

const checker = await createChecker();
const app = express();

app.post(
  '/signup',
  express.json({ limit: '16kb' }),
  passwordPolicy(checker, { context: (req) => ({ email: req.body.email, displayName: req.body.name }) }),
  (req, res) => {
    // Only accepted passwords get here; req.passgate is the verdict. Hash and store the password now.
    res.status(201).json({ created: true, strength: req.passgate.strength?.score ?? null });
  },
);

app.listen(3000, '127.0.0.1', () => console.log('listening on http://127.0.0.1:3000/'));
