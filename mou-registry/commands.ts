// Changes to the register. Each runs in one transaction with its audit entry (who, what, before, after):
// either both are written or neither.
import type { Knex } from 'knex';
import type { AuditAppender } from '../audit/append.ts';
import { GatewayError } from '../platform/http/problem.ts';
import { overlaps, periodOf, problemsWithTerms } from './check-terms.ts';
import { refuseIncompleteSignature } from './completeness-problem.ts';
import { standingOn } from './lifecycle.ts';
import { createRegisterStore, termsOf } from './store.ts';
import type { Agreement, Collaboration, Directive, IsoDate, Signature, VersionTerms } from './types.ts';
import { registerChangeEntry } from '../audit/entry-kinds.ts';

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface Actor {
  clientId: string;
}
type Store = ReturnType<typeof createRegisterStore>;

export function createRegisterCommands(deps: { audit: AuditAppender; today: () => IsoDate }) {
  /**
   * Runs a change with the store bound to its transaction, and audits what it returns. A change whose valid time
   * (`validFrom`: the day it says it took effect) is more than a day before the day it is recorded is marked as
   * recorded after the fact, with why: the SRO is told (a signal) and the DPO can find every one.
   */
  function change<T>(
    actor: Actor,
    action: string,
    work: (
      store: Store,
      trx: Knex.Transaction,
    ) => Promise<{ target: string; before: unknown; after: T; validFrom?: IsoDate; reason?: string | null }>,
  ) {
    return deps.audit
      .append(async (trx) => {
        const { target, before, after, validFrom, reason } = await work(createRegisterStore(trx), trx);
        const recordedOn = deps.today();
        const late = validFrom !== undefined && daysBetween(validFrom, recordedOn) > 1;
        const body = {
          action,
          actor: actor.clientId,
          target,
          before: before ?? null,
          after,
          ...(late ? { afterTheFact: { validFrom, recordedOn, reason: reason ?? null } } : {}),
        };
        return { entries: [registerChangeEntry(body)], result: after };
      })
      .then((r) => r.result);
  }

  const unprocessable = (problems: string[]) =>
    new GatewayError('unprocessable', problems.join('; '), {
      errors: problems.map((message) => ({ field: 'terms', message })),
    });

  async function requireVersion(store: Store, agreementId: string, version: string) {
    const found = await store.version(agreementId, version);
    if (!found) throw new GatewayError('not-found', `Agreement ${agreementId} has no version ${version}`);
    return found;
  }

  async function refuseOverlap(
    store: Store,
    candidate: {
      agreementId: string;
      version: string;
      inForceFrom: string | null;
      inForceTo: string | null;
      terminatedOn: string | null;
    },
  ) {
    const mine = periodOf(candidate);
    if (!mine) return;
    for (const other of await store.versionsOf([candidate.agreementId])) {
      if (other.version === candidate.version || other.signatures.length < other.parties.length) continue;
      const theirs = periodOf(other);
      if (theirs && overlaps(mine, theirs)) {
        throw new GatewayError(
          'conflict',
          `Version ${candidate.version} would be in force ${mine.from} to ${mine.to}, overlapping version ${other.version} (${theirs.from} to ${theirs.to}); end or terminate version ${other.version} first`,
        );
      }
    }
  }

  return {
    createCollaboration: (actor: Actor, c: Collaboration) =>
      change(actor, 'create-collaboration', async (store, trx) => {
        const known = new Set((await store.parties()).map((p) => p.id));
        const problems = c.parties.filter((p) => !known.has(p)).map((p) => `parties names an unknown party "${p}"`);
        if (c.endsOn && c.endsOn < c.startsOn) problems.push(`endsOn (${c.endsOn}) is before startsOn (${c.startsOn})`);
        if (problems.length) throw unprocessable(problems);
        if (await store.collaboration(c.id)) throw new GatewayError('conflict', `Collaboration ${c.id} already exists`);
        await trx('collaborations').insert({ id: c.id, body: JSON.stringify(c) });
        return { target: `collaboration/${c.id}`, before: null, after: c };
      }),

    createAgreement: (actor: Actor, a: Agreement) =>
      change(actor, 'create-agreement', async (store, trx) => {
        if (!(await store.collaboration(a.collaborationId)))
          throw unprocessable([`collaboration "${a.collaborationId}" does not exist`]);
        if (await store.agreement(a.id)) throw new GatewayError('conflict', `Agreement ${a.id} already exists`);
        await trx('agreements').insert({ id: a.id, collaboration_id: a.collaborationId, kind: a.kind, title: a.title });
        return { target: `agreement/${a.id}`, before: null, after: a };
      }),

    draftVersion: (actor: Actor, terms: VersionTerms, replace: boolean) =>
      change(actor, replace ? 'replace-draft-version' : 'draft-version', async (store, trx) => {
        const agreement = await store.agreement(terms.agreementId);
        if (!agreement) throw new GatewayError('not-found', `There is no agreement ${terms.agreementId}`);
        const problems = problemsWithTerms(terms, await store.parties());
        if (problems.length) throw unprocessable(problems);
        const existing = await store.version(terms.agreementId, terms.version);
        const key = { agreement_id: terms.agreementId, version: terms.version };
        if (replace) {
          if (!existing)
            throw new GatewayError('not-found', `Agreement ${terms.agreementId} has no version ${terms.version}`);
          if (existing.signatures.length > 0) {
            throw new GatewayError(
              'conflict',
              `Version ${terms.version} is signed and can never be edited; draft a new version instead`,
            );
          }
          // A new row, not an update: what the draft said before stays readable as it was known.
          await trx('agreement_version_terms').insert({ ...key, terms: JSON.stringify(terms), actor: actor.clientId });
        } else {
          if (existing)
            throw new GatewayError('conflict', `Agreement ${terms.agreementId} already has a version ${terms.version}`);
          await trx('agreement_versions').insert({ ...key, terms: JSON.stringify(terms) });
        }
        return {
          target: `agreement/${terms.agreementId}/version/${terms.version}`,
          before: existing ? termsOf(existing) : null,
          after: terms,
        };
      }),

    sign: (
      actor: Actor,
      agreementId: string,
      version: string,
      { reason, ...signature }: Signature & { reason?: string },
    ) =>
      change(actor, 'sign-version', async (store, trx) => {
        const v = await requireVersion(store, agreementId, version);
        if (!v.parties.includes(signature.party))
          throw unprocessable([`${signature.party} is not a party to version ${version}`]);
        if (v.signatures.some((s) => s.party === signature.party))
          throw new GatewayError('conflict', `${signature.party} has already signed version ${version}`);
        if (signature.signedOn > deps.today()) throw unprocessable(['a signature cannot be dated in the future']);
        const signed = [...v.signatures, signature];
        if (signed.length === v.parties.length) {
          refuseIncompleteSignature(v);
          await refuseOverlap(store, v);
        }
        await trx('agreement_version_events').insert({
          agreement_id: agreementId,
          version,
          kind: 'signed',
          party: signature.party,
          signatory: signature.signatory,
          on_date: signature.signedOn,
          reason: reason ?? null,
          actor: actor.clientId,
        });
        return {
          target: `agreement/${agreementId}/version/${version}`,
          before: { signatures: v.signatures },
          after: { signatures: signed },
          validFrom: signature.signedOn,
          reason: reason ?? null,
        };
      }),

    changeLifecycle: (
      actor: Actor,
      agreementId: string,
      version: string,
      action: 'suspend' | 'reinstate' | 'terminate',
      on: IsoDate,
      reason: string,
    ) =>
      change(actor, `${action}-version`, async (store, trx) => {
        const v = await requireVersion(store, agreementId, version);
        if (on < deps.today())
          throw unprocessable([
            'a lifecycle change cannot be back-dated: the register keeps what was true on past days',
          ]);
        const status = standingOn(v, deps.today()).status;
        const allowed = {
          suspend: ['in-force', 'signed'],
          reinstate: ['suspended'],
          terminate: ['in-force', 'signed', 'suspended'],
        }[action];
        const open = v.suspensions.some((s) => s.to === null);
        if (!allowed.includes(status) && !(action === 'reinstate' && open)) {
          throw new GatewayError(
            'conflict',
            `Version ${version} is ${status}; it cannot be ${action === 'terminate' ? 'terminated' : `${action}ed`}`,
          );
        }
        const kind = { suspend: 'suspended', reinstate: 'reinstated', terminate: 'terminated' }[action];
        await trx('agreement_version_events').insert({
          agreement_id: agreementId,
          version,
          kind,
          on_date: on,
          reason,
          actor: actor.clientId,
        });
        return {
          target: `agreement/${agreementId}/version/${version}`,
          before: { status },
          after: { [kind]: on, reason },
        };
      }),

    issueDirective: <D extends Directive>(actor: Actor, d: D) =>
      change(actor, 'issue-directive', async (store, trx) => {
        if (!d.authority.trim()) throw unprocessable(['a directive needs the authority that issued it']);
        if (d.effectiveTo && d.effectiveTo < d.effectiveFrom)
          throw unprocessable([`effectiveTo (${d.effectiveTo}) is before effectiveFrom (${d.effectiveFrom})`]);
        if (await store.directive(d.id)) throw new GatewayError('conflict', `Directive ${d.id} already exists`);
        await trx('directives').insert({ id: d.id, body: JSON.stringify(d), actor: actor.clientId });
        return { target: `directive/${d.id}`, before: null, after: d, validFrom: d.effectiveFrom, reason: d.reference };
      }),

    /** Extending or lifting moves the end date; neither may rewrite a day already past. */
    endDirective: (
      actor: Actor,
      id: string,
      action: 'extend' | 'lift',
      effectiveTo: IsoDate | null,
      reason: string | null = null,
    ) =>
      change(actor, `${action}-directive`, async (store, trx) => {
        const d = await store.directive(id);
        if (!d) throw new GatewayError('not-found', `There is no directive ${id}`);
        const today = deps.today();
        if (d.effectiveTo !== null && d.effectiveTo < today)
          throw new GatewayError('conflict', `Directive ${id} lapsed on ${d.effectiveTo}; issue a new one`);
        if (effectiveTo !== null && effectiveTo < today)
          throw unprocessable(['a directive cannot be ended on a day already past']);
        if (effectiveTo !== null && effectiveTo < d.effectiveFrom)
          throw unprocessable([`it would end before it began (${d.effectiveFrom})`]);
        const after = { ...d, effectiveTo };
        // A new revision: the directive as it stood before stays readable as it was known.
        await trx('directives').insert({ id, body: JSON.stringify(after), actor: actor.clientId, reason });
        return { target: `directive/${id}`, before: d, after };
      }),
  };
}
export type RegisterCommands = ReturnType<typeof createRegisterCommands>;
