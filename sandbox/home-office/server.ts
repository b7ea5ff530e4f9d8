// The Home Office records sandbox: the Home Office's own systems, which the gateway asks when a partner
// makes a status check, and which receive NHS debtor reports; each over its contract in contracts/partners.yaml.
import type express from 'express';
import { indexPopulation, type PopulationIndex } from '../population/index.ts';
import type { Population } from '../population/types.ts';
import { createSandboxApp, post } from '../sandbox-app.ts';
import { createDebtorReports } from './nhs-debtor-reports.ts';
import { createStatusCheck } from './status-check.ts';

export function createHomeOfficeSandbox(
  population: Population,
  index: PopulationIndex = indexPopulation(population),
): express.Express {
  return createSandboxApp('Home Office records', [
    post(
      '/home-office/status-check',
      'HomeOfficeStatusCheckRequest',
      'HomeOfficeStatusCheckResponse',
      createStatusCheck(index),
    ),
    post(
      '/home-office/nhs-debtor-reports',
      'HomeOfficeNhsDebtorReport',
      'HomeOfficeNhsDebtorReceipt',
      createDebtorReports(population, index),
    ),
  ]);
}
