// Obligations for the SRO and DPO to follow, and the responsible party's confirmation that one was done. The list
// is worked out from the log each time; a confirmation is an audit entry appended under the chain lock, after the
// obligation is re-derived inside that transaction, so two confirmations cannot both pass the checks.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { obligationConfirmations, obligationSources, type ObligationSourceRow } from '../../audit/obligation-log.ts';
import type { AuditAppender } from '../../audit/append.ts';
import { obligationConfirmationEntry } from '../../audit/entry-kinds.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import type { Principal } from '../../platform/principal.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { londonDay } from '../../platform/london-day.ts';
import { safeError } from '../../platform/logger.ts';
import { failedOutcomes } from '../measures/match.ts';
import {
  obligationOf,
  parseObligationId,
  type Obligation,
  type ObligationConfirmation,
  type ObligationSource,
  type ObligationStatus,
} from './obligations.ts';

/** The Home Office makes the referral (¶3.24: it "refers the case to the Windrush Taskforce and tells the partner"). */
export const referringParty = 'home-office';

export interface ObligationDeps {
  db: Knex;
  audit: AuditAppender;
  today: () => IsoDate;
  logger: Pick<Logger, 'error'>;
}

function sourcesOf(row: ObligationSourceRow): ObligationSource[] {
  const base = {
    decisionId: row.decisionId,
    exchange: row.exchange,
    agreementId: row.agreementId,
    arose: londonDay(new Date(row.completedAt)),
  };
  const out: ObligationSource[] = [];
  if (row.referred) out.push({ ...base, kind: 'refer-to-windrush-taskforce', responsibleParty: referringParty });
  // A debtor return the Home Office never received (the upstream failed) reported nothing to tell the patient about.
  if (row.exchange === 'nhs.debtor-return' && row.outcome !== null && !failedOutcomes.has(row.outcome)) {
    out.push({ ...base, kind: 'inform-patient-of-debt-report', responsibleParty: row.party });
  }
  return out;
}

async function derive(db: Knex, today: IsoDate, decisionId?: string, obligationId?: string): Promise<Obligation[]> {
  const [rows, confirmed] = await Promise.all([
    obligationSources(db, decisionId),
    obligationConfirmations(db, obligationId),
  ]);
  const confirmations = new Map<string, ObligationConfirmation>();
  for (const c of confirmed) if (!confirmations.has(c.obligationId)) confirmations.set(c.obligationId, c);
  return rows.flatMap(sourcesOf).map((s) => obligationOf(s, confirmations, today));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createObligations(deps: ObligationDeps) {
  return {
    async list(status?: ObligationStatus): Promise<{ asOf: IsoDate; obligations: Obligation[] }> {
      const today = deps.today();
      const all = await derive(deps.db, today);
      return { asOf: today, obligations: status ? all.filter((o) => o.status === status) : all };
    },

    async confirm(principal: Principal, id: string, requestId: string): Promise<Obligation> {
      const parsedId = parseObligationId(id);
      const notFound = () =>
        new GatewayError('not-found', 'There is no obligation with that id for which you are responsible');
      if (!parsedId || !uuid.test(parsedId.decisionId)) throw notFound();
      try {
        const { result } = await deps.audit.append(async (trx) => {
          const today = deps.today();
          const obligation = (await derive(trx, today, parsedId.decisionId, id)).find((o) => o.id === id);
          // Someone else's obligation is "not found", never "forbidden": its existence is not given away.
          if (!obligation || obligation.responsibleParty !== principal.party) throw notFound();
          if (obligation.confirmation)
            throw new GatewayError(
              'conflict',
              `That obligation was confirmed already, at ${obligation.confirmation.recordedAt}`,
            );
          const body = {
            obligationId: id,
            obligation: obligation.kind,
            decisionId: obligation.decisionId,
            exchange: obligation.exchange,
            ...(obligation.agreementId ? { agreement: { id: obligation.agreementId } } : {}),
            party: principal.party,
            clientId: principal.clientId,
            due: obligation.due,
            late: today > obligation.due,
            requestId,
          };
          return { entries: [obligationConfirmationEntry(body)], result: obligation };
        });
        const [confirmed] = await derive(deps.db, deps.today(), parsedId.decisionId, id).then((all) =>
          all.filter((o) => o.id === id),
        );
        return confirmed ?? result;
      } catch (error) {
        if (error instanceof GatewayError) throw error;
        deps.logger.error({ error: safeError(error), requestId }, 'audit append of an obligation confirmation failed');
        throw new GatewayError(
          'audit-unavailable',
          'The confirmation could not be recorded in the audit log. Try again later.',
        );
      }
    },

    /** How many obligations under these agreements stand open, overdue and confirmed today, whenever they arose. */
    async counts(agreementIds: ReadonlySet<string>): Promise<Record<ObligationStatus, number>> {
      const counts: Record<ObligationStatus, number> = { open: 0, overdue: 0, confirmed: 0 };
      for (const o of await derive(deps.db, deps.today()))
        if (o.agreementId && agreementIds.has(o.agreementId)) counts[o.status] += 1;
      return counts;
    },

    /** The obligations past their due date, for the signals. */
    overdue: async (): Promise<Obligation[]> =>
      (await derive(deps.db, deps.today())).filter((o) => o.status === 'overdue'),
  };
}
export type Obligations = ReturnType<typeof createObligations>;
