// The HMRC sandbox: evidence of employment, income and residence, and proactive notifications received,
// each over its contract in contracts/partners.yaml. "Today" is the population's reference date.
import type express from 'express';
import { findSubject } from '../matching.ts';
import { indexPopulation, type PopulationIndex } from '../population/index.ts';
import type { Population } from '../population/types.ts';
import { createSandboxApp, post } from '../sandbox-app.ts';
import { createNotificationReceiver } from '../status-notifications.ts';
import { createEvidenceRequest, isTaxpayer } from './evidence.ts';

export function createHmrcSandbox(
  population: Population,
  index: PopulationIndex = indexPopulation(population),
): express.Express {
  return createSandboxApp('HMRC', [
    post(
      '/hmrc/evidence-request',
      'HmrcEvidenceRequest',
      'HmrcEvidenceResponse',
      createEvidenceRequest(index, population.referenceDate),
    ),
    post(
      '/hmrc/status-notifications',
      'HmrcStatusNotification',
      'HmrcNotificationAcknowledgement',
      createNotificationReceiver('HMRC-N', (subject) => findSubject(index, subject, isTaxpayer).outcome === 'matched'),
    ),
  ]);
}
