/**
 * The demo reset form. Plain HTML with relative URLs, so the service also works behind a
 * path-prefix proxy; the script is a module (page/app.js) and nothing is inline, which lets the
 * page run under a strict Content-Security-Policy.
 *
 * The form can never send a password by itself (issue 20 item 1): its fields have no `name` (a
 * browser serialises only named fields), it posts — never GET, which would put fields in the URL,
 * history and proxy logs — to a route that refuses (page/not-ready), and its button stays
 * disabled (which also blocks submitting with Enter) until the page script has attached its own
 * submit handler, before it loads anything.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Choose a new password · passgate demo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="page/style.css">
<script type="module" src="page/app.js"></script>
</head>
<body>
<main class="card">
  <header>
    <p class="eyebrow">Account security</p>
    <h1>Choose a new password</h1>
    <p class="lede">Long and unusual beats short and clever. We check it as you type, and again when you submit.</p>
  </header>
  <form id="reset" method="post" action="page/not-ready" novalidate>
    <fieldset class="about">
      <legend>About you <span class="optional">(optional — lets us spot passwords built from your name)</span></legend>
      <div class="row">
        <label>First name <input id="firstName" autocomplete="given-name" spellcheck="false"></label>
        <label>Last name <input id="lastName" autocomplete="family-name" spellcheck="false"></label>
      </div>
      <label>Email <input id="email" type="email" autocomplete="email" spellcheck="false"></label>
    </fieldset>
    <label>New password
      <input id="password" type="password" autocomplete="new-password" spellcheck="false" autocapitalize="off" aria-describedby="verdict-region suggestions-block">
    </label>
    <div class="meter" aria-hidden="true"><div id="meter-fill" class="meter-fill" data-score="0"></div></div>
    <div id="verdict-region" class="verdict-region" role="status" aria-live="polite" aria-atomic="true">
      <p id="verdict" class="verdict" data-verdict="pending" data-generation="0">Type a password to see how it holds up.</p>
      <ul id="reasons" class="reasons" data-codes="" aria-label="Reasons"></ul>
    </div>
    <div id="suggestions-block" class="suggestions-block" hidden>
      <p class="suggestions-title" id="suggestions-title">How to make it stronger</p>
      <ul id="suggestions" class="suggestions" aria-labelledby="suggestions-title"></ul>
    </div>
    <p id="breached-status" class="note" data-state="idle">Breached-password check: starts when you type.</p>
    <p class="note" id="final-note">What this page shows is a first check. The server checks again when you submit, and its answer is final.</p>
    <label>Confirm new password
      <input id="confirm" type="password" autocomplete="new-password" spellcheck="false" autocapitalize="off">
    </label>
    <p id="match" class="note" data-match="empty"></p>
    <label class="show"><input id="show" type="checkbox"> Show passwords</label>
    <button id="submit" type="submit" disabled>Set password</button>
    <div id="server-verdict" class="server-verdict" data-verdict="" data-codes="" role="status" aria-live="polite"></div>
  </form>
  <footer>Checked by <a href="openapi.json">passgate</a>: banned terms, breached passwords, NIST SP 800-63B length rules and a strength estimate.</footer>
</main>
</body>
</html>
`;
