// Form validation with zod: the password issues come from passgate (passgate/zod).
import { z } from 'zod';
import { createChecker } from 'passgate';
import { refinePassword } from 'passgate/zod';

const checker = await createChecker();
const SignUp = z
  .object({ name: z.string().min(1), email: z.email(), password: z.string() })
  .superRefine(refinePassword(checker, { context: (d) => ({ displayName: d.name, email: d.email }) }));

for (const password of ['Password1!', 'annexample2024', 'vortex-marmalade-quilting-87-Ostrich']) {
  const r = await SignUp.safeParseAsync({ name: 'Ann Example', email: 'ann@example.com', password });
  console.log(r.success ? 'accepted' : r.error.issues.map((i) => `${i.params?.passgate}: ${i.message}`).join('; '));
}
