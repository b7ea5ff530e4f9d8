// The console: server-rendered pages for SROs and DPOs under /console, signed in with the same client identities and
// roles as the API (see sessions.ts). Forms are CSRF-protected by a per-session token, SameSite=Strict cookies and an
// origin check; no personal data travels in a URL (the subject report is a POST); a partner is refused.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { validatorFor } from '../../contracts/openapi.ts';
import type { CheckpointRow } from '../../audit/checkpoints.ts';
import type { AuditQuery, AuditReader } from '../../audit/read.ts';
import type { SubjectQuery, SubjectReport } from '../../audit/subject-report.ts';
import type { VerificationResult } from '../../audit/verify.ts';
import type { ChainHealth } from '../../audit/chain-health.ts';
import type { WitnessWithLatest } from '../../audit/witnesses.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import { isDatabaseUnavailable } from '../../platform/db/unavailable.ts';
import { exchanges } from '../exchanges/catalogue.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { safeError } from '../../platform/logger.ts';
import type { Measures } from '../measures/service.ts';
import { ruleIds } from '../policy/types.ts';
import { readCookie, sessionCookieName, signInCookieName, writeCookie } from './cookies.ts';
import type { RelyingParty } from './oidc.ts';
import { oidcSignInRoutes } from './oidc-routes.ts';
import type { SignInAttempts } from './sign-in-attempts.ts';
import type { Viewer } from './layout.ts';
import { searchPage, subjectPage, verificationPage } from './pages/dpo-pages.ts';
import { entryPage } from './pages/entry-page.ts';
import { londonMidnight } from './london-time.ts';
import { registerData, type RegisterReads } from './register-data.ts';
import { collaborationPage } from './pages/collaboration-page.ts';
import { directivesPage } from './pages/directives-page.ts';
import { registerPage } from './pages/register-page.ts';
import { randomToken, sameSecret, sessionLimits, type Sessions } from './sessions.ts';
import { refusedPage, signInPage, unavailablePage } from './sign-in-pages.ts';
import { consoleCss } from './styles.ts';
import { mountActions, notices, type ActionDeps } from './action-routes.ts';
import { addDays } from '../measures/periods.ts';
import { auditConsoleAction, mountMoreActions, moreNotices, type MoreActionDeps } from './more-action-routes.ts';
import { mountJointReviewActions, type JointReviewActionDeps } from './joint-review-routes.ts';

export interface ConsoleDeps {
  sessions: Sessions;
  register: RegisterReads;
  measures: Measures;
  reader: AuditReader;
  subjectReport(query: SubjectQuery): Promise<SubjectReport>;
  /** Verifies the whole log and records what it found (a pass clears a broken chain, a failure raises it). */
  verify(): Promise<VerificationResult>;
  /** Whether the audit chain is known to be broken. */
  chain?: { refresh(): Promise<ChainHealth> };
  checkpoints(): Promise<CheckpointRow[]>;
  /** The registered witnesses, each with the largest checkpoint it cosigned. */
  witnesses(): Promise<WitnessWithLatest[]>;
  head(): Promise<number>;
  today(): IsoDate;
  /** Sign-in at the department's identity provider; null when none is configured. */
  relyingParty: RelyingParty | null;
  attempts: SignInAttempts;
  /** Whether a client token may be pasted to sign in: a sandbox only. */
  tokenSignIn: boolean;
  /** The register commands the API's routes call, for the SRO's actions (action-routes.ts). */
  commands: ActionDeps['commands'] & MoreActionDeps['commands'];
  /** The joint-review workflow (mou-registry/reviews): the SRO holds a review, signs off, closes an action. */
  reviews: MoreActionDeps['reviews'] & JointReviewActionDeps['reviews'];
  /** The audit log's appender, for the DPO's actions that change nothing but are still accounted for. */
  audit: MoreActionDeps['audit'];
  /** The audit export the API's GET /v1/audit/export streams. */
  exportLines: MoreActionDeps['exportLines'];
  /** Cookies are Secure (and __Host-) when the gateway is served over https. */
  secureCookies: boolean;
  logger: Pick<Logger, 'error' | 'warn'>;
}

export type Page = (req: Request, res: Response, viewer: Viewer) => Promise<string | void>;

const exchangeIds = exchanges.map((e) => e.id).sort();
const validSubject = validatorFor('AuditSubjectQuery');

