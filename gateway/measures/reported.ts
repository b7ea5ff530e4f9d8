// Reported measures: figures an SRO records for work the gateway never sees (an operation run by briefing, a phone
// line), each with its source, shown beside the gateway's own figures and marked `reported` so nobody mistakes them
// for figures the log can prove (¶6.106: figures given to Parliament had to be corrected).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditAppender } from '../../audit/append.ts';
import type { RegisterStore } from '../../mou-registry/store.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import type { Principal } from '../../platform/principal.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { Window } from './types.ts';
import { registerChangeEntry } from '../../audit/entry-kinds.ts';

export interface ReportedMeasureInput {
  collaborationId: string;
  measure: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  value: number;
  source: string;
}

export interface ReportedMeasure extends ReportedMeasureInput {
  id: string;
  basis: 'reported';
  recordedBy: string;
  party: string;
  recordedAt: string;
  auditId: string | null;
}

interface Row {
  id: string;
  collaboration_id: string;
  measure: string;
  period_from: string | Date;
  period_to: string | Date;
  value: string | number;
  source: string;
  actor: string;
  party: string;
  recorded_at: string | Date;
}

const day = (v: string | Date): IsoDate =>
  typeof v === 'string'
    ? v.slice(0, 10)
    : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
const fromRow = (r: Row, auditId: string | null = null): ReportedMeasure => ({
  id: r.id,
  collaborationId: r.collaboration_id,
  measure: r.measure,
  periodFrom: day(r.period_from),
  periodTo: day(r.period_to),
  value: Number(r.value),
  source: r.source,
  basis: 'reported',
  recordedBy: r.actor,
  party: r.party,
  recordedAt: new Date(r.recorded_at).toISOString(),
  auditId,
});

export interface ReportedDeps {
  db: Knex;
  audit: AuditAppender;
  register: Pick<RegisterStore, 'collaborations'>;
}

export function createReportedMeasures(deps: ReportedDeps) {
  return {
    async record(principal: Principal, input: ReportedMeasureInput, requestId: string): Promise<ReportedMeasure> {
      if (input.periodFrom > input.periodTo) {
        throw new GatewayError('invalid-request', 'periodFrom must be on or before periodTo', {
          errors: [{ field: 'periodFrom', message: 'is after periodTo' }],
        });
      }
      if (!(await deps.register.collaborations()).some((c) => c.id === input.collaborationId)) {
        throw new GatewayError('not-found', 'There is no such collaboration in the register');
      }
      const id = randomUUID();
      const { stored, result } = await deps.audit.append(async (trx) => {
        const [row] = (await trx('reported_measures')
          .insert({
            id,
            collaboration_id: input.collaborationId,
            measure: input.measure,
            period_from: input.periodFrom,
            period_to: input.periodTo,
            value: input.value,
            source: input.source,
            actor: principal.clientId,
            party: principal.party,
          })
          .returning('*')) as Row[];
        const body = {
          action: 'record-reported-measure',
          actor: principal.clientId,
          target: `collaboration/${input.collaborationId}`,
          before: null,
          after: { id, ...input, basis: 'reported', recordedAt: new Date(row!.recorded_at).toISOString() },
          requestId,
        };
        return { entries: [registerChangeEntry(body)], result: row! };
      });
      return fromRow(result, stored[0]!.id);
    },

    /** The figures whose period overlaps the window, oldest period first. */
    async forCollaboration(collaborationId: string, window: Window): Promise<ReportedMeasure[]> {
      const rows: Row[] = await deps
        .db('reported_measures')
        .where({ collaboration_id: collaborationId })
        .where('period_to', '>=', window.from)
        .where('period_from', '<=', window.to)
        .orderBy([{ column: 'period_from' }, { column: 'recorded_at' }]);
      return rows.map((r) => fromRow(r));
    },
  };
}
export type ReportedMeasures = ReturnType<typeof createReportedMeasures>;
