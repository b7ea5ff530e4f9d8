// The NHS Digital sandbox: traces a person's latest registered address (nhs.trace-request). Like the
// real service since May 2018 it answers with non-clinical data only (name, date of birth, address, GP
// practice) and never anything medical (¶5.31–5.36). Whether a trace is allowed at all (the narrowed
// purposes, other efforts having failed) is for the gateway to decide before it asks.
import type express from 'express';
import type { components } from '../../contracts/partners-types.ts';
import { findSubject } from '../matching.ts';
import { currentAddress, indexPopulation, normalisePostcode, type PopulationIndex } from '../population/index.ts';
import type { Population } from '../population/types.ts';
import { createSandboxApp, post } from '../sandbox-app.ts';
import { gpPracticeFor } from './gp-practices.ts';

type Request = components['schemas']['NhsTraceRequest'];
type Response = components['schemas']['NhsTraceResponse'];

function trace(index: PopulationIndex, request: Request): Response {
  const { postcode, sex } = request;
  const match = findSubject(
    index,
    request,
    (person) =>
      (sex === undefined || person.sex === sex) &&
      (postcode === undefined ||
        person.addresses.some((a) => normalisePostcode(a.postcode) === normalisePostcode(postcode))),
  );
  if (match.outcome !== 'matched') return { outcome: match.outcome };
  const { person } = match;
  const address = currentAddress(person);
  return {
    outcome: 'matched',
    patient: {
      forename: person.forename,
      surname: person.surname,
      dateOfBirth: person.dateOfBirth,
      address: { line1: address.line1, town: address.town, postcode: address.postcode, from: address.from },
      gpPracticeName: gpPracticeFor(address.postcode),
    },
  };
}

export function createNhsSandbox(
  population: Population,
  index: PopulationIndex = indexPopulation(population),
): express.Express {
  return createSandboxApp('NHS Digital', [
    post('/nhs/trace', 'NhsTraceRequest', 'NhsTraceResponse', (request) => trace(index, request)),
  ]);
}
