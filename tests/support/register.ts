// Register fixtures as a registry administrator would send them.
import type { TestGateway } from './gateway.ts';

export function collaborationBody(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    reportRef: '–',
    title: `Test collaboration ${id}`,
    purpose: 'Check that the register behaves as the inspection asked.',
    kind: 'bau',
    directorate: 'Immigration Enforcement',
    owner: { name: 'Head of Data Sharing', role: 'Owner', email: 'owner@homeoffice.example' },
    parties: ['home-office-ie', 'dfe'],
    startsOn: '2026-01-01',
    endsOn: null,
    status: 'active',
    ...overrides,
  };
}

export function termsBody(agreementId: string, version: string, overrides: Record<string, unknown> = {}) {
  return {
    agreementId,
    version,
    title: `Agreement ${agreementId}`,
    kind: 'mou',
    parties: ['home-office-ie', 'dfe'],
    inForceFrom: '2027-01-01',
    inForceTo: null,
    legalBases: [{ code: 'dpa-2018-sch2-para2', statute: 'Data Protection Act 2018', section: 'Sch. 2 para 2' }],
    purposes: [
      {
        code: 'trace-child-of-immigration-offender',
        description: 'Trace a child',
        mode: 'reactive',
        compliantEnvironment: false,
      },
    ],
    partyAims: [
      { party: 'home-office-ie', seeks: 'Addresses' },
      { party: 'dfe', seeks: 'A capped process' },
    ],
    exchanges: [
      {
        exchange: 'dfe.child-trace',
        requesters: ['home-office-ie'],
        responder: 'dfe',
        requestFields: ['subject.forename'],
        responseFields: ['match'],
      },
    ],
    dataAccuracy: {
      matchPoints: ['name', 'dateOfBirth', 'postcode'],
      description: 'Three-point match; a partial match is returned for resolution',
    },
    sopReferences: ['SOP 1'],
    processMaps: [],
    seniorOwners: [
      { party: 'home-office-ie', name: 'IE owner', role: 'Senior owner', email: 'ie@homeoffice.example' },
      { party: 'dfe', name: 'DfE owner', role: 'Senior owner', email: 'dfe@education.example' },
    ],
    communication: 'Monthly call',
    feedback: 'Quarterly outcome report',
    measures: [{ code: 'monthly-cap', description: 'Cap', monthlyCap: 100 }],
    review: { intervalMonths: 12, lastReviewedOn: null, nextReviewDue: '2027-12-31', improvementPlan: null },
    namesOrganisations: ['home-office', 'dfe'],
    notes: null,
    ...overrides,
  };
}

export function asRole(gw: TestGateway, clientId: string) {
  const auth = async () => `Bearer ${await gw.token(clientId)}`;
  return {
    get: async (path: string) => gw.http.get(path).set('authorization', await auth()),
    post: async (path: string, body: object) =>
      gw.http
        .post(path)
        .set('authorization', await auth())
        .send(body),
    put: async (path: string, body: object) =>
      gw.http
        .put(path)
        .set('authorization', await auth())
        .send(body),
  };
}

export async function rowCounts(gw: TestGateway) {
  const tables = [
    'collaborations',
    'agreements',
    'agreement_versions',
    'agreement_version_events',
    'agreement_reviews',
    'directives',
    'audit_log',
  ];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await gw.db(t).count<{ c: string }[]>({ c: '*' }).first())!.c);
  return counts;
}

/**
 * A new agreement in the same collaboration as an existing version, with its terms changed by `change`, signed
 * by every party and in force from `day`: how a registry administrator would put, say, a lower cap in place.
 */
export async function adoptTerms(
  gw: TestGateway,
  from: { agreementId: string; version: string },
  to: { agreementId: string; version: string; day: string },
  change: (terms: Record<string, any>) => Record<string, any> = (t) => t,
) {
  const admin = asRole(gw, 'registry-admin');
  const source = await admin.get(`/v1/register/agreements/${from.agreementId}/versions/${from.version}`);
  if (source.status !== 200) throw new Error(`no version ${from.agreementId}@${from.version}: ${source.status}`);
  const { signatures: _s, suspensions: _u, terminatedOn: _t, ...terms } = source.body.version;
  const agreements = await admin.get(`/v1/register/agreements/${from.agreementId}/versions`);
  const collaborationId = agreements.body.agreement.collaborationId;
  const created = await admin.post('/v1/register/agreements', {
    id: to.agreementId,
    collaborationId,
    kind: terms.kind,
    title: `${terms.title} (${to.agreementId})`,
  });
  if (created.status !== 201) throw new Error(`agreement not created: ${JSON.stringify(created.body)}`);
  const body = completedForSignature(
    change({ ...terms, agreementId: to.agreementId, version: to.version, inForceFrom: to.day, inForceTo: null }),
  );
  const drafted = await admin.post(`/v1/register/agreements/${to.agreementId}/versions`, body);
  if (drafted.status !== 201) throw new Error(`version not drafted: ${JSON.stringify(drafted.body)}`);
  for (const party of body.parties as string[]) {
    const signed = await admin.post(`/v1/register/agreements/${to.agreementId}/versions/${to.version}/signatures`, {
      party,
      signatory: `Senior owner for ${party}`,
      signedOn: to.day,
    });
    if (signed.status !== 200) throw new Error(`not signed by ${party}: ${JSON.stringify(signed.body)}`);
  }
  return body;
}

/**
 * Terms adopted from the default register, with whatever recommendation 2 asks for and the source lacks filled in
 * (a senior owner per party, accuracy, communication, measures, a review interval): a version signed today must be
 * complete, and the tests that adopt terms are about the term they change, not about these.
 */
export function completedForSignature(terms: Record<string, any>): Record<string, any> {
  const owners = [...terms.seniorOwners];
  for (const party of terms.parties as string[]) {
    if (!owners.some((o) => o.party === party))
      owners.push({ party, name: `Senior owner for ${party}`, role: 'Senior owner', email: `owner@${party}.example` });
  }
  return {
    ...terms,
    seniorOwners: owners,
    dataAccuracy: terms.dataAccuracy ?? {
      matchPoints: [],
      description: 'Each party corrects what the other reports wrong',
    },
    communication: terms.communication || 'Monthly call between the senior owners',
    measures: terms.measures.length > 0 ? terms.measures : [{ code: 'volume', description: 'Requests a month' }],
    review: { ...terms.review, intervalMonths: terms.review.intervalMonths ?? 12 },
  };
}

/** Whether the signals an SRO reads say that `agreementId`'s review is overdue. */
export async function reviewOverdue(gw: TestGateway, agreementId: string): Promise<boolean> {
  const signals = (await asRole(gw, 'sro').get('/v1/measures/signals')).body.signals as {
    code: string;
    agreementId: string | null;
  }[];
  return signals.some((s) => s.code === 'review-overdue' && s.agreementId === agreementId);
}
