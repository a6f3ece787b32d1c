import { afterEach, describe, expect, it } from 'vitest';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, workspace as sharedWorkspace, type TestServer } from './helpers.js';

// Accepted by the entra profile until 'korvath' is a custom term: then it scores 4 of 5 points.
const PASSWORD = 'Korvath#9x';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const workspace = () => sharedWorkspace('passgate-reload-');

const verdict = async (t: TestServer) => (await t.post('/v1/evaluate', JSON.stringify({ password: PASSWORD }))).json;

describe('reload', () => {
  it('picks up a changed custom terms file on a programmatic reload', async () => {
    const w = workspace();
    const terms = w.write('custom.txt', '# none yet\nzzzzqqqq\n');
    s = await startTestServer({ profile: 'entra', customTermsFile: terms });
    expect((await verdict(s)).accepted).toBe(true);
    w.write('custom.txt', 'zzzzqqqq\nkorvath\n');
    expect(await s.server.reload()).toBe(true);
    const after = await verdict(s);
    expect(after.accepted).toBe(false);
    expect(after.policy.rejectedBy).toContain('LOW_SCORE');
    expect((await s.get('/healthz')).json.generation).toBe(2);
    expect((await s.get('/v1/policy')).json.lists.customBannedTerms).toBe(2);
    expect((await s.get('/page/config.json')).json.options.customBannedTerms).toEqual(['zzzzqqqq', 'korvath']);
    expect(s.lines.some((l) => /reloaded \(requested\): generation 2/.test(l))).toBe(true);
  });

  it('reloads by itself when a watched file changes', async () => {
    const w = workspace();
    const terms = w.write('custom.txt', 'zzzzqqqq\n');
    s = await startTestServer({ profile: 'entra', customTermsFile: terms }, { watchIntervalMs: 50 });
    expect((await verdict(s)).accepted).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    w.write('custom.txt', 'korvath\n');
    const deadline = Date.now() + 10_000;
    while (s.server.generation < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(s.server.generation).toBe(2);
    expect((await verdict(s)).accepted).toBe(false);
  });

  it('keeps the old checker when a reload fails, and says why', async () => {
    const w = workspace();
    const terms = w.write('custom.txt', 'zzzzqqqq\n');
    s = await startTestServer({ profile: 'entra', customTermsFile: terms });
    w.write('custom.txt', 'korvath\nabc\n'); // 'abc' is under Entra's 4-character minimum
    expect(await s.server.reload()).toBe(false);
    expect((await verdict(s)).accepted).toBe(true);
    expect(s.server.generation).toBe(1);
    const line = s.lines.find((l) => l.includes('reload failed'));
    // Named as the service spells it: the setting and the term's position (issue 22: it said `customBannedTerms[1]`, a name the operator never wrote).
    expect(line).toMatch(/keeping generation 1: custom terms file '.*custom\.txt': 'customTermsFile' \(term 2\) must be 4–16 characters long \(it has 3\)/);
  });

  it('never mixes two configurations while requests are in flight', async () => {
    const w = workspace();
    const oldTerms = w.write('old.txt', 'zzzzqqqq\n');
    const newTerms = w.write('new.txt', 'korvath\n');
    // Generation A: no 'korvath', minLength 8. Generation B: 'korvath' banned, minLength 9.
    const config = w.write('passgate.json', JSON.stringify({ profile: 'entra', customTermsFile: oldTerms, minLength: 8 }));
    s = await startTestServer({}, { configFile: config });
    const seen: string[] = [];
    let stop = false;
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const r = await verdict(s!);
        seen.push(`${r.accepted}/${r.policy.minLength}`);
      }
    });
    await new Promise((r) => setTimeout(r, 100));
    w.write('passgate.json', JSON.stringify({ profile: 'entra', customTermsFile: newTerms, minLength: 9 }));
    expect(await s.server.reload()).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await Promise.all(clients);
    const kinds = new Set(seen);
    // Old state: accepted with minLength 8. New state: rejected (LOW_SCORE) with minLength 9.
    expect([...kinds].sort()).toEqual(['false/9', 'true/8']);
    // And once the new one is in, the old one never comes back.
    const firstNew = seen.indexOf('false/9');
    expect(seen.slice(firstNew).filter((k) => k === 'true/8').length).toBeLessThanOrEqual(8); // only requests already in flight
  });

  it('rejects a bad configuration at start with a clear ConfigError', async () => {
    const w = workspace();
    const bad = w.write('bad.json', JSON.stringify({ profile: 'strict' }));
    await expect(startTestServer({}, { configFile: bad })).rejects.toThrow(/'profile' must be one of recommended, entra, nist/);
    const notJson = w.write('broken.json', '{ profile: ');
    await expect(startTestServer({}, { configFile: notJson })).rejects.toThrow(/not valid JSON/);
    const unknown = w.write('unknown.json', JSON.stringify({ prfile: 'entra' }));
    await expect(startTestServer({}, { configFile: unknown })).rejects.toThrow(/unknown setting 'prfile'/);
    await expect(startTestServer({ breachedFile: join(w.dir, 'missing.pgf') })).rejects.toThrow(/filter file .* cannot read it \(ENOENT\)/);
    const junk = w.write('junk.pgf', 'not a filter at all, just text');
    await expect(startTestServer({ breachedFile: junk })).rejects.toThrow(/invalid configuration \(FilterFormatError/);
  });

  it('never applies a terms file that is being rewritten in place (truncate, then slow writes)', async () => {
    // 302 terms each time; 'commonterm' is the last line, so any torn read lacks it (and is shorter).
    const list = (prefix: string) => [...Array.from({ length: 301 }, (_, i) => `${prefix}${i.toString(36).padStart(4, '0')}x`), 'commonterm'].join('\n') + '\n';
    const w = workspace();
    const terms = w.write('custom.txt', list('fill'));
    s = await startTestServer({ profile: 'recommended', customTermsFile: terms, breachedFile: false }, { watchIntervalMs: 20, reloadSettleMs: 100 });
    const t = s;
    const counts = new Set<number>();
    const accepted: boolean[] = [];
    let writing = true;
    const reloader = async () => {
      while (writing) await t.server.reload();
    };
    const sample = async () => {
      while (writing) {
        counts.add((await t.get('/v1/policy')).json.lists.customBannedTerms);
        accepted.push((await t.post('/v1/evaluate', JSON.stringify({ password: 'Commonterm2024!xyz' }))).json.accepted);
      }
    };
    const samplers = [reloader(), sample(), sample()];
    for (let round = 0; round < 2; round++) {
      // The in-place rewrite a careless deploy does: truncate, then the new text in small writes.
      const text = list(round === 0 ? 'zzfil' : 'yyfil');
      const fd = openSync(terms, 'w');
      for (let at = 0; at < text.length; at += 120) {
        writeSync(fd, text.slice(at, at + 120));
        await new Promise((r) => setTimeout(r, 12));
      }
      closeSync(fd);
      await new Promise((r) => setTimeout(r, 400));
    }
    writing = false;
    await Promise.all(samplers);
    expect(await t.server.reload()).toBe(true);
    expect([...counts]).toEqual([302]);
    expect(accepted.length).toBeGreaterThan(10);
    expect(accepted.every((a) => a === false)).toBe(true);
    expect((await t.get('/page/config.json')).json.options.customBannedTerms[0]).toBe('yyfil0000x');
    expect(t.server.generation).toBeGreaterThan(2);
  });

  it('reports a failed reload on /healthz until a reload succeeds, without quoting a term', async () => {
    const w = workspace();
    const terms = w.write('custom.txt', 'zzzzqqqq\n');
    s = await startTestServer({ profile: 'entra', customTermsFile: terms });
    expect((await s.get('/healthz')).json).toMatchObject({ status: 'ok', generation: 1 });
    expect((await s.get('/healthz')).json.lastReload).toBeUndefined();
    w.write('custom.txt', 'korvath\nQ9$\n'); // under the 4-character minimum
    expect(await s.server.reload()).toBe(false);
    const first = (await s.get('/healthz')).json;
    expect(first.status).toBe('degraded');
    expect(first.generation).toBe(1);
    expect(first.lastReload).toMatchObject({ status: 'failed', generation: 1, failures: 1 });
    expect(first.lastReload.reason).toMatch(/'customTermsFile' \(term 2\) must be 4–16 characters long/);
    expect(Date.parse(first.lastReload.since)).not.toBeNaN();
    expect(JSON.stringify(first)).not.toContain('Q9$');
    expect(JSON.stringify(first)).not.toContain('korvath');
    expect(await s.server.reload()).toBe(false);
    const second = (await s.get('/healthz')).json;
    expect(second.lastReload).toMatchObject({ failures: 2, since: first.lastReload.since });
    w.write('custom.txt', 'korvath\n');
    expect(await s.server.reload()).toBe(true);
    const healed = (await s.get('/healthz')).json;
    expect(healed).toMatchObject({ status: 'ok', generation: 2 });
    expect(healed.lastReload).toBeUndefined();
  });
});
