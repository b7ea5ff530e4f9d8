// The sign-in page, the pages that say why someone may not come in, and the one that says the console cannot
// serve at all just now. Nothing here shows a token back.
import { html } from './html.ts';
import { page } from './layout.ts';

export interface SignInOptions {
  /** The identity provider's name for the sign-in link; null when none is configured. */
  providerName: string | null;
  /** The form's one-time value when client tokens may be pasted (a sandbox only); null otherwise. */
  tokenNonce: string | null;
  error?: string | null;
}

export function signInPage(options: SignInOptions): string {
  const { providerName, tokenNonce, error = null } = options;
  const body = html`
${error ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>You are not signed in</h2><p>${error}</p></div>` : ''}
<p class="lead">For Senior Responsible Officers and Data Protection Officers.</p>
${
  providerName
    ? html`<p><a class="button" href="/console/sign-in/oidc">Sign in with ${providerName}</a></p>
<p class="hint">Your role in the console comes from the gateway's register of people. If you have none, a registry administrator can give you one.</p>`
    : ''
}
${!providerName && !tokenNonce ? html`<p>Sign-in is not set up on this gateway: its administrator sets the <code>OIDC_*</code> settings to connect the department's identity provider.</p>` : ''}
${
  tokenNonce
    ? html`${providerName ? html`<h2>Or, in this sandbox, with a client token</h2>` : ''}
<form class="stack" method="post" action="/console/sign-in" autocomplete="off">
<input type="hidden" name="signin" value="${tokenNonce}">
<label for="token">Your client token</label>
<p class="hint" id="token-hint">A JWT signed with your registered key, at most 15 minutes old, with a token id (jti). From the sandbox:
<code>npm run --silent token -- sro</code>. Each token signs in once; the session it opens lasts a working day at most and ends after 30 minutes idle.</p>
<textarea id="token" name="token" aria-describedby="token-hint" required spellcheck="false"></textarea>
<button type="submit">Sign in</button>
</form>`
    : ''
}`;
  return page('Sign in to the console', body, null);
}

export function refusedPage(title: string, detail: string): string {
  return page(
    title,
    html`<p class="lead">${detail}</p><p><a href="/console/sign-in">Sign in with another identity</a></p>`,
    null,
  );
}

/**
 * The identity provider knows the person, but the register of people gives them no console role. They are shown
 * their own provider identifier (to pass to a registry administrator) and the audit entry that recorded the refusal.
 */
export function notInRegisterPage(subject: string, reference: string): string {
  return page(
    'You do not have access to the console',
    html`
<p class="lead">Your identity provider signed you in, but the gateway's register of people gives you no role in the console, so you have not been let in.</p>
<p>To be given one, ask a registry administrator to add you, quoting your identifier at the identity provider:</p>
<p><code>${subject}</code></p>
<p class="hint">This refusal is recorded in the audit log as entry <code>${reference}</code>.</p>
<p><a href="/console/sign-in">Back to sign in</a></p>`,
    null,
  );
}

/**
 * After the provider's redirect. The session cookie is SameSite=Strict, which a browser does not send on a redirect
 * that began on another site; a refresh from this page is a navigation from the console's own site, so it is sent.
 */
export function signedInPage(): string {
  return page(
    'Signed in',
    html`<p class="lead">You are signed in. <a href="/console">Continue to the console</a>.</p>`,
    null,
  ).replace('<head>', '<head>\n<meta http-equiv="refresh" content="0; url=/console">');
}

export function providerUnavailablePage(): string {
  return page(
    'Sign-in is unavailable',
    html`<p class="lead">The identity provider cannot be reached just now, so nobody can sign in. Try again in a few minutes.</p>`,
    null,
  );
}

/** While the database cannot be reached: nothing can be shown or done, and nothing about why is for the visitor. */
export function unavailablePage(): string {
  return page(
    'The service is unavailable',
    html`<p class="lead">The console cannot reach its database just now, so nothing can be shown or done. Try again in a few minutes.</p>`,
    null,
  );
}
