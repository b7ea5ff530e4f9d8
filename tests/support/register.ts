// Register fixtures as a registry administrator would send them.
import type { TestGateway } from './gateway.ts';

export function collaborationBody(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id, reportRef: '–', title: `Test collaboration ${id}`, purpose: 'Check that the register behaves as the inspection asked.',
    kind: 'bau', directorate: 'Immigration Enforcement',
    owner: { name: 'Head of Data Sharing', role: 'Owner', email: 'owner@homeoffice.example' },
    parties: ['home-office-ie', 'dfe'], startsOn: '2026-01-01', endsOn: null, status: 'active', ...overrides,
  };
}

export function termsBody(agreementId: string, version: string, overrides: Record<string, unknown> = {}) {
  return {
    agreementId, version, title: `Agreement ${agreementId}`, kind: 'mou', parties: ['home-office-ie', 'dfe'],
    inForceFrom: '2027-01-01', inForceTo: null,
    legalBases: [{ code: 'dpa-2018-sch2-para2', statute: 'Data Protection Act 2018', section: 'Sch. 2 para 2' }],
    purposes: [{ code: 'trace-child-of-immigration-offender', description: 'Trace a child', mode: 'reactive', compliantEnvironment: false }],
    partyAims: [{ party: 'home-office-ie', seeks: 'Addresses' }, { party: 'dfe', seeks: 'A capped process' }],
    exchanges: [{ exchange: 'dfe.child-trace', requesters: ['home-office-ie'], responder: 'dfe', requestFields: ['subject.forename'], responseFields: ['match'] }],
    dataAccuracy: null, sopReferences: ['SOP 1'], processMaps: [],
    seniorOwners: [
      { party: 'home-office-ie', name: 'IE owner', role: 'Senior owner', email: 'ie@homeoffice.example' },
      { party: 'dfe', name: 'DfE owner', role: 'Senior owner', email: 'dfe@education.example' },
    ],
    communication: 'Monthly call', feedback: 'Quarterly outcome report',
    measures: [{ code: 'monthly-cap', description: 'Cap', monthlyCap: 100 }],
    review: { intervalMonths: 12, lastReviewedOn: null, nextReviewDue: '2027-12-31', improvementPlan: null },
    namesOrganisations: ['home-office', 'dfe'], notes: null,
    ...overrides,
  };
}

export function asRole(gw: TestGateway, clientId: string) {
  const auth = async () => `Bearer ${await gw.token(clientId)}`;
  return {
    get: async (path: string) => gw.http.get(path).set('authorization', await auth()),
    post: async (path: string, body: object) => gw.http.post(path).set('authorization', await auth()).send(body),
    put: async (path: string, body: object) => gw.http.put(path).set('authorization', await auth()).send(body),
  };
}

export async function rowCounts(gw: TestGateway) {
  const tables = ['collaborations', 'agreements', 'agreement_versions', 'agreement_version_events', 'agreement_reviews', 'directives', 'audit_log'];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await gw.db(t).count<{ c: string }[]>({ c: '*' }).first())!.c);
  return counts;
}
