// The default register loaded at first start: the collaborations of the inspection report, the status-check and
// compliant-environment flows it mentions, and the directives in force since 2018.
//
// Conventions used throughout, so that a gap is visible in the data rather than hidden by a guess:
// - Where the report gives only a month (or year), its first day stands in, and each file says so once.
// - What the report says is missing stays missing: no signatures, no legal basis, no senior owner for a party,
//   no measures, no review, a defunct organisation named.
// - A statutory gateway (kind 'statutory-gateway') has no signatories. Sharing under it is lawful without an
//   agreement, so each party's "signature" records the first day the register relies on the provision, with a
//   signatory beginning "No signatory:". The version then authorises from that day, and its kind shows there is no MoU.
// - Where the report is silent on a legal basis that must exist for sharing it describes, the code begins
//   'unstated-' and the statute reads 'Not named in the report', so every decision citing it says so.
import type { RegisterContents } from '../store.ts';
import * as projectWalks from './collaboration-01-project-walks.ts';
import * as ninoAlignment from './collaboration-02-nino-alignment.ts';
import * as accessedPublicFunds from './collaboration-03-accessed-public-funds.ts';
import * as operationMandera from './collaboration-04-operation-mandera.ts';
import * as operationLari from './collaboration-05-operation-lari.ts';
import * as hmrcEvidence from './collaboration-06-hmrc-evidence.ts';
import * as childTracing from './collaboration-07-child-tracing.ts';
import * as stateFundedEducation from './collaboration-08-state-funded-education.ts';
import * as freeSchoolMeals from './collaboration-09-free-school-meals.ts';
import * as nhsDebtorReporting from './collaboration-10-nhs-debtor-reporting.ts';
import * as operationDintel from './collaboration-11-operation-dintel.ts';
import * as dwpStatusChecks from './collaboration-dwp-status-checks.ts';
import * as financialServices from './collaboration-financial-services-status-share.ts';
import * as hmrcStatusChecks from './collaboration-hmrc-status-checks.ts';
import * as iecasChargeability from './collaboration-iecas-chargeability.ts';
import * as nhsDigitalTracing from './collaboration-nhs-digital-tracing.ts';
import { directives } from './directives.ts';
import { parties } from './parties.ts';

export const collaborations = [
  projectWalks,
  ninoAlignment,
  accessedPublicFunds,
  operationMandera,
  operationLari,
  hmrcEvidence,
  childTracing,
  stateFundedEducation,
  freeSchoolMeals,
  nhsDebtorReporting,
  operationDintel,
  nhsDigitalTracing,
  iecasChargeability,
  dwpStatusChecks,
  hmrcStatusChecks,
  financialServices,
];

export const defaultRegister: RegisterContents = {
  parties,
  collaborations: collaborations.map((c) => c.collaboration),
  agreements: collaborations.flatMap((c) => c.agreements),
  versions: collaborations.flatMap((c) => c.versions),
  directives,
};
