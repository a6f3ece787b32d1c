import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/wording/catalogue.js';

// messageFor and feedbackFor build the parameters object only for a message function that
// declares a parameter (issue 19, speed): one that declares none must say the same whatever the
// finding's parameters are.
describe('message functions without a parameter', () => {
  it('ignore the parameters, in every locale', () => {
    const full = { term: 'contoso', distance: 1, fieldName: 'name', kind: 'year', shape: 'famous', points: 3, threshold: 5, plain: true, min: 8, max: 64 };
    let fixed = 0;
    for (const [locale, { messages }] of Object.entries(CATALOGUES)) {
      for (const [code, entry] of Object.entries(messages)) {
        for (const text of [entry.warning, entry.suggestion]) {
          if (text === undefined || text.length > 0) continue;
          fixed++;
          expect(text(full), `${locale} ${code}`).toBe(text({}));
        }
      }
    }
    expect(fixed).toBeGreaterThan(100);
  });
});
