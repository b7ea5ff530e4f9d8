// More of what SROs and DPOs do from the console (issue 15, "a console that acts"): an SRO issues a directive and
// signs off a joint review for the Home Office; a DPO exports the audit log. Each calls the service the API's route
// calls (the register's commands, the joint-review workflow, the audit export), so it is checked and audited the
// same way, with the signed-in person's client id as the actor; a DPO's export, which changes nothing, is audited
// as a console-access entry. Every POST carries the session's CSRF token (checked by the guard); an SRO's change
// happens only at the second step, a confirmation that says in words what will happen.
import type { RequestHandler, Response, Router } from 'express';
import type { AuditAppender } from '../../audit/append.ts';
import { consoleAccessEntry } from '../../audit/entry-kinds.ts';
import { ExportTooLargeError, type ExportRequest } from '../../audit/export.ts';
import type { EntryBodies } from '../../audit/types.ts';
import { fieldErrors, validatorFor } from '../../contracts/openapi.ts';
import type { RegisterCommands } from '../../mou-registry/commands.ts';
import type { JointReviews } from '../../mou-registry/reviews/joint-reviews.ts';
import type { Directive } from '../../mou-registry/types.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { addDays } from '../measures/periods.ts';
import type { Viewer } from './layout.ts';
import { londonMidnight } from './london-time.ts';
import { exportPage, type ExportValues } from './pages/dpo-export-page.ts';
import {
  homeOfficeAwaiting,
  issueDirectiveConfirmPage,
  issueDirectiveFormPage,
  jointReviewsPage,
  offeredKinds,
  signOffConfirmPage,
  signOffFormPage,
  type DirectiveValues,
  type SignOffValues,
  type VersionTarget,
} from './pages/sro-more-pages.ts';
import type { RegisterReads } from './register-data.ts';
import type { Page } from './router.ts';

export interface MoreActionDeps {
  commands: Pick<RegisterCommands, 'issueDirective'>;
  reviews: Pick<JointReviews, 'list' | 'signOff'>;
  register: RegisterReads;
  audit: AuditAppender;
  exportLines(request: ExportRequest, limit: number): AsyncGenerator<string>;
  exchanges: string[];
}

type Guard = (roles: string[], handler: Page, post?: boolean) => RequestHandler;

export const moreNotices: Record<string, string> = {
  issued: 'The directive was issued; it is in the register and the audit log.',
  'signed-off': 'The sign-off was recorded in the register and the audit log.',
  held: 'The joint review was recorded in the register and the audit log. It counts once every party has signed it off.',
  closed: 'The improvement action was closed; the closure is in the register and the audit log.',
};

/** The most the console exports at once, as the API does (audit/routes.ts). */
export const consoleExportLimit = 100_000;

type ConsoleAction = EntryBodies['console-access'];

/** A DPO's action that changes nothing is still the DPO's to account for: one console-access entry. */
export async function auditConsoleAction(
  audit: AuditAppender,
  viewer: Viewer,
  body: Omit<ConsoleAction, 'actor'>,
): Promise<void> {
  await audit.append(async () => ({
    entries: [consoleAccessEntry({ actor: viewer.clientId, ...body })],
    result: null,
  }));
}

const validDirective = validatorFor('Directive');
const day = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => day.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text).filter((x) => x !== '');
const refusal = (error: unknown) =>
  error instanceof GatewayError && error.status >= 400 && error.status < 500 && error.status !== 404
    ? error.detail
    : null;

const directiveMessages: Record<string, string> = {
  id: 'The directive code must be lower case letters, digits and hyphens, for example windrush-pause-2027.',
  title: 'Give the directive a title of at most 200 characters.',
  authority: 'Say who issued it, in at most 200 characters.',
  reference: 'The reference may be at most 200 characters.',
  effectiveFrom: 'The first day must be written as YYYY-MM-DD.',
  effectiveTo: 'The last day must be written as YYYY-MM-DD, or left empty.',
};