/** A form may only come from the console's own pages: browsers say where a request came from. */
function sameOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && !['same-origin', 'none'].includes(site)) return false;
  const origin = req.get('origin');
  if (origin === undefined) return true;
  // Under the gateway's Referrer-Policy: no-referrer, browsers send "Origin: null"; Sec-Fetch-Site then decides.
  if (origin === 'null') return site === 'same-origin';
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export function consoleRouter(deps: ConsoleDeps): Router {
  const router = express.Router();
  const cookie = sessionCookieName(deps.secureCookies);
  const forms = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 });

  const send = (res: Response, status: number, body: string) => {
    // RFC 7235: a 401 names a scheme. The console's is the bearer token presented once at sign-in.
    if (status === 401) res.setHeader('www-authenticate', 'Bearer');
    return res.status(status).type('html').send(body);
  };

  function guarded(roles: string[], handler: Page, post = false) {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        const session = await deps.sessions.lookup(readCookie(req, cookie));
        if (!session) {
          if (post)
            return send(
              res,
              401,
              refusedPage('Your session has ended', 'Sign in again to carry on. Nothing was done.'),
            );
          return res.redirect(303, '/console/sign-in');
        }
        if (!session.roles.some((r) => roles.includes(r))) {
          return send(
            res,
            403,
            refusedPage('Not for your role', `This page is for ${roles.join(' and ')} roles only.`),
          );
        }
        if (
          post &&
          (!sameOrigin(req) || typeof req.body?.csrf !== 'string' || !sameSecret(req.body.csrf, session.csrf))
        ) {
          return send(
            res,
            403,
            refusedPage(
              'That form could not be accepted',
              'It did not come from this console (its check token did not match). Nothing was done.',
            ),
          );
        }
        const out = await handler(req, res, session);
        if (typeof out === 'string') send(res, 200, out);
      } catch (error) {
        next(error);
      }
    };
  }

  router.get('/assets/console.css', (_req, res) => {
    res.type('text/css').send(consoleCss);
  });

  const providerName = deps.relyingParty?.providerName ?? null;
  /** The sign-in page, with a fresh one-time value for the token form when tokens may be pasted. */
  const signInForm = (res: Response, status: number, error: string | null = null) => {
    let tokenNonce: string | null = null;
    if (deps.tokenSignIn) {
      tokenNonce = randomToken();
      writeCookie(res, signInCookieName, tokenNonce, {
        secure: deps.secureCookies,
        path: '/console',
        maxAgeSeconds: 600,
      });
    }
    return send(res, status, signInPage({ providerName, tokenNonce, error }));
  };

  router.get('/sign-in', async (req, res, next) => {
    try {
      if (await deps.sessions.lookup(readCookie(req, cookie))) return res.redirect(303, '/console');
      signInForm(res, 200);
    } catch (error) {
      next(error);
    }
  });

  router.post('/sign-in', forms, async (req, res, next) => {
    try {
      if (!deps.tokenSignIn)
        return send(
          res,
          404,
          refusedPage(
            'Page not found',
            'Signing in with a client token is for the sandbox only. Sign in with your identity provider.',
          ),
        );
      const nonce = readCookie(req, signInCookieName);
      if (!nonce || typeof req.body?.signin !== 'string' || !sameSecret(req.body.signin, nonce) || !sameOrigin(req)) {
        return send(
          res,
          403,
          refusedPage(
            'Start again',
            'The sign-in form had expired or did not come from this console. Open the sign-in page again.',
          ),
        );
      }
      const token = typeof req.body.token === 'string' ? req.body.token : '';
      let opened;
      try {
        opened = await deps.sessions.signIn(token);
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        if (error.code === 'forbidden')
          return send(res, 403, refusedPage('The console is not for this identity', error.detail));
        return signInForm(res, 401, error.detail);
      }
      writeCookie(res, signInCookieName, '', { secure: deps.secureCookies, path: '/console', maxAgeSeconds: 0 });
      writeCookie(res, cookie, opened.id, {
        secure: deps.secureCookies,
        path: '/',
        maxAgeSeconds: sessionLimits.absoluteMs / 1000,
      });
      res.redirect(303, '/console');
    } catch (error) {
      next(error);
    }
  });

  router.use('/sign-in', oidcSignInRoutes({ ...deps, send }));

  router.post(
    '/sign-out',
    forms,
    guarded(
      ['sro', 'dpo', 'partner', 'registry-admin'],
      async (req, res) => {
        await deps.sessions.end(readCookie(req, cookie));
        writeCookie(res, cookie, '', { secure: deps.secureCookies, path: '/', maxAgeSeconds: 0 });
        res.redirect(303, '/console/sign-in');
      },
      true,
    ),
  );

  router.get(
    '/',
    guarded(['sro', 'dpo'], async (_req, res, viewer) => {
      res.redirect(303, viewer.roles.includes('sro') ? '/console/register' : '/console/dpo');
    }),
  );

  router.get(
    '/register',
    guarded(['sro', 'dpo'], async (_req, _res, viewer) => {
      const data = await registerData(deps.register, deps.today());
      const [measures, signals] = await Promise.all([
        deps.measures.report(deps.measures.defaultWindow()),
        deps.measures.signals(),
      ]);
      return registerPage(viewer, {
        asOf: deps.today(),
        scorecards: data.scorecards,
        measures,
        signals: signals.signals,
      });
    }),
  );

  mountActions(router, guarded, forms, { commands: deps.commands, register: deps.register });
  mountMoreActions(router, guarded, forms, { ...deps, exchanges: exchangeIds });
  mountJointReviewActions(router, guarded, forms, deps);

  router.get(
    '/collaborations/:collaborationId',
    guarded(['sro', 'dpo'], async (req, _res, viewer) => {
      const id = String(req.params.collaborationId);
      const data = await registerData(deps.register, deps.today(), id);
      const collaboration = data.collaborations[0];
      if (!collaboration) throw new GatewayError('not-found', 'There is no such collaboration in the register');
      const window = deps.measures.defaultSeriesWindow();
      const [m, signals] = await Promise.all([
        deps.measures.collaboration(id, window, 'week'),
        deps.measures.signals(),
      ]);
      const jointReviews = [];
      for (const a of data.agreements)
        for (const ver of a.versions)
          jointReviews.push({
            agreementId: a.id,
            title: a.title,
            version: ver.version,
            reviews: await deps.reviews.list(a.id, ver.version),
          });
      return collaborationPage(viewer, {
        collaboration,
        scorecard: data.scorecards[0]!,
        agreements: data.agreements,
        measures: m.measures,
        series: m.series,
        window,
        logHead: m.logHead,
        signals: signals.signals.filter((s) => s.collaborationId === id),
        notice: notices[String(req.query.done)] ?? null,
        jointReviews,
        reported: m.reported ?? [],
        obligations: m.obligations ?? null,
      });
    }),
  );

  router.get(
    '/directives',
    guarded(['sro', 'dpo'], async (req, _res, viewer) => {
      const today = deps.today();
      const window = { from: addDays(today, -364), to: today };
      const [directives, report, signals] = await Promise.all([
        deps.register.directives(),
        deps.measures.report(window),
        deps.measures.signals(),
      ]);
      return directivesPage(viewer, {
        notice: notices[String(req.query.done)] ?? moreNotices[String(req.query.done)] ?? null,
        today,
        directives,
        sharing: report.directives,
        window,
        signals: signals.signals.filter((s) => s.code === 'directive-lapsing'),
      });
    }),
  );

  router.get(
    '/dpo',
    guarded(['dpo'], async (_req, _res, viewer) =>
      subjectPage(viewer, { chain: (await deps.chain?.refresh()) ?? null }),
    ),
  );

  router.post(
    '/dpo/subject-report',
    forms,
    guarded(
      ['dpo'],
      async (req, _res, viewer) => {
        const fields = ['nino', 'forename', 'surname', 'dateOfBirth', 'homeOfficeReference'] as const;
        const query = Object.fromEntries(
          fields.flatMap((f) =>
            typeof req.body[f] === 'string' && req.body[f].trim() !== '' ? [[f, req.body[f].trim()]] : [],
          ),
        );
        if (!validSubject(query)) {
          const errors =
            Object.keys(query).length === 0 ||
            (validSubject.errors ?? []).some((e) => ['oneOf', 'dependentRequired'].includes(e.keyword))
              ? [
                  'Name the person one way only: a NINo; or forename, surname and date of birth together; or a Home Office reference.',
                ]
              : (validSubject.errors ?? []).map(
                  (e) => `${e.instancePath.slice(1) || 'A field'} is not in the expected format.`,
                );
          return subjectPage(viewer, { errors: [...new Set(errors)] });
        }
        return subjectPage(viewer, { report: await deps.subjectReport(query as SubjectQuery) });
      },
      true,
    ),
  );

  router.get(
    '/dpo/search',
    guarded(['dpo'], async (req, _res, viewer) => {
      const raw = Object.fromEntries(
        Object.entries(req.query).flatMap(([k, v]) => (typeof v === 'string' && v !== '' ? [[k, v]] : [])),
      );
      const errors: string[] = [];
      const q: AuditQuery = { limit: 50 };
      const day = /^\d{4}-\d{2}-\d{2}$/;
      if (raw.exchange)
        exchangeIds.includes(raw.exchange)
          ? (q.exchange = raw.exchange)
          : errors.push('Choose an exchange from the list.');
      if (raw.decision)
        ['permit', 'deny'].includes(raw.decision)
          ? (q.decision = raw.decision as 'permit')
          : errors.push('Choose permit or deny.');
      if (raw.kind)
        ['decision', 'lookup', 'outcome', 'feedback', 'dry-run', 'register-change', 'console-access'].includes(raw.kind)
          ? (q.kind = raw.kind as 'decision')
          : errors.push('Choose a kind from the list.');
      if (raw.rule)
        (ruleIds as readonly string[]).includes(raw.rule)
          ? (q.rule = raw.rule)
          : errors.push('Choose a rule from the list.');
      if (raw.party)
        /^[a-z0-9][a-z0-9.-]{1,63}$/.test(raw.party)
          ? (q.party = raw.party)
          : errors.push('A party is a register code such as home-office-ie.');
      // Days are London days, as decisions are dated: from the first instant of From to the last of Up to.
      const isDay = (v: string) =>
        day.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
      if (raw.from)
        isDay(raw.from)
          ? (q.from = londonMidnight(raw.from))
          : errors.push('From must be a day written as YYYY-MM-DD, for example 2026-11-01.');
      if (raw.to)
        isDay(raw.to)
          ? (q.to = londonMidnight(addDays(raw.to, 1)))
          : errors.push('Up to must be a day written as YYYY-MM-DD, for example 2026-11-30.');
      if (raw.before)
        /^[1-9]\d{0,15}$/.test(raw.before)
          ? (q.before = Number(raw.before))
          : errors.push('That page cursor is not valid.');
      if (q.from && q.to && q.from >= q.to) errors.push('From must be on or before Up to.');
      const page = errors.length === 0 ? await deps.reader.search(q) : null;
      const shown = Object.fromEntries(
        Object.entries(raw).filter(([k]) =>
          ['exchange', 'decision', 'kind', 'rule', 'party', 'from', 'to'].includes(k),
        ),
      );
      return searchPage(viewer, { query: shown, exchanges: exchangeIds, rules: ruleIds, page, errors });
    }),
  );

  router.get(
    '/dpo/entries/:auditId',
    guarded(['dpo'], async (req, _res, viewer) => {
      const id = String(req.params.auditId);
      const entry = /^[0-9a-f-]{36}$/i.test(id) ? await deps.reader.byId(id) : null;
      if (!entry) throw new GatewayError('not-found', 'There is no audit entry with that id');
      const [linked, agreements] = await Promise.all([deps.reader.outcomesOf(entry.id), deps.register.agreements()]);
      return entryPage(viewer, entry, linked, {
        collaborationOf: new Map(agreements.map((a) => [a.id, a.collaborationId])),
      });
    }),
  );

  const verification = async (viewer: Viewer, result: VerificationResult | null) => {
    const [checkpoints, head, chain, witnesses] = await Promise.all([
      deps.checkpoints(),
      deps.head(),
      deps.chain?.refresh() ?? null,
      deps.witnesses(),
    ]);
    return verificationPage(viewer, {
      head,
      checkpoint: checkpoints[checkpoints.length - 1] ?? null,
      result,
      chain,
      witnesses,
    });
  };
  router.get(
    '/dpo/verification',
    guarded(['dpo'], async (_req, _res, viewer) => verification(viewer, null)),
  );
  router.post(
    '/dpo/verification',
    forms,
    guarded(
      ['dpo'],
      async (_req, _res, viewer) => {
        const result = await deps.verify();
        await auditConsoleAction(deps.audit, viewer, {
          action: 'verification-run',
          ok: result.ok,
          head: result.head,
          checked: result.checked,
        });
        return verification(viewer, result);
      },
      true,
    ),
  );

  router.use((_req: Request, res: Response) =>
    send(res, 404, refusedPage('Page not found', 'There is no such console page.')),
  );
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof GatewayError)
      return send(
        res,
        error.status,
        refusedPage(error.status === 404 ? 'Not found' : 'That could not be done', error.detail),
      );
    const e = error as { type?: string; status?: number };
    if (e?.type === 'entity.too.large')
      return send(res, 413, refusedPage('Too large', 'That form was larger than the console accepts.'));
    if (typeof e?.status === 'number' && e.status < 500)
      return send(res, 400, refusedPage('That could not be read', 'The form could not be read.'));
    // As the API does (platform/http/middleware.ts): an outage is a 503 that clears by itself, not a fault to chase.
    if (isDatabaseUnavailable(error)) {
      deps.logger.warn({ requestId: req.id, error: safeError(error) }, 'database unreachable; console answered 503');
      return send(res, 503, unavailablePage());
    }
    deps.logger.error({ requestId: req.id, error: safeError(error) }, 'console page failed');
    send(
      res,
      500,
      refusedPage('Something went wrong', `The page could not be shown; it has been logged with request id ${req.id}.`),
    );
  });
  return router;
}
