import type { CheckInput, Finding, PasswordContext } from '../types.js';
import type { EngineState } from './state.js';
import { detect, type Detection } from './evaluate.js';
import { checkError, customFindings } from './custom-findings.js';
import { PasswordRedactor } from './redact.js';
import { CheckTimeout, NEEDS_ASYNC, sourceError, withDeadline, type SourceCall } from './async-sources.js';

/** Detection with what the custom checks and asynchronous sources added to it. */
export interface Checked {
  readonly detection: Detection;
  readonly extra: readonly Finding[];
}

/**
 * The synchronous path: custom checks run; an asynchronous check, or a built-in source that this
 * call needs, cannot answer here and is a rejecting CHECK_ERROR (never skipped: fail closed).
 */
export function runSync(state: EngineState, detection: Detection, context: PasswordContext | undefined): Finding[] {
  const shared = detection.input;
  if (!shared) return [];
  const out: Finding[] = [];
  const { checks } = state.options;
  if (checks.length > 0) {
    const input = isolate(shared);
    const valid = validator(state, shared);
    checks.forEach((check, i) => {
      try {
        const r = check(input);
        if (r && typeof (r as Promise<unknown>).then === 'function') {
          (r as Promise<unknown>).catch(() => undefined);
          out.push(checkError(i, NEEDS_ASYNC));
        } else out.push(...valid(r, i));
      } catch {
        out.push(checkError(i, 'the check threw'));
      }
    });
  }
  if (state.asyncSources.length === 0) return out; // (no call object to build for nobody)
  const call: SourceCall = { input: shared, context };
  for (const source of state.asyncSources) if (source.applies(call)) out.push(sourceError(source.name, NEEDS_ASYNC));
  return out;
}

/**
 * The asynchronous path: custom checks and applicable sources run side by side, each within
 * `checkTimeoutMs` (past it, or on a throw, a rejecting CHECK_ERROR that never shows what was
 * thrown). A source's BREACHED makes the evaluation breached exactly as the filter does: the
 * detection is redone as breached (same strength and findings), with the context terms of the
 * first pass (a context's fields are read once).
 */
export async function runAsync(state: EngineState, detection: Detection, password: string, context: PasswordContext | undefined): Promise<Checked> {
  const shared = detection.input;
  if (!shared) return { detection, extra: [] };
  const ms = state.options.checkTimeoutMs;
  const call: SourceCall = { input: shared, context };
  const sources = state.asyncSources.filter((s) => s.applies(call));
  const { checks } = state.options;
  if (checks.length === 0 && sources.length === 0) return { detection, extra: [] };
  const input = isolate(shared);
  const valid = validator(state, shared);
  const timedOut = (err: unknown) => (err instanceof CheckTimeout ? err.message : null);
  const results = await Promise.all([
    ...checks.map(async (check, i) => {
      try {
        return valid(await withDeadline(ms, () => check(input)), i);
      } catch (err) {
        return [checkError(i, timedOut(err) ?? 'the check threw')];
      }
    }),
    ...sources.map(async (source) => {
      try {
        return [...(await withDeadline(ms, (signal) => source.check(call, signal)))];
      } catch (err) {
        return [sourceError(source.name, timedOut(err) ?? 'the source failed')];
      }
    }),
  ]);
  let extra = results.flat();
  const hit = detection.breached ? undefined : extra.find((f) => f.code === 'BREACHED' && f.source === 'breached');
  if (hit) detection = detect(state, password, context, { terms: shared.contextTerms, params: hit.params });
  // The detection says BREACHED once, as the filter does.
  if (detection.breached) extra = extra.filter((f) => !(f.code === 'BREACHED' && f.source === 'breached'));
  return { detection, extra };
}

// The offset maps of ASCII passwords are views of one shared table: a check gets its own copy,
// so a careless one cannot corrupt the next evaluation.
function isolate(input: CheckInput): CheckInput {
  return { ...input, text: { ...input.text, start: input.text.start.slice(), end: input.text.end.slice() } };
}

// A custom check that fails must not let a password through, nor leak what it threw (a check's
// own error message may quote the password): it becomes a generic rejecting finding.
function validator(state: EngineState, input: CheckInput): (returned: unknown, i: number) => Finding[] {
  const redactor = new PasswordRedactor(input.password, input.text, state.normaliser);
  return (returned, i) => customFindings(returned, i, input.password.length, redactor);
}
