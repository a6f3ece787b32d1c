/**
 * A pattern found in the normalised (`plain`) password. Spans are `[start, end)` in UTF-16 units
 * of that string. A match never carries the matched text: `params` hold only structural numbers
 * and names (layout, step, repeat count…), so findings built from it cannot leak the password.
 */
export interface PatternMatch {
  start: number;
  end: number;
  code: 'REPETITIVE' | 'SEQUENTIAL' | 'KEYBOARD_WALK' | 'DATE' | 'PREDICTABLE_AFFIX';
  /** Detector-specific sub-kind, e.g. `'char'`/`'block'`, `'digits'`/`'letters'`, a layout name, `'year'`/`'date'`. */
  kind: string;
  /** Estimated number of guesses an attacker who knows this pattern class needs (≥ 1). */
  guesses: number;
  params?: Record<string, string | number>;
}
