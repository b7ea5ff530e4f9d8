// Facts for the policy rules' unit tests, gathered the way the gateway gathers them: the agreement the default
// register would select for the caller, exchange, purpose and day, the directives in force that day, the
// request's data fields, and what the Home Office's records say of the person.
import { expect, it } from 'vitest';
import { exchanges } from '../../gateway/exchanges/catalogue.ts';
import { dataFieldsOf } from '../../gateway/exchanges/exchange-definition.ts';
import { factsOf } from '../../gateway/exchanges/home-office-records.ts';
import {
  unknownSubject,
  type Facts,
  type Rule,
  type RuleOutcome,
  type SubjectFacts,
} from '../../gateway/policy/types.ts';
import { statusRecordOf } from '../../sandbox/home-office/status-check.ts';
import type { Person } from '../../sandbox/population/types.ts';
import { defaultRegister } from '../../mou-registry/default-register/index.ts';
import { selectAgreement } from '../../mou-registry/select-agreement.ts';
import type { AgreementVersion, Directive } from '../../mou-registry/types.ts';

export interface FactsWanted {
  party: string;
  request: Record<string, unknown>;
  /** The decision day; the fixed test day when absent. */
  day?: string;
  /** What the Home Office's records say; unknown when absent. */
  subject?: Partial<SubjectFacts>;
  used?: number;
  /** Overrides the agreement the register would select (null: none found). */
  agreement?: AgreementVersion | null;
  directives?: Directive[];
}

export const testDay = '2026-11-23';

export function directivesOn(day: string): Directive[] {
  return defaultRegister.directives.filter(
    (d) => d.effectiveFrom <= day && (d.effectiveTo === null || day <= d.effectiveTo),
  );
}

/** A version of the default register, by agreement id and version label. */
export function version(agreementId: string, label: string): AgreementVersion {
  const found = defaultRegister.versions.find((v) => v.agreementId === agreementId && v.version === label);
  if (!found) throw new Error(`the default register has no ${agreementId}@${label}`);
  return found;
}

/** The facts the gateway would gather for this request. */
export function factsFor(exchangeId: string, wanted: FactsWanted): Facts {
  const def = exchanges.find((e) => e.id === exchangeId);
  if (!def) throw new Error(`no exchange ${exchangeId}`);
  const day = wanted.day ?? testDay;
  const request = wanted.request as { purpose: string; legalBasis: string; agreementId?: string };
  const agreement =
    wanted.agreement !== undefined
      ? wanted.agreement
      : selectAgreement(defaultRegister.versions, {
          exchange: exchangeId,
          party: wanted.party,
          purpose: request.purpose,
          day,
          agreementId: request.agreementId,
        });
  return {
    decisionDate: day,
    caller: { clientId: `${wanted.party}-client`, party: wanted.party },
    exchange: { id: def.id, partner: def.partner, direction: def.direction, mode: def.mode },
    request: {
      purpose: request.purpose,
      legalBasis: request.legalBasis,
      dataFields: dataFieldsOf(wanted.request),
      data: wanted.request,
    },
    agreement,
    directives: wanted.directives ?? directivesOn(day),
    subject: { ...unknownSubject, ...wanted.subject },
    counters: { usedThisMonth: wanted.used ?? 0 },
  };
}

/** What the Home Office's records (the sandbox's) say of a person, as the gateway reads them. */
export const recordsOf = (person: Person): Partial<SubjectFacts> => factsOf(statusRecordOf(person));

export type RuleCase = [name: string, facts: Facts, outcome: RuleOutcome, reason: RegExp];

/**
 * Runs a rule's table: each case's outcome and reason, and that the table shows the rule permitting, denying and
 * standing aside (a rule that can never stand aside says so with `outcomes`).
 */
export function ruleTable(
  rule: Rule,
  id: string,
  table: RuleCase[],
  outcomes: RuleOutcome[] = ['permit', 'deny', 'not-applicable'],
) {
  it.each(table)('%s', (_name, facts, outcome, reason) => {
    const result = rule(facts);
    expect(result.id).toBe(id);
    expect(result.reason).toMatch(reason);
    expect(result.outcome).toBe(outcome);
  });
  it('the table covers every outcome the rule can give', () => {
    expect([...new Set(table.map((c) => c[2]))].sort()).toEqual([...outcomes].sort());
  });
}
