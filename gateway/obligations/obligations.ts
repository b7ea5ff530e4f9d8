// Obligations a decision puts on someone, tracked to confirmation. Derived, never stored: the audit log's decision
// and outcome entries say what arose, its obligation-confirmation entries say what was done (the log is the source
// of truth, so an obligation cannot be quietly deleted or its due date moved). Pure.
import type { IsoDate } from '../../mou-registry/types.ts';
import { addWorkingDays } from '../../platform/working-days.ts';

export const obligationKinds = ['refer-to-windrush-taskforce', 'inform-patient-of-debt-report'] as const;
export type ObligationKind = (typeof obligationKinds)[number];

/**
 * The report sets no deadline for either duty. Ten working days is the period the register already uses for a
 * partner's return (the DfE process MoU, ¶6.110); a Windrush referral (¶3.24) and telling a patient their debt was
 * recorded (¶5.29, ¶5.31: "assured in every case") should not take longer than answering a trace.
 */
export const dueWorkingDays = 10;

export const obligationDuties: Record<ObligationKind, string> = {
  'refer-to-windrush-taskforce': 'Refer the case to the Windrush Taskforce (¶3.24)',
  'inform-patient-of-debt-report': 'Inform the patient that their debt was reported to the Home Office (¶5.29, ¶5.31)',
};

/** What the log says arose: an outcome that referred, or a completed debtor return. */
export interface ObligationSource {
  kind: ObligationKind;
  decisionId: string;
  exchange: string;
  agreementId: string | null;
  /** Who must act: the Home Office refers; the Trust that reported tells its patient. */
  responsibleParty: string;
  /** The London day the exchange completed: the duty starts then. */
  arose: IsoDate;
}

export interface ObligationConfirmation {
  obligationId: string;
  auditId: string;
  party: string;
  clientId: string;
  recordedAt: string;
}

export type ObligationStatus = 'open' | 'overdue' | 'confirmed';

export interface Obligation {
  id: string;
  kind: ObligationKind;
  duty: string;
  decisionId: string;
  exchange: string;
  agreementId: string | null;
  responsibleParty: string;
  arose: IsoDate;
  due: IsoDate;
  status: ObligationStatus;
  confirmation: ObligationConfirmation | null;
}

/** `<kind>.<decision uuid>`: one obligation of each kind per decision, so the id is known without a table. */
export const obligationId = (kind: ObligationKind, decisionId: string) => `${kind}.${decisionId}`;

export function parseObligationId(id: string): { kind: ObligationKind; decisionId: string } | null {
  const dot = id.indexOf('.');
  const kind = id.slice(0, dot) as ObligationKind;
  return dot > 0 && obligationKinds.includes(kind) ? { kind, decisionId: id.slice(dot + 1) } : null;
}

export function obligationOf(
  source: ObligationSource,
  confirmations: ReadonlyMap<string, ObligationConfirmation>,
  today: IsoDate,
): Obligation {
  const id = obligationId(source.kind, source.decisionId);
  const due = addWorkingDays(source.arose, dueWorkingDays);
  const confirmation = confirmations.get(id) ?? null;
  // Due on the day itself is not yet late: it is overdue from the next day.
  const status: ObligationStatus = confirmation ? 'confirmed' : today > due ? 'overdue' : 'open';
  return {
    id,
    kind: source.kind,
    duty: obligationDuties[source.kind],
    decisionId: source.decisionId,
    exchange: source.exchange,
    agreementId: source.agreementId,
    responsibleParty: source.responsibleParty,
    arose: source.arose,
    due,
    status,
    confirmation,
  };
}
