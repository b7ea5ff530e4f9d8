// The register's API: everyone authenticated reads; registry administrators write; SROs record reviews.
import { defineRoute, type Route } from '../platform/http/route.ts';
import { GatewayError } from '../platform/http/problem.ts';
import type { RegisterCommands } from './commands.ts';
import { standingOn } from './lifecycle.ts';
import { publishedList, toCsv } from './published-list.ts';
import { scorecard } from './scorecard.ts';
import { knownAtFor } from './as-known-on.ts';
import type { KnownAt, RegisterStore } from './store.ts';
import type { AgreementVersion, Directive, IsoDate } from './types.ts';
import type { components } from '../contracts/openapi-types.ts';

const readers = ['partner', 'registry-admin', 'sro', 'dpo'] as const;

/** `storeAt` reads the register as it was known at a revision or before a moment (record time). */
export function registerRoutes(
  store: RegisterStore,
  commands: RegisterCommands,
  today: () => IsoDate,
  storeAt: (known: KnownAt) => RegisterStore,
): Route[] {
  const asOf = (params: { asOf?: IsoDate }) => params.asOf ?? today();
  // `asOf` is the day the facts speak of (valid time); `asKnownOn` what the register had been told by then (record time).
  const known = (params: { asKnownOn?: string }) => (params.asKnownOn ? storeAt(knownAtFor(params.asKnownOn)) : store);
  // The contract leaves the folded version free-form (any members); a copy's type says so, an interface's does not.
  const view = (v: AgreementVersion, day: IsoDate) => ({ asOf: day, standing: standingOn(v, day), version: { ...v } });
  const versionView = async (agreementId: string, version: string, day = today(), from = store) => {
    const v = await from.version(agreementId, version);
    if (!v) throw new GatewayError('not-found', `Agreement ${agreementId} has no version ${version}`);
    return view(v, day);
  };
  const actor = (ctx: { principal: { clientId: string } | null }) => ({ clientId: ctx.principal!.clientId });
  // types.ts keeps a directive's condition loosely (one written around the API may lack even its kind); the contract's
  // DirectiveRecord names a kind, and handle() checks a 200 answer against it before it is sent.
  const asRecord = (directive: Directive) => directive as components['schemas']['DirectiveRecord'];

  async function scorecards(day: IsoDate, store: RegisterStore) {
    const [collaborations, agreements, versions, parties] = await Promise.all([
      store.collaborations(),
      store.agreements(),
      store.allVersions(),
      store.parties(),
    ]);
    return collaborations.map((c) => {
      const ids = new Set(agreements.filter((a) => a.collaborationId === c.id).map((a) => a.id));
      return scorecard(
        c,
        versions.filter((v) => ids.has(v.agreementId)),
        parties,
        day,
      );
    });
  }

  return [
    defineRoute({
      operationId: 'listParties',
      roles: [...readers],
      handler: async () => ({ body: { parties: await store.parties() } }),
    }),
    defineRoute({
      operationId: 'listCollaborations',
      roles: [...readers],
      handler: async ({ params }) => {
        const day = asOf(params);
        const store = known(params);
        const [collaborations, agreements, versions] = await Promise.all([
          store.collaborations(),
          store.agreements(),
          store.allVersions(),
        ]);
        const summaries = collaborations
          .filter((c) => !params.kind || c.kind === params.kind)
          .map((c) => {
            const ids = new Set(agreements.filter((a) => a.collaborationId === c.id).map((a) => a.id));
            const mine = versions.filter((v) => ids.has(v.agreementId));
            const governing = mine.filter((v) => standingOn(v, day).authorises);
            const due =
              mine
                .map((v) => v.review.nextReviewDue)
                .filter((d): d is string => d !== null)
                .sort()
                .reverse()[0] ?? null;
            return {
              collaboration: c,
              signed: mine.some((v) =>
                v.parties.every((p) => v.signatures.some((s) => s.party === p && s.signedOn <= day)),
              ),
              inForce: governing.length > 0,
              governing: governing.map((v) => `${v.agreementId}@${v.version}`),
              // An ended collaboration has nothing left to review.
              reviewOverdue: due !== null && due < day && (c.endsOn === null || c.endsOn >= day),
              nextReviewDue: due,
            };
          })
          .filter((s) => params.inForce === undefined || s.inForce === params.inForce);
        return { body: { asOf: day, collaborations: summaries } };
      },
    }),
    defineRoute({
      operationId: 'getCollaboration',
      roles: [...readers],
      handler: async ({ params }) => {
        const day = asOf(params);
        const store = known(params);
        const collaboration = await store.collaboration(params.collaborationId);
        if (!collaboration) throw new GatewayError('not-found', 'There is no such collaboration in the register');
        const agreements = await store.agreements(collaboration.id);
        const versions = await store.versionsOf(agreements.map((a) => a.id));
        return {
          body: {
            asOf: day,
            collaboration,
            agreements: agreements.map((a) => ({
              agreement: a,
              versions: versions.filter((v) => v.agreementId === a.id).map((v) => view(v, day)),
            })),
            scorecard: scorecard(collaboration, versions, await store.parties(), day),
          },
        };
      },
    }),
    defineRoute({
      operationId: 'createCollaboration',
      roles: ['registry-admin'],
      handler: async (ctx) => ({ status: 201, body: await commands.createCollaboration(actor(ctx), ctx.body) }),
    }),
    defineRoute({
      operationId: 'createAgreement',
      roles: ['registry-admin'],
      handler: async (ctx) => ({ status: 201, body: await commands.createAgreement(actor(ctx), ctx.body) }),
    }),
    defineRoute({
      operationId: 'listAgreementVersions',
      roles: [...readers],
      handler: async ({ params }) => {
        const day = asOf(params);
        const store = known(params);
        const agreement = await store.agreement(params.agreementId);
        if (!agreement) throw new GatewayError('not-found', 'There is no such agreement in the register');
        const versions = (await store.versionsOf([agreement.id])).sort((a, b) =>
          (a.inForceFrom ?? '9') < (b.inForceFrom ?? '9') ? -1 : 1,
        );
        const governing = versions.find((v) => standingOn(v, day).authorises)?.version ?? null;
        return { body: { agreement, asOf: day, versions: versions.map((v) => view(v, day)), governing } };
      },
    }),
    defineRoute({
      operationId: 'draftAgreementVersion',
      roles: ['registry-admin'],
      handler: async (ctx) => {
        if (ctx.body.agreementId !== ctx.params.agreementId)
          throw new GatewayError('invalid-request', 'agreementId in the body must match the path');
        await commands.draftVersion(actor(ctx), ctx.body, false);
        return { status: 201, body: await versionView(ctx.body.agreementId, ctx.body.version) };
      },
    }),
    defineRoute({
      operationId: 'getAgreementVersion',
      roles: [...readers],
      handler: async ({ params }) => ({
        body: await versionView(params.agreementId, params.version, asOf(params), known(params)),
      }),
    }),
    defineRoute({
      operationId: 'replaceDraftVersion',
      roles: ['registry-admin'],
      handler: async (ctx) => {
        if (ctx.body.agreementId !== ctx.params.agreementId || ctx.body.version !== ctx.params.version) {
          throw new GatewayError('invalid-request', 'agreementId and version in the body must match the path');
        }
        await commands.draftVersion(actor(ctx), ctx.body, true);
        return { body: await versionView(ctx.body.agreementId, ctx.body.version) };
      },
    }),
    defineRoute({
      operationId: 'signAgreementVersion',
      roles: ['registry-admin'],
      handler: async (ctx) => {
        const { agreementId, version } = ctx.params;
        await commands.sign(actor(ctx), agreementId, version, ctx.body);
        return { body: await versionView(agreementId, version) };
      },
    }),
    defineRoute({
      operationId: 'changeVersionLifecycle',
      roles: ['registry-admin'],
      handler: async (ctx) => {
        const { agreementId, version } = ctx.params;
        await commands.changeLifecycle(actor(ctx), agreementId, version, ctx.body.action, ctx.body.on, ctx.body.reason);
        return { body: await versionView(agreementId, version, ctx.body.on) };
      },
    }),
    defineRoute({
      operationId: 'listDirectives',
      roles: [...readers],
      handler: async ({ params }) => ({
        body: params.asOf
          ? { asOf: params.asOf, directives: (await known(params).directivesInForce(params.asOf)).map(asRecord) }
          : { directives: (await known(params).directives()).map(asRecord) },
      }),
    }),
    defineRoute({
      operationId: 'issueDirective',
      roles: ['registry-admin'],
      handler: async (ctx) => ({ status: 201, body: await commands.issueDirective(actor(ctx), ctx.body) }),
    }),
    defineRoute({
      operationId: 'endDirective',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: asRecord(
          await commands.endDirective(
            actor(ctx),
            ctx.params.directiveId,
            ctx.body.action,
            ctx.body.effectiveTo,
            ctx.body.reason ?? null,
          ),
        ),
      }),
    }),
    defineRoute({
      operationId: 'registerScorecard',
      roles: [...readers],
      handler: async ({ params }) => {
        const day = asOf(params);
        const cards = (await scorecards(day, known(params))).sort((a, b) => b.priority - a.priority);
        const attentionFirst = cards
          .flatMap((c) =>
            c.gaps.map((g) => ({ line: `${c.title}: ${g.detail}`, weight: g.weight * (c.kind === 'bau' ? 2 : 1) })),
          )
          .sort((a, b) => b.weight - a.weight)
          .slice(0, 20)
          .map((g) => g.line);
        return { body: { asOf: day, scorecards: cards, attentionFirst } };
      },
    }),
    defineRoute({
      operationId: 'publishedCollaborations',
      roles: 'public',
      handler: async ({ params }) => {
        const list = publishedList(await store.collaborations());
        if (params.format === 'csv') return { body: toCsv(list), type: 'text/csv; charset=utf-8' };
        return { body: { collaborations: list } };
      },
    }),
  ];
}
