/**
 * The demo page's script. It runs in the browser, not in Node: the server sends this function's
 * source text (see app-script.ts), so it must be self-contained — it may use its parameters and
 * browser globals only, never an import or a module-level name of this file. Written in
 * TypeScript so the compiler checks it against the DOM and the library's types.
 */
import type * as Passgate from '../../browser.js';
import type { EvaluationResult } from '../../engine/evaluate.js';
import type { PageConfig } from '../service-state.js';

type Verdict = 'accepted' | 'rejected' | 'pending';

export async function pageMain(lib: typeof Passgate, doc: Document, base: URL): Promise<void> {
  const DEBOUNCE_MS = 120;
  const el = <T extends HTMLElement = HTMLElement>(id: string): T => {
    const found = doc.getElementById(id);
    if (!found) throw new Error(`passgate demo: #${id} is missing`);
    return found as T;
  };
  const password = el<HTMLInputElement>('password');
  const confirm = el<HTMLInputElement>('confirm');
  const firstName = el<HTMLInputElement>('firstName');
  const lastName = el<HTMLInputElement>('lastName');
  const email = el<HTMLInputElement>('email');
  const verdictEl = el('verdict');
  const reasonsEl = el('reasons');
  const breachedEl = el('breached-status');
  const matchEl = el('match');
  const meter = el('meter-fill');
  const serverEl = el('server-verdict');
  const submit = el<HTMLButtonElement>('submit');

  // The server's own options and lists: the same profile, terms and filter give the same verdict.
  const config = (await (await fetch(new URL('page/config.json', base))).json()) as PageConfig;
  const quick = await lib.createChecker({ ...config.options, breached: false });
  let full: Passgate.Checker | null = null;
  let breached: 'idle' | 'loading' | 'ready' | 'failed' | 'off' = config.breached ? 'idle' : 'off';
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const context = () => {
    const ctx: Record<string, string> = {};
    if (firstName.value.trim()) ctx.firstName = firstName.value.trim();
    if (lastName.value.trim()) ctx.lastName = lastName.value.trim();
    if (email.value.trim()) ctx.email = email.value.trim();
    return ctx;
  };

  const showBreached = () => {
    breachedEl.dataset.state = breached;
    const size = config.breached ? `${Math.round(config.breached.bytes / 1024)} KB, ${config.breached.entries.toLocaleString()} passwords` : '';
    breachedEl.textContent = {
      idle: 'Breached-password check: starts when you type.',
      loading: `Breached-password check: pending — loading the list (${size})…`,
      ready: `Breached-password check: ready (${size}).`,
      failed: 'Breached-password check: the list could not be loaded; the server will check when you submit.',
      off: 'Breached-password check: not used by this policy.',
    }[breached];
  };

  // The filter is fetched on first use, not with the page: the form works before it arrives.
  const loadFilter = () => {
    if (breached !== 'idle' || !config.breached) return;
    breached = 'loading';
    showBreached();
    const url = new URL(config.breached.url, base);
    (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      full = await lib.createChecker({ ...config.options, breached: { bytes } });
      breached = 'ready';
    })()
      .catch(() => {
        breached = 'failed';
      })
      .finally(() => {
        showBreached();
        judge();
      });
  };

  const render = (target: HTMLElement, list: HTMLElement | null, verdict: Verdict, headline: string, r: EvaluationResult | null) => {
    target.dataset.verdict = verdict;
    target.textContent = headline;
    const rejecting = r ? r.findings.filter((f) => f.severity === 'reject') : [];
    const codes = [...new Set(rejecting.map((f) => String(f.code)))];
    target.dataset.codes = codes.join(' ');
    if (!list) return;
    list.dataset.codes = codes.join(' ');
    list.replaceChildren();
    const seen = new Set<string>();
    for (const f of rejecting) {
      const text = f.message ?? String(f.code);
      if (seen.has(text)) continue;
      seen.add(text);
      const li = doc.createElement('li');
      li.dataset.code = String(f.code);
      li.textContent = text;
      list.append(li);
    }
    for (const s of r && verdict !== 'accepted' ? r.feedback.suggestions.slice(0, 2) : []) {
      const li = doc.createElement('li');
      li.className = 'hint';
      li.textContent = s;
      list.append(li);
    }
  };

  const judgeMatch = () => {
    const state = confirm.value === '' ? 'empty' : confirm.value === password.value ? 'yes' : 'no';
    matchEl.dataset.match = state;
    matchEl.textContent = state === 'yes' ? 'The passwords match.' : state === 'no' ? 'The passwords do not match.' : '';
  };

  function judge(): void {
    generation++;
    verdictEl.dataset.generation = String(generation);
    judgeMatch();
    const value = password.value;
    if (value === '') {
      meter.dataset.score = '0';
      meter.style.width = '0';
      render(verdictEl, reasonsEl, 'pending', 'Type a password to see how it holds up.', null);
      settle();
      return;
    }
    const r = (full ?? quick).evaluate(value, context());
    const score = r.strength ? r.strength.score : r.accepted ? 4 : 1;
    meter.dataset.score = String(score);
    meter.style.width = `${Math.max(8, score * 25)}%`;
    if (!r.accepted) {
      render(verdictEl, reasonsEl, 'rejected', 'This password can’t be used:', r);
    } else if (!full && (breached === 'idle' || breached === 'loading' || breached === 'failed')) {
      // Everything else passes, but the breached list has not been checked yet.
      render(verdictEl, reasonsEl, 'pending', 'Looks good so far — the breached-password check is pending.', r);
    } else {
      render(verdictEl, reasonsEl, 'accepted', 'Good choice: this password can be used.', r);
    }
    settle();
  }

  // data-busy tells tests and integrators whether the verdict shown is for the current input.
  const settle = () => {
    verdictEl.dataset.busy = timer === undefined ? 'false' : 'true';
  };

  const schedule = () => {
    loadFilter();
    clearTimeout(timer);
    verdictEl.dataset.busy = 'true';
    timer = setTimeout(() => {
      timer = undefined;
      judge();
    }, DEBOUNCE_MS);
  };

  for (const input of [password, firstName, lastName, email]) input.addEventListener('input', schedule);
  confirm.addEventListener('input', judgeMatch);
  password.addEventListener('focus', loadFilter);
  el<HTMLInputElement>('show').addEventListener('change', (e) => {
    const type = (e.target as HTMLInputElement).checked ? 'text' : 'password';
    password.type = type;
    confirm.type = type;
  });

  el<HTMLFormElement>('reset').addEventListener('submit', (e) => {
    e.preventDefault();
    judgeMatch();
    if (confirm.value !== password.value) {
      render(serverEl, null, 'rejected', 'The two passwords do not match.', null);
      return;
    }
    submit.disabled = true;
    render(serverEl, null, 'pending', 'Asking the server…', null);
    (async () => {
      const res = await fetch(new URL('v1/evaluate', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: password.value, context: context() }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const r = (await res.json()) as EvaluationResult;
      const reason = r.feedback.warning ?? 'This password can’t be used.';
      render(serverEl, null, r.accepted ? 'accepted' : 'rejected', r.accepted ? 'The server accepted this password. (A real form would save it now.)' : `The server refused it: ${reason}`, r);
    })()
      .catch(() => render(serverEl, null, 'pending', 'The server could not be reached; please try again.', null))
      .finally(() => {
        submit.disabled = false;
      });
  });

  verdictEl.dataset.ready = 'true';
  showBreached();
  judge();
}
