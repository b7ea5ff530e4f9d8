// Console sign-in at the department's identity provider, under /console/sign-in: /oidc sends the browser off with
// state, nonce and a PKCE challenge, whose secrets stay here under the id a cookie names (SameSite=Lax and scoped to
// /console/sign-in: it must come back with the provider's cross-site redirect); /callback checks the answer, redeems
// the code and opens a session for a person the register of people knows. Every refusal of a sign-in that began here
// is audited (sessions.ts); a callback with none behind it is refused without a write.
import express, { type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { attemptCookieName, readCookie, sessionCookieName, writeCookie } from './cookies.ts';
import { SignInFailed, type RelyingParty } from './oidc.ts';
import { sessionLimits, type Sessions } from './sessions.ts';
import { attemptLifetimeSeconds, type SignInAttempts } from './sign-in-attempts.ts';
import { notInRegisterPage, providerUnavailablePage, refusedPage, signedInPage } from './sign-in-pages.ts';

export interface OidcRouteDeps {
  relyingParty: RelyingParty | null;
  attempts: SignInAttempts;
  sessions: Pick<Sessions, 'refuse' | 'signInPerson'>;
  secureCookies: boolean;
  logger: Pick<Logger, 'warn'>;
  send(res: Response, status: number, body: string): unknown;
}

export function oidcSignInRoutes(deps: OidcRouteDeps): Router {
  const router = express.Router();
  const attemptCookie = (res: Response, value: string, maxAgeSeconds: number) =>
    writeCookie(res, attemptCookieName, value, {
      secure: deps.secureCookies,
      path: '/console/sign-in',
      maxAgeSeconds,
      sameSite: 'Lax',
    });

  router.get('/oidc', async (_req, res, next) => {
    try {
      if (!deps.relyingParty)
        return deps.send(res, 404, refusedPage('Page not found', 'No identity provider is set up on this gateway.'));
      const { url, secrets } = await deps.relyingParty.begin();
      attemptCookie(res, await deps.attempts.keep(secrets), attemptLifetimeSeconds);
      res.redirect(303, url.href);
    } catch (error) {
      if (error instanceof SignInFailed && error.reason === 'provider-unreachable') {
        deps.logger.warn({ reason: error.message }, 'identity provider unreachable; sign-in answered 503');
        return deps.send(res, 503, providerUnavailablePage());
      }
      next(error);
    }
  });

  router.get('/callback', async (req, res, next) => {
    try {
      if (!deps.relyingParty)
        return deps.send(res, 404, refusedPage('Page not found', 'No identity provider is set up on this gateway.'));
      attemptCookie(res, '', 0);
      const secrets = await deps.attempts.take(readCookie(req, attemptCookieName));
      const startAgain = 'This sign-in did not start here, was used already or took too long. Nothing was done.';
      // Nothing to tie the request to a sign-in that began here: refused and not audited, so that a stream of forged
      // callbacks cannot fill the log.
      if (!secrets) return deps.send(res, 403, refusedPage('Start again', startAgain));
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      if (new URLSearchParams(query).get('state') !== secrets.state) {
        await deps.sessions.refuse('state-mismatch');
        return deps.send(res, 403, refusedPage('Start again', startAgain));
      }
      let person;
      try {
        person = await deps.relyingParty.finish(query, secrets);
      } catch (error) {
        if (!(error instanceof SignInFailed)) throw error;
        if (error.reason === 'provider-unreachable') {
          deps.logger.warn({ reason: error.message }, 'identity provider unreachable; sign-in answered 503');
          return deps.send(res, 503, providerUnavailablePage());
        }
        const reference = await deps.sessions.refuse(error.reason);
        deps.logger.warn({ reason: error.reason, auditId: reference }, 'console sign-in refused');
        return deps.send(
          res,
          403,
          refusedPage(
            'You could not be signed in',
            `The identity provider's answer could not be accepted, so you have not been signed in. This is recorded as audit entry ${reference}.`,
          ),
        );
      }
      const opened = await deps.sessions.signInPerson({ subject: person.subject, groups: person.groups }, person.name);
      if ('refusedAs' in opened) return deps.send(res, 403, notInRegisterPage(person.subject, opened.refusedAs));
      writeCookie(res, sessionCookieName(deps.secureCookies), opened.id, {
        secure: deps.secureCookies,
        path: '/',
        maxAgeSeconds: sessionLimits.absoluteMs / 1000,
      });
      deps.send(res, 200, signedInPage());
    } catch (error) {
      next(error);
    }
  });

  return router;
}
