import { describe, expect, it, vi } from 'vitest';
import { createChecker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';

// The evaluate route reads the checker's maxLength and default locale on every request; describing
// the whole policy for that was 2.5 % of `passgate serve`'s CPU (a --cpu-prof of the service). A
// checker never changes, so the service describes it once and answers the same.
describe('POST /v1/evaluate and the checker policy', () => {
  it('describes a checker once however many requests it serves, with the same answers', async () => {
    const checker = await createChecker({ breached: false });
    const spy = vi.spyOn(checker, 'policy');
    const handler = createHandler(checker); // describes it once for GET /v1/policy
    const atStart = spy.mock.calls.length;
    for (const [password, lang] of [['Winter2020!', 'fr'], ['correct-horse-battery', 'de-DE'], ['abc', undefined]] as const) {
      for (let i = 0; i < 3; i++) {
        const res = await handler(new Request('http://passgate.test/v1/evaluate', {
          method: 'POST',
          body: JSON.stringify({ password }),
          headers: { 'content-type': 'application/json', ...(lang && { 'accept-language': lang }) },
        }));
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual(JSON.parse(JSON.stringify(checker.evaluate(password, undefined, lang ? { locale: lang.slice(0, 2) } : undefined))));
      }
    }
    // Nine requests: at most one more description (the first request's), not one or two each.
    expect(spy.mock.calls.length - atStart).toBeLessThanOrEqual(1);
  });
});
