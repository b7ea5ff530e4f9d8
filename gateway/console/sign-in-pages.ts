// The sign-in page, the page that says why someone may not come in, and the one that says the console cannot
// serve at all just now. Nothing here shows a token back.
import { html } from './html.ts';
import { page } from './layout.ts';

export function signInPage(nonce: string, error: string | null = null): string {
  const body = html`
${error ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>You are not signed in</h2><p>${error}</p></div>` : ''}
<p class="lead">For Senior Responsible Officers and Data Protection Officers. Sign in with your client identity: the same
short-lived, signed token the API takes, presented once.</p>
<form class="stack" method="post" action="/console/sign-in" autocomplete="off">
<input type="hidden" name="signin" value="${nonce}">
<label for="token">Your client token</label>
<p class="hint" id="token-hint">A JWT signed with your registered key, at most 15 minutes old, with a token id (jti). From the sandbox:
<code>npm run --silent token -- sro</code>. Each token signs in once; the session it opens lasts a working day at most and ends after 30 minutes idle.</p>
<textarea id="token" name="token" aria-describedby="token-hint" required spellcheck="false"></textarea>
<button type="submit">Sign in</button>
</form>`;
  return page('Sign in to the console', body, null);
}

export function refusedPage(title: string, detail: string): string {
  return page(title, html`<p class="lead">${detail}</p><p><a href="/console/sign-in">Sign in with another identity</a></p>`, null);
}

/** While the database cannot be reached: nothing can be shown or done, and nothing about why is for the visitor. */
export function unavailablePage(): string {
  return page('The service is unavailable', html`<p class="lead">The console cannot reach its database just now, so nothing can be shown or done. Try again in a few minutes.</p>`, null);
}