function directiveOf(v: DirectiveValues): { directive: Directive; errors: string[] } {
  const errors: string[] = [];
  if (!offeredKinds[v.kind]) errors.push('Choose what the directive does.');
  const age = Number(v.age);
  if (v.kind === 'pause-over-age' && !(/^\d{1,3}$/.test(v.age) && age >= 1 && age <= 150))
    errors.push('Give the age as whole years between 1 and 150.');
  const condition =
    v.kind === 'pause-over-age'
      ? { kind: v.kind, age, atExactAge: 'paused', whenAgeUnknown: 'paused' }
      : { kind: v.kind };
  const scope = {
    ...(v.exchanges.length ? { exchanges: v.exchanges } : {}),
    ...(v.purposeMode ? { purposeMode: v.purposeMode } : {}),
  };
  const directive = {
    id: v.id,
    title: v.title,
    authority: v.authority,
    scope,
    condition,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo || null,
    reference: v.reference,
  } as Directive;
  if (!v.title) errors.push(directiveMessages.title!);
  if (!v.authority) errors.push(directiveMessages.authority!);
  if (errors.length === 0 && !validDirective(directive)) {
    errors.push(
      ...fieldErrors(validDirective.errors).map(
        (e) => directiveMessages[e.field.split('.')[0]!] ?? 'The form could not be read; check each field.',
      ),
    );
  }
  return { directive, errors: [...new Set(errors)] };
}

