// Every exchange the gateway governs. Each has one endpoint in openapi.yaml and one definition.
import { dfeChildTrace } from './dfe-child-trace.ts';
import { dwpAccessedPublicFunds, dwpNinoAlignment } from './dwp-exchanges.ts';
import type { AnyExchange } from './exchange-definition.ts';
import { financialStatusShare } from './financial-status-share.ts';
import { hmrcEvidenceRequest } from './hmrc-evidence-request.ts';
import { nhsDebtorReturn, nhsTraceRequest } from './nhs-exchanges.ts';
import { dwpProactiveNotification, hmrcProactiveNotification } from './proactive-notifications.ts';
import {
  dfeEducationStatusCheck,
  dfeFsmEligibility,
  dwpStatusCheck,
  hmrcStatusCheck,
  nhsChargeabilityCheck,
} from './status-checks.ts';

export const exchanges: AnyExchange[] = [
  dwpNinoAlignment,
  dwpAccessedPublicFunds,
  dwpStatusCheck,
  dwpProactiveNotification,
  hmrcEvidenceRequest,
  hmrcStatusCheck,
  hmrcProactiveNotification,
  dfeChildTrace,
  dfeEducationStatusCheck,
  dfeFsmEligibility,
  nhsChargeabilityCheck,
  nhsDebtorReturn,
  nhsTraceRequest,
  financialStatusShare,
];
