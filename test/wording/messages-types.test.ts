import { describe, expectTypeOf, it } from 'vitest';
import type { CheckerOptions, MessageParams, Messages } from '../../src/index.js';
import { createChecker } from '../../src/index.js';

// The `messages` option's typing, checked by `tsc --noEmit -p .` (every line marked with a
// ts-expect-error directive must be an error, or tsc fails). The calls are never awaited: the checkers
// are not built, only typed.
const typed = (f: () => unknown) => f;

describe('messages is typed by code', () => {
  it('gives each code its parameters', () => {
    expectTypeOf<MessageParams['TOO_SHORT']>().toEqualTypeOf<{ readonly min: number }>();
    expectTypeOf<MessageParams['LOW_SCORE']>().toEqualTypeOf<{ readonly points: number; readonly threshold: number; readonly plain: boolean }>();
    expectTypeOf<MessageParams['BANNED_TERM']>().toEqualTypeOf<{ readonly term: string | undefined; readonly distance: number }>();
    expectTypeOf<MessageParams['BREACHED']>().toEqualTypeOf<{}>();
  });

  it('accepts what is right', () => {
    typed(() =>
      createChecker({
        messages: {
          en: {
            BREACHED: 'This password appeared in a data breach.',
            TOO_SHORT: { warning: 'Use at least {min} characters.', suggestion: null },
            LOW_SCORE: (p) => (p.plain ? 'Mostly a common word.' : `${p.points} of ${p.threshold}`),
            CONTEXT_TERM: { warning: (p) => `Leave your ${p.fieldName} out.`, suggestion: 'Pick words of your own.' },
            fields: { email: 'e-mail' },
          },
        },
      }),
    );
    // Options built elsewhere, typed as CheckerOptions: checked at run time.
    const options: CheckerOptions = { messages: { en: { BREACHED: 'x' } } };
    typed(() => createChecker(options));
    const loose: Messages = { sv: { BREACHED: 'x' } };
    typed(() => createChecker({ messages: loose }));
  });

  it('refuses a misspelt code, an unknown parameter, and an incomplete added language', () => {
    // @ts-expect-error BREACHD is no code
    typed(() => createChecker({ messages: { en: { BREACHD: 'x' } } }));
    // @ts-expect-error a template naming a parameter TOO_SHORT does not have
    typed(() => createChecker({ messages: { en: { TOO_SHORT: 'Use at least {mn} characters.' } } }));
    // @ts-expect-error the same in the object form
    typed(() => createChecker({ messages: { en: { TOO_SHORT: { warning: 'ok', suggestion: 'at least {max}' } } } }));
    // @ts-expect-error a function reading a parameter TOO_SHORT does not have
    typed(() => createChecker({ messages: { en: { TOO_SHORT: (p) => `${p.mn}` } } }));
    // @ts-expect-error a function must return a string
    typed(() => createChecker({ messages: { en: { TOO_SHORT: (p) => p.min } } }));
    // @ts-expect-error an added language must word every code and field
    typed(() => createChecker({ messages: { sv: { BREACHED: 'Lösenordet har läckt.' } } }));
    // @ts-expect-error not a context field
    typed(() => createChecker({ messages: { en: { fields: { password: 'x' } } } }));
    // @ts-expect-error a misspelt code in options typed as CheckerOptions
    const options: CheckerOptions = { messages: { en: { BREACHD: 'x' } } };
    void options;
  });
});
