/**
 * TEMPORARY stand-in for src/rotation/root.ts (`passwordRoot`, branch h-rotation), with the same
 * signature, so popularity can be built and tested before that lands. Deleted once merged.
 */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const SEASONS = /(spring|summer|autumn|fall|winter)$/;

export function passwordRoot(password: string): string {
  let s = password.normalize('NFKC').toLowerCase();
  // Ends first (digits, years, symbols), then the leet letters inside.
  s = s.replace(/[^a-z0-9@$]+$/u, '').replace(/[0-9]+$/u, '').replace(/[^a-z0-9@$]+$/u, '');
  s = s.replace(/^[^a-z@$]+/u, '');
  s = s.replace(SEASONS, '');
  return [...s].map((c) => LEET[c] ?? c).join('');
}
