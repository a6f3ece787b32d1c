/** The demo page's stylesheet (served at /page/style.css; no inline styles, see html.ts). */
export const PAGE_CSS = `:root {
  --ink: #1d2433; --muted: #5b6475; --line: #d9dee8; --bg: #f3f5f9; --card: #fff;
  --ok: #1a7f4b; --ok-bg: #e7f6ee; --bad: #b42318; --bad-bg: #fdecea; --wait: #8a6100; --wait-bg: #fff6dd;
  --accent: #2f5bea;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; align-items: flex-start; justify-content: center; padding: 40px 16px; }
.card { width: 100%; max-width: 520px; background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 28px 32px; box-shadow: 0 8px 30px rgba(29,36,51,.08); }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 600; }
h1 { margin: 4px 0 6px; font-size: 24px; }
.lede { margin: 0 0 20px; color: var(--muted); font-size: 14px; line-height: 1.45; }
form { display: grid; gap: 12px; }
fieldset { border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px 14px; margin: 0 0 4px; display: grid; gap: 10px; }
legend { font-size: 13px; font-weight: 600; padding: 0 4px; }
.optional { font-weight: 400; color: var(--muted); }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
label { display: grid; gap: 5px; font-size: 14px; font-weight: 500; }
input[type=password], input[type=text], input[type=email], input:not([type]) {
  font: inherit; font-weight: 400; padding: 9px 11px; border: 1px solid var(--line); border-radius: 8px; width: 100%;
}
input:focus { outline: 2px solid var(--accent); outline-offset: 0; border-color: var(--accent); }
.meter { height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; margin-top: -4px; }
.meter-fill { height: 100%; width: 0; background: var(--bad); transition: width .2s, background .2s; }
.meter-fill[data-score="1"] { background: #d9480f; }
.meter-fill[data-score="2"] { background: #e0a100; }
.meter-fill[data-score="3"] { background: #5aa02c; }
.meter-fill[data-score="4"] { background: var(--ok); }
.verdict-region { display: grid; gap: 6px; }
.verdict, .server-verdict { margin: 0; border-radius: 8px; padding: 9px 12px; font-size: 14px; font-weight: 600; }
.verdict[data-verdict=provisional] { background: var(--ok-bg); color: var(--ok); }
.verdict[data-verdict=pending], .server-verdict[data-verdict=pending] { background: var(--wait-bg); color: var(--wait); }
.verdict[data-verdict=accepted], .server-verdict[data-verdict=accepted] { background: var(--ok-bg); color: var(--ok); }
.verdict[data-verdict=rejected], .server-verdict[data-verdict=rejected] { background: var(--bad-bg); color: var(--bad); }
.server-verdict[data-verdict=""] { display: none; }
.reasons { margin: 0; padding-left: 20px; font-size: 13.5px; line-height: 1.5; color: var(--ink); }
.reasons:empty { display: none; }
.suggestions-block { display: grid; gap: 2px; }
.suggestions-block[hidden] { display: none; }
.suggestions-title { margin: 0; font-size: 13px; font-weight: 600; color: var(--muted); }
.suggestions { margin: 0; padding-left: 20px; font-size: 13px; line-height: 1.5; color: var(--muted); }
.note { margin: 0; font-size: 12.5px; color: var(--muted); }
.note[data-state=loading] { color: var(--wait); }
.note[data-state=failed] { color: var(--bad); }
.note[data-match=no] { color: var(--bad); }
.note[data-match=yes] { color: var(--ok); }
.show { display: flex; align-items: center; gap: 6px; font-weight: 400; color: var(--muted); font-size: 13px; }
button { font: inherit; font-weight: 600; padding: 10px 14px; border-radius: 8px; border: 0; background: var(--accent); color: #fff; cursor: pointer; }
button:disabled { opacity: .6; cursor: progress; }
footer { margin-top: 18px; font-size: 12px; color: var(--muted); }
footer a { color: inherit; }
@media (max-width: 480px) { .row { grid-template-columns: 1fr; } .card { padding: 20px; } }
`;
