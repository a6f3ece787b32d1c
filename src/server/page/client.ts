/**
 * The demo page's script. It runs in the browser, not in Node: the server sends this function's
 * source text (see app-script.ts), so it must be self-contained — it may use its parameters and
 * browser globals only, never an import or a module-level name of this file. Written in
 * TypeScript so the compiler checks it against the DOM and the library's types.
 */
import type * as Passgate from '../../browser.js';
import type { EvaluationResult } from '../../engine/evaluate.js';
import type { PageConfig } from '../service-state.js';

/**
 * The page's own verdict is never final: `provisional` (everything this page checked passes),
 * `rejected`, or `pending` (nothing typed, or the breached list still loading). Only the server's
 * answer on submit says `accepted`: the page may hold a smaller breached list than the server.
 */
type Verdict = 'accepted' | 'provisional' | 'rejected' | 'pending';
/** What the page shows for one input; also `window.passgateDemo.verdictFor` (integrations, tests). */
interface Shown {
  readonly verdict: Verdict;
  readonly codes: string;
  /** The meter's 0–4: the strength, but never above 1 for a password that is refused. */
  readonly meter: number;
}

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
  const suggestionsBlock = el('suggestions-block');
  const suggestionsEl = el('suggestions');
  const breachedEl = el('breached-status');
  const matchEl = el('match');
  const meter = el('meter-fill');
  const serverEl = el('server-verdict');
  const submit = el<HTMLButtonElement>('submit');

  const context = (values = { firstName: firstName.value, lastName: lastName.value, email: email.value }) => {
    const ctx: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v && v.trim()) ctx[k] = v.trim();
    return ctx;
  };

  const rejectingCodes = (r: EvaluationResult | null) =>
    r ? [...new Set(r.findings.filter((f) => f.severity === 'reject').map((f) => String(f.code)))].join(' ') : '';

  const showServer = (verdict: Verdict | '', headline: string, r: EvaluationResult | null) => {
    serverEl.dataset.verdict = verdict;
    serverEl.dataset.codes = rejectingCodes(r);
    serverEl.textContent = headline;
  };

  const judgeMatch = () => {
    const state = confirm.value === '' ? 'empty' : confirm.value === password.value ? 'yes' : 'no';
    matchEl.dataset.match = state;
    matchEl.textContent = state === 'yes' ? 'The passwords match.' : state === 'no' ? 'The passwords do not match.' : '';
  };

  // Submitting is this script's job alone, and its handler is attached before anything is awaited:
  // a submit while the lists load, or after they failed to, still asks the server by fetch and
  // never lets the browser send the form (html.ts). The server's answer is final either way.
  el<HTMLFormElement>('reset').addEventListener('submit', (e) => {
    e.preventDefault();
    judgeMatch();
    if (confirm.value !== password.value) {
      showServer('rejected', 'The two passwords do not match.', null);
      return;
    }
    submit.disabled = true;
    showServer('pending', 'Asking the server…', null);
    (async () => {
      const res = await fetch(new URL('v1/evaluate', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: password.value, context: context() }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const r = (await res.json()) as EvaluationResult;
      const reason = r.feedback.warning ?? 'This password can’t be used.';
      // The server's answer is final, whatever the page showed while typing.
      showServer(
        r.accepted ? 'accepted' : 'rejected',
        r.accepted ? 'Final check: the server accepted this password. (A real form would save it now.)' : `Final check: the server refused it. ${reason}`,
        r,
      );
    })()
      .catch(() => showServer('pending', 'The server could not be reached; please try again.', null))
      .finally(() => {
        submit.disabled = false;
      });
  });
  submit.disabled = false;

  // The server's own options and lists: the same profile and terms give the same verdict; the
  // breached list may be a smaller tier than the server's (see showBreached).
  const [config, policy] = await Promise.all([
    fetch(new URL('page/config.json', base)).then((r) => r.json() as Promise<PageConfig>),
    fetch(new URL('v1/policy', base)).then((r) => (r.ok ? (r.json() as Promise<Passgate.PolicyDescription>) : null)).catch(() => null),
  ]);
  const serverEntries = policy?.lists.breached?.entries ?? null;
  const quick = await lib.createChecker({ ...config.options, breached: false });
  let full: Passgate.Checker | null = null;
  let breached: 'idle' | 'loading' | 'ready' | 'failed' | 'off' = config.breached ? 'idle' : 'off';
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;


  const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'password' : 'passwords'}`;
  const showBreached = () => {
    breachedEl.dataset.state = breached;
    const here = config.breached ? `${Math.round(config.breached.bytes / 1024)} KB, the ${count(config.breached.entries)} most often breached` : '';
    const smaller = config.breached && serverEntries !== null && serverEntries > config.breached.entries;
    const server = smaller ? `; the server checks ${count(serverEntries)} when you submit` : '';
    breachedEl.textContent = {
      idle: 'Breached-password check: starts when you type.',
      loading: `Breached-password check: pending — loading the list (${here})…`,
      ready: `Breached-password check on this page: ready (${here}${server}).`,
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


  /** The page's verdict for one evaluation: the one rule every view of it follows. */
  const decide = (r: EvaluationResult): Shown => {
    const strength = r.strength ? r.strength.score : r.accepted ? 4 : 1;
    if (!r.accepted) return { verdict: 'rejected', codes: rejectingCodes(r), meter: Math.min(strength, 1) };
    // Everything this page checked passes; the breached list may not have been checked yet.
    const waiting = !full && (breached === 'idle' || breached === 'loading' || breached === 'failed');
    return { verdict: waiting ? 'pending' : 'provisional', codes: '', meter: strength };
  };

  const HEADLINES: Record<Verdict, string> = {
    rejected: 'This password can’t be used:',
    pending: 'Looks good so far — the breached-password check is still pending. The server checks it again when you submit.',
    provisional: 'Looks good so far. The server makes the final check when you submit.',
    accepted: 'The server accepted this password.',
  };

  const fillList = (list: HTMLElement, items: readonly { text: string; code?: string }[]) => {
    list.replaceChildren();
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.text)) continue;
      seen.add(item.text);
      const li = doc.createElement('li');
      if (item.code) li.dataset.code = item.code;
      li.textContent = item.text;
      list.append(li);
    }
  };

  const showVerdict = (shown: Shown | null, r: EvaluationResult | null) => {
    const verdict = shown ? shown.verdict : 'pending';
    verdictEl.dataset.verdict = verdict;
    verdictEl.dataset.codes = shown ? shown.codes : '';
    verdictEl.textContent = shown ? HEADLINES[verdict] : 'Type a password to see how it holds up.';
    reasonsEl.dataset.codes = shown ? shown.codes : '';
    // The reasons sit inside the live region with the headline, so a screen reader hears them.
    fillList(reasonsEl, r && verdict === 'rejected' ? r.findings.filter((f) => f.severity === 'reject').map((f) => ({ text: f.message ?? String(f.code), code: String(f.code) })) : []);
    const tips = r && verdict === 'rejected' ? r.feedback.suggestions.slice(0, 2) : [];
    fillList(suggestionsEl, tips.map((text) => ({ text })));
    suggestionsBlock.hidden = tips.length === 0;
    const score = shown ? shown.meter : 0;
    meter.dataset.score = String(score);
    meter.style.width = shown ? `${Math.max(8, score * 25)}%` : '0';
  };



  function judge(): void {
    generation++;
    verdictEl.dataset.generation = String(generation);
    judgeMatch();
    const value = password.value;
    if (value === '') {
      showVerdict(null, null);
    } else {
      const r = (full ?? quick).evaluate(value, context());
      showVerdict(decide(r), r);
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


  // The same rule as the form, for a password given directly (integrations, the end-to-end test).
  const view = doc.defaultView as (Window & { passgateDemo?: unknown }) | null;
  if (view) {
    view.passgateDemo = {
      verdictFor: (pw: string, ctx: { firstName?: string; lastName?: string; email?: string } = {}): Shown =>
        decide((full ?? quick).evaluate(pw, context({ firstName: '', lastName: '', email: '', ...ctx }))),
      breachedState: () => breached,
    };
  }

  verdictEl.dataset.ready = 'true';
  showBreached();
  judge();
}
