// Issue 14: built-in checks share one interface and one registry, and custom checks get the same input.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { nodePlatform } from '../../src/assets/node.js';
import { buildState } from '../../src/engine/state.js';
import { detect } from '../../src/engine/evaluate.js';
import { PROFILES } from '../../src/policy/profiles.js';
import { appliesTo, type Detected, type DetectorRun } from '../../src/detect/detector.js';
import { DETECTORS } from '../../src/detect/registry.js';
import type { AsyncCheck, Check, CheckInput, Finding, ProfileName } from '../../src/types.js';

describe('the detector registry', () => {
  it.each<[ProfileName, string[]]>([
    ['recommended', ['context-terms', 'patterns']],
    ['entra', ['context-terms']],
    ['nist', ['whole-password']],
  ])('%s runs %j', (profile, names) => {
    expect(DETECTORS.filter((d) => appliesTo(d, PROFILES[profile])).map((d) => d.name)).toEqual(names);
  });

  it('names each registration once', () => {
    expect(new Set(DETECTORS.map((d) => d.name)).size).toBe(DETECTORS.length);
  });
});

describe('custom checks receive the input the built-in detectors do', () => {
  it('has one input type: a built-in detector and a custom check take the same CheckInput', () => {
    // tsc checks these lines (npx tsc --noEmit -p .).
    expectTypeOf<Parameters<DetectorRun>[0]>().toEqualTypeOf<CheckInput>();
    expectTypeOf<Parameters<Check>[0]>().toEqualTypeOf<CheckInput>();
    expectTypeOf<Parameters<AsyncCheck>[0]>().toEqualTypeOf<CheckInput>();
  });

  it.each<[ProfileName, string, string]>([
    ['recommended', 'Anna.Karenina1990!', 'Zz'],
    ['entra', 'Karenin4ever', 'Zz'],
    ['nist', 'karenina', 'Zz'],
    ['recommended', 'qwerty123456', 'Zz'],
  ])('%s, %s: a check from options gets equal input, and a built-in run on it finds what the checker found', async (profile, password) => {
    const context = { firstName: 'Anna', lastName: 'Karenina', username: 'karenin' };
    const received: CheckInput[] = [];
    const spy: Check = (input) => {
      received.push(input);
      return [];
    };
    const checker = await createChecker({ profile, breached: false, checks: [spy] });
    const result = checker.evaluate(password, context);
    expect(received).toHaveLength(1);
    const state = await buildState(nodePlatform, { profile, breached: false });
    // What the built-ins were given (detect() hands them this very object).
    const builtIn = detect(state, password, context).input!;
    expect(received[0]).toEqual(builtIn);
    // Each registered detector run on the custom check's input reproduces the checker's findings.
    const out: Detected = { findings: [], matches: [] };
    for (const d of DETECTORS) if (appliesTo(d, state.options.profile)) d.run(received[0]!, state, out);
    const codes = new Set(out.findings.map((f) => f.code));
    const strip = (f: Finding) => ({ code: f.code, start: f.start, end: f.end, distance: f.distance });
    const fromChecker = result.findings.filter((f) => codes.has(f.code)).map(strip);
    expect(out.findings.map(strip)).toEqual(fromChecker);
    expect(out.findings.length + out.matches.length).toBeGreaterThan(0);
  });
});