export function mountMoreActions(router: Router, guard: Guard, forms: RequestHandler, deps: MoreActionDeps): void {
  // Issue a directive.
  const blank: DirectiveValues = {
    id: '',
    title: '',
    authority: '',
    reference: '',
    effectiveFrom: '',
    effectiveTo: '',
    kind: '',
    age: '',
    purposeMode: '',
    exchanges: [],
  };
  router.get(
    '/directives/new',
    guard(['sro'], async (_req, _res, viewer) => issueDirectiveFormPage(viewer, deps.exchanges, blank)),
  );
  router.post(
    '/directives/new',
    forms,
    guard(
      ['sro'],
      async (req, res, viewer) => {
        const b = req.body as Record<string, unknown>;
        const values: DirectiveValues = {
          id: text(b.id),
          title: text(b.title),
          authority: text(b.authority),
          reference: text(b.reference),
          effectiveFrom: text(b.effectiveFrom),
          effectiveTo: text(b.effectiveTo),
          kind: text(b.kind),
          age: text(b.age),
          purposeMode: ['proactive', 'reactive'].includes(text(b.purposeMode)) ? text(b.purposeMode) : '',
          exchanges: list(b.exchanges).filter((e) => deps.exchanges.includes(e)),
        };
        if (b.edit === 'yes') return issueDirectiveFormPage(viewer, deps.exchanges, values);
        const { directive, errors } = directiveOf(values);
        if (errors.length) return issueDirectiveFormPage(viewer, deps.exchanges, values, errors);
        if (b.confirmed !== 'yes') return issueDirectiveConfirmPage(viewer, values);
        try {
          await deps.commands.issueDirective({ clientId: viewer.clientId }, directive);
        } catch (error) {
          const reason = refusal(error);
          if (reason === null) throw error;
          return issueDirectiveFormPage(viewer, deps.exchanges, values, [reason]);
        }
        res.redirect(303, '/console/directives?done=issued');
      },
      true,
    ),
  );

  // A version's joint reviews, and the Home Office's sign-off.
  async function target(params: Record<string, string>): Promise<VersionTarget> {
    const [collaborations, agreements, versions] = await Promise.all([
      deps.register.collaborations(),
      deps.register.agreements(),
      deps.register.allVersions(),
    ]);
    const c = collaborations.find((x) => x.id === params.collaborationId);
    const a = agreements.find((x) => x.id === params.agreementId && x.collaborationId === c?.id);
    if (!c || !a || !versions.some((v) => v.agreementId === a.id && v.version === params.version)) {
      throw new GatewayError('not-found', 'There is no such agreement version in this collaboration');
    }
    return { collaborationId: c.id, collaborationTitle: c.title, agreementId: a.id, version: String(params.version) };
  }
  const base = '/collaborations/:collaborationId/agreements/:agreementId/versions/:version/joint-reviews';
  router.get(
    base,
    guard(['sro', 'dpo'], async (req, _res, viewer) => {
      const t = await target(req.params as Record<string, string>);
      return jointReviewsPage(
        viewer,
        t,
        await deps.reviews.list(t.agreementId, t.version),
        moreNotices[String(req.query.done)] ?? null,
      );
    }),
  );

  async function awaiting(params: Record<string, string>) {
    const t = await target(params);
    const review = (await deps.reviews.list(t.agreementId, t.version)).find((r) => r.id === params.reviewId);
    if (!review) throw new GatewayError('not-found', 'There is no such joint review of this version');
    const party = homeOfficeAwaiting(review);
    if (!party) throw new GatewayError('conflict', 'The Home Office has already signed off this review');
    return { t, review, party };
  }
  router.get(
    `${base}/:reviewId/sign-off`,
    guard(['sro'], async (req, _res, viewer) => {
      const { t, review, party } = await awaiting(req.params as Record<string, string>);
      return signOffFormPage(viewer, t, review, party, { signatory: '', signedOn: '' });
    }),
  );
  router.post(
    `${base}/:reviewId/sign-off`,
    forms,
    guard(
      ['sro'],
      async (req, res, viewer) => {
        const { t, review, party } = await awaiting(req.params as Record<string, string>);
        const values: SignOffValues = { signatory: text(req.body.signatory), signedOn: text(req.body.signedOn) };
        if (req.body.edit === 'yes') return signOffFormPage(viewer, t, review, party, values);
        const errors: string[] = [];
        if (!values.signatory || values.signatory.length > 200)
          errors.push('Say who signed it off, in at most 200 characters.');
        if (!isDay(values.signedOn)) errors.push('Signed on must be a day written as YYYY-MM-DD.');
        if (errors.length) return signOffFormPage(viewer, t, review, party, values, errors);
        if (req.body.confirmed !== 'yes') return signOffConfirmPage(viewer, t, review, party, values);
        try {
          await deps.reviews.signOff(
            { clientId: viewer.clientId, party: 'home-office', roles: viewer.roles },
            review.id,
            { party, ...values },
          );
        } catch (error) {
          const reason = refusal(error);
          if (reason === null) throw error;
          return signOffFormPage(viewer, t, review, party, values, [reason]);
        }
        res.redirect(
          303,
          `/console${base.replace(':collaborationId', t.collaborationId).replace(':agreementId', t.agreementId).replace(':version', t.version)}?done=signed-off`,
        );
      },
      true,
    ),
  );

  // The DPO's export of the audit log.
  router.get(
    '/dpo/export',
    guard(['dpo'], async (_req, _res, viewer) => exportPage(viewer, { from: '', to: '', format: 'jsonl' })),
  );
  router.post(
    '/dpo/export',
    forms,
    guard(
      ['dpo'],
      async (req, res: Response, viewer) => {
        const values: ExportValues = {
          from: text(req.body.from),
          to: text(req.body.to),
          format: text(req.body.format) === 'csv' ? 'csv' : 'jsonl',
        };
        const errors: string[] = [];
        if (values.from && !isDay(values.from))
          errors.push('From must be a day written as YYYY-MM-DD, for example 2026-11-01.');
        if (values.to && !isDay(values.to))
          errors.push('Up to must be a day written as YYYY-MM-DD, for example 2026-11-30.');
        if (errors.length === 0 && values.from && values.to && values.from > values.to)
          errors.push('From must be on or before Up to.');
        if (errors.length) return exportPage(viewer, values, errors);
        // London days, as decisions are dated: from the first instant of From to the last of Up to.
        const request: ExportRequest = {
          format: values.format as ExportRequest['format'],
          from: values.from ? londonMidnight(values.from) : null,
          to: values.to ? londonMidnight(addDays(values.to, 1)) : null,
        };
        const lines = deps.exportLines(request, consoleExportLimit);
        let first: IteratorResult<string>;
        try {
          first = await lines.next();
        } catch (error) {
          if (error instanceof ExportTooLargeError)
            return exportPage(viewer, values, [`${error.message}: choose fewer days, or use npm run audit -- export.`]);
          throw error;
        }
        await auditConsoleAction(deps.audit, viewer, {
          action: 'audit-export',
          format: request.format,
          from: request.from,
          to: request.to,
        });
        res
          .status(200)
          .type(values.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
          .setHeader('content-disposition', `attachment; filename="audit-export.${values.format}"`);
        for (let r = first; !r.done; r = await lines.next()) res.write(`${r.value}\n`);
        res.end();
      },
      true,
    ),
  );
}
