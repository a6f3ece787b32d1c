import type { Finding } from '../types.js';
import type { AsyncSource } from '../engine/async-sources.js';
import { createRangeClient, validateRangeOptions, type RangeAnswer, type RangeSourceOptions } from './range-client.js';

/**
 * The range API as a breached source under the same rules as the filter file: the password is
 * looked up as typed and, where the profile probes it (`breachedLowercase`), in its lowercase
 * form too; found at or above `minCount` it is BREACHED, which the engine treats exactly as a
 * filter hit (the strength of a breached password, the same findings). Below `minCount` it is
 * BREACHED_RARE (warns); no answer is BREACHED_UNCHECKED, rejecting or warning as `onError` says.
 */
export function rangeSource(options: RangeSourceOptions, probeLowercase: boolean): AsyncSource {
  const o = validateRangeOptions(options);
  const client = createRangeClient(options);
  return {
    name: 'breached-range',
    applies: () => true,
    async check({ input }): Promise<Finding[]> {
      const lower = input.text.plain;
      const probes = probeLowercase && lower !== input.password ? [input.password, lower] : [input.password];
      const answers = await Promise.all(probes.map((p) => client.lookup(p)));
      return findingsFor(answers, o.minCount, o.onError);
    },
  };
}

/** The worst of the probes' answers: a hit decides; otherwise a failure is said, never hidden. */
export function findingsFor(answers: readonly RangeAnswer[], minCount: number, onError: 'reject' | 'accept'): Finding[] {
  let count = 0;
  let failure: string | null = null;
  for (const a of answers) {
    if (a.ok) count = Math.max(count, a.count);
    else failure ??= a.reason;
  }
  if (count >= minCount) return [{ code: 'BREACHED', source: 'breached', params: { count } }];
  const out: Finding[] = [];
  if (failure !== null) {
    out.push({ code: 'BREACHED_UNCHECKED', source: 'breached', severity: onError === 'reject' ? 'reject' : 'warn', params: { reason: failure } });
  }
  if (count > 0) out.push({ code: 'BREACHED_RARE', source: 'breached', severity: 'warn', params: { count, minCount } });
  return out;
}
