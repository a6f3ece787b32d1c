import type { Finding, FindingSource } from '../types.js';
import type { PasswordRedactor } from './redact.js';

/** At most this many findings of one check reach the result (the rest are dropped). */
export const MAX_CHECK_FINDINGS = 32;
const MAX_CODE_LENGTH = 64;
const MAX_TEXT_LENGTH = 500;
const MAX_PARAMS = 16;
const SOURCES: ReadonlySet<string> = new Set<FindingSource>(['global', 'custom', 'context', 'breached', 'pattern', 'dictionary', 'policy', 'strength', 'check', 'popularity']);
const SEVERITIES: ReadonlySet<string> = new Set(['reject', 'warn', 'info']);

/** A custom check that failed: rejecting, and never what it threw (that may quote the password). */
export const checkError = (check: number, reason: string): Finding => ({ code: 'CHECK_ERROR', source: 'check', params: { check, reason } });

/**
 * What a custom check returned, made safe for a result. The rule (README, "Custom checks"):
 * - not an array: one CHECK_ERROR; at most MAX_CHECK_FINDINGS findings are kept;
 * - an item that is not an object, or whose `code` is not a string of 1–64 characters, or holds
 *   CODE_PIECE_LENGTH (8) consecutive characters of the password in any form, reversed or
 *   encoded (PasswordRedactor.revealsPiece): a CHECK_ERROR in its place (fail closed: it was
 *   meant to say something);
 * - `source` outside the known ones becomes 'check'; `severity` is kept only if it is one;
 * - `start`/`end`: both integers, else both dropped; clamped into [0, password length]; dropped
 *   when start > end after that;
 * - `term`, `message`, string `params` and `params` keys: kept when at most 500 characters and
 *   holding no copy of the password — as typed, lower-cased, normalised, reversed,
 *   percent-encoded or base64 (PasswordRedactor.revealsCopy) —, else dropped — a dropped message falls back to the
 *   catalogue's, or the code; `distance` kept when a non-negative integer; `params` keep at most
 *   16 string, finite number or boolean values.
 */
export function customFindings(returned: unknown, check: number, passwordLength: number, redactor: PasswordRedactor): Finding[] {
  if (!Array.isArray(returned)) return [checkError(check, 'the check did not return an array')];
  const out: Finding[] = [];
  for (let i = 0; i < Math.min(returned.length, MAX_CHECK_FINDINGS); i++) out.push(one(returned[i], check, passwordLength, redactor));
  return out;
}

type Mutable = { -readonly [K in keyof Finding]: Finding[K] };

function one(raw: unknown, check: number, passwordLength: number, redactor: PasswordRedactor): Finding {
  if (raw === null || typeof raw !== 'object') return checkError(check, 'the check returned an invalid finding');
  const f = raw as Record<string, unknown>;
  const code = f.code;
  if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH) {
    return checkError(check, 'the check returned an invalid finding');
  }
  // A code is shown as it is, so it may not hold even a piece of the password (redact.ts).
  if (redactor.revealsPiece(code)) return checkError(check, 'the check returned a code that holds part of the password');
  const safeText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH && !redactor.revealsCopy(v);
  const out: Mutable = { code, source: typeof f.source === 'string' && SOURCES.has(f.source) ? (f.source as FindingSource) : 'check' };
  if (Number.isInteger(f.start) && Number.isInteger(f.end)) {
    const start = Math.min(Math.max(f.start as number, 0), passwordLength);
    const end = Math.min(Math.max(f.end as number, 0), passwordLength);
    if (start <= end) {
      out.start = start;
      out.end = end;
    }
  }
  if (safeText(f.term)) out.term = f.term;
  if (Number.isInteger(f.distance) && (f.distance as number) >= 0) out.distance = f.distance as number;
  if (typeof f.severity === 'string' && SEVERITIES.has(f.severity)) out.severity = f.severity as Finding['severity'];
  if (safeText(f.message)) out.message = f.message;
  if (f.params !== null && typeof f.params === 'object') {
    const params: Record<string, string | number | boolean> = {};
    let kept = 0;
    for (const [k, v] of Object.entries(f.params)) {
      if (kept === MAX_PARAMS) break;
      if (k.length > MAX_CODE_LENGTH || redactor.revealsCopy(k)) continue;
      if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || safeText(v)) {
        params[k] = v;
        kept++;
      }
    }
    out.params = params;
  }
  return out;
}
