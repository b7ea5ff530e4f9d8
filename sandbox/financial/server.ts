// The financial institution sandbox: a bank or building society receiving a status share about a
// disqualified person (financial.status-share). Under the Windrush pause only people under 30 facing
// deportation for criminal offending may be shared about (¶5.43); the bank cannot tell and does not
// check, so it acknowledges whatever arrives, and that rule is the gateway's alone to enforce.
import type express from 'express';
import type { components } from '../../contracts/partners-types.ts';
import { stableReference } from '../matching.ts';
import { createSandboxApp, post } from '../sandbox-app.ts';

type Share = components['schemas']['FinancialStatusShare'];
type Acknowledgement = components['schemas']['FinancialStatusShareAcknowledgement'];

function acknowledge(share: Share): Acknowledgement {
  const { subject } = share;
  return {
    status: 'acknowledged',
    // The same share sent twice gets the same reference, so a retry is not a second share.
    reference: stableReference(
      'FIN',
      share.shareReference ?? null,
      subject.forename,
      subject.surname,
      subject.dateOfBirth,
      share.reason,
      share.effectiveFrom,
    ),
  };
}

export function createFinancialSandbox(): express.Express {
  return createSandboxApp('Financial institution', [
    post('/financial/status-share', 'FinancialStatusShare', 'FinancialStatusShareAcknowledgement', acknowledge),
  ]);
}
