import { createChecker, type Checker } from '../../src/index.js';

/** One checker per test file: the entra profile without the breached filter (fast to load). */
export const makeChecker = (): Promise<Checker> => createChecker({ profile: 'entra', breached: false });

export const WEAK = 'Password1!';
export const STRONG = 'vortex-marmalade-quilting-87-Ostrich';
/** Accepted alone, rejected once the user's name is known (CONTEXT_TERM). */
export const NAMED = 'Korvathian#9x';
export const NAME = 'Korvathian';

/** No answer may carry the password in any form. */
export function expectNoPassword(text: string, password: string): void {
  if (text.includes(password) || text.toLowerCase().includes(password.toLowerCase())) throw new Error('an answer carries the password');
}
