// The DWP sandbox: NINo alignment, Accessed Public Funds checks, and proactive notifications received,
// each over its contract in contracts/partners.yaml.
import type express from 'express';
import { indexByName } from '../matching.ts';
import { indexPopulation, type PopulationIndex } from '../population/index.ts';
import type { Population } from '../population/types.ts';
import { createSandboxApp, post } from '../sandbox-app.ts';
import { createNotificationReceiver } from '../status-notifications.ts';
import { createPublicFundsCheck } from './accessed-public-funds.ts';
import { createCustomerMatcher } from './customers.ts';
import { createNinoTracer } from './nino-trace.ts';

export function createDwpSandbox(
  population: Population,
  index: PopulationIndex = indexPopulation(population),
): express.Express {
  const matchCustomer = createCustomerMatcher(index, indexByName(population));
  return createSandboxApp('DWP', [
    post('/dwp/nino-trace', 'DwpNinoTraceRequest', 'DwpNinoTraceResponse', createNinoTracer(population, matchCustomer)),
    post(
      '/dwp/accessed-public-funds',
      'DwpAccessedPublicFundsRequest',
      'DwpAccessedPublicFundsResponse',
      createPublicFundsCheck(matchCustomer),
    ),
    post(
      '/dwp/status-notifications',
      'DwpStatusNotification',
      'DwpNotificationAcknowledgement',
      createNotificationReceiver('DWP-N', (subject) => matchCustomer(subject).outcome === 'matched'),
    ),
  ]);
}
