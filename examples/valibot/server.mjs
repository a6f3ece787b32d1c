// Form validation with valibot: the password issues come from passgate (passgate/valibot).
import * as v from 'valibot';
import { createChecker } from 'passgate';
import { passwordCheck, refinePasswordAsync } from 'passgate/valibot';

const checker = await createChecker();

// Synchronous: a field schema for v.parse / v.safeParse.
const Password = v.pipe(v.string(), passwordCheck(checker));
console.log(v.safeParse(Password, 'Password1!').issues?.map((i) => `${i.received}: ${i.message}`).join('; '));

// Asynchronous, on an object: context from the other fields, issues on the password's path.
const SignUp = v.pipeAsync(
  v.object({ name: v.pipe(v.string(), v.minLength(1)), email: v.pipe(v.string(), v.email()), password: v.string() }),
  refinePasswordAsync(checker, { context: (d) => ({ displayName: d.name, email: d.email }) }),
);
for (const password of ['Password1!', 'annexample2024', 'vortex-marmalade-quilting-87-Ostrich']) {
  const r = await v.safeParseAsync(SignUp, { name: 'Ann Example', email: 'ann@example.com', password });
  console.log(r.success ? 'accepted' : r.issues.map((i) => `${i.received}: ${i.message}`).join('; '));
}
