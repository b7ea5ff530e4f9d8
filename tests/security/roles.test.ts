// Who may call what, for every operation in openapi.yaml: the table below is the access policy, stated once.
// Every operation must appear in it, so a new endpoint cannot ship without a decision about who may call it.
// A caller without the role gets 403 before anything is read or written; without a token, 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapi } from '../../contracts/openapi.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

type Role = 'partner' | 'sro' | 'dpo' | 'registry-admin';
const everyone: Role[] = ['partner', 'sro', 'dpo', 'registry-admin'];
const exchange: Role[] = ['partner'];
const registryAdmin: Role[] = ['registry-admin'];
const dpo: Role[] = ['dpo'];

const overseers: Role[] = ['sro', 'dpo'];

/** 'public' needs no token; 'metrics-token' is Prometheus's own bearer secret (METRICS_TOKEN), not a client JWT. */
const policy: Record<string, Role[] | 'public' | 'metrics-token'> = {
  health: 'public',
  ready: 'public',
  getAuditKeys: 'public',
  getCallbackKeys: 'public',
  publishedCollaborations: 'public',
  getMetrics: 'metrics-token',
  dfeChildTrace: exchange,
  dwpNinoAlignment: exchange,
  dwpAccessedPublicFunds: exchange,
  dwpStatusCheck: exchange,
  dwpProactiveNotification: exchange,
  hmrcEvidenceRequest: exchange,
  hmrcStatusCheck: exchange,
  hmrcProactiveNotification: exchange,
  dfeEducationStatusCheck: exchange,
  dfeFsmEligibility: exchange,
  nhsChargeabilityCheck: exchange,
  nhsDebtorReturn: exchange,
  nhsTraceRequest: exchange,
  financialStatusShare: exchange,
  submitExchangeBatch: exchange,
  getBatch: exchange,
  getBatchResults: exchange,
  dryRunDecision: everyone,
  listAuditEntries: dpo,
  searchAuditBySubject: dpo,
  auditSubjectReport: dpo,
  exportAuditLog: dpo,
  verifyAuditLog: dpo,
  getAuditEntry: ['dpo', 'partner'],
  replayAuditEntry: ['dpo', 'partner'],
  getAuditReceipt: ['dpo', 'partner'],
  getAuditInclusionProof: ['dpo', 'partner'],
  getAuditConsistencyProof: ['dpo', 'partner'],
  getAuditCheckpoint: ['dpo', 'partner'],
  addAuditCosignature: ['dpo', 'partner'],
  listAuditWitnesses: everyone,
  registerAuditWitness: registryAdmin,
  listParties: everyone,
  listCollaborations: everyone,
  getCollaboration: everyone,
  listAgreementVersions: everyone,
  getAgreementVersion: everyone,
  listDirectives: everyone,
  registerScorecard: everyone,
  createCollaboration: registryAdmin,
  createAgreement: registryAdmin,
  draftAgreementVersion: registryAdmin,
  replaceDraftVersion: registryAdmin,
  signAgreementVersion: registryAdmin,
  changeVersionLifecycle: registryAdmin,
  issueDirective: registryAdmin,
  endDirective: registryAdmin,
  getMeasures: overseers,
  getCollaborationMeasures: overseers,
  listSignals: overseers,
  reportFeedback: ['partner'],
  listObligations: overseers,
  confirmObligation: ['partner', 'sro'],
  recordReportedMeasure: ['sro'],
  listConsolePeople: registryAdmin,
  grantConsoleRole: registryAdmin,
  revokeConsoleRole: registryAdmin,
  listClients: registryAdmin,
  getClient: registryAdmin,
  registerClient: registryAdmin,
  replaceClientKeys: registryAdmin,
  revokeClientKey: registryAdmin,
  changeClientStatus: registryAdmin,
  replaceClientCallbackUrls: registryAdmin,
  reportCompletion: ['partner'],
  listJointReviews: ['partner', 'registry-admin', 'sro', 'dpo'],
  holdJointReview: ['sro'],
  signOffJointReview: ['sro', 'partner'],
  closeImprovementAction: ['sro'],
};
const clientFor: Record<Role, string> = {
  partner: 'ie-removals-casework',
  sro: 'sro',
  dpo: 'dpo',
  'registry-admin': 'registry-admin',
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
}
const operations: Operation[] = Object.entries(openapi.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { operationId?: string; tags?: string[] }>)
    .filter(([method, op]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method) && op.operationId)
    .map(([method, op]) => ({ operationId: op.operationId!, method, path, tags: op.tags ?? [] })),
);
const governed = operations.filter((op) => Array.isArray(policy[op.operationId]));
const refusals = governed.flatMap((op) =>
  everyone.filter((role) => !(policy[op.operationId] as Role[]).includes(role)).map((role) => ({ ...op, role })),
);

let gw: TestGateway;
let tokens: Record<Role, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  tokens = Object.fromEntries(
    await Promise.all(everyone.map(async (r) => [r, await gw.token(clientFor[r])])),
  ) as Record<Role, string>;
});
afterAll(() => gw.close());

const auditCount = async () => Number((await gw.db('audit_log').count({ n: '*' }).first())!.n);
const send = (op: Operation, token?: string) => {
  const url = op.path.replace(/\{\w+\}/g, 'ie-dfe-child-tracing-mou');
  let req = (gw.http as unknown as Record<string, (u: string) => import('supertest').Test>)[op.method]!(url);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  return op.method === 'get' ? req : req.send({});
};

describe('the access policy', () => {
  it('decides who may call every operation in openapi.yaml', () => {
    // Upstream operations describe partner systems' own APIs, which the gateway calls but does not serve.
    const served = operations.filter((op) => !op.tags.includes('upstream'));
    expect(served.filter((op) => !(op.operationId in policy)).map((op) => op.operationId)).toEqual([]);
    expect(served.length).toBeGreaterThan(40);
  });
});

describe('a caller without the role', () => {
  it.each(refusals.map((r) => [`${r.operationId} as ${r.role}`, r] as const))(
    '%s: 403, nothing read or written',
    async (_name, r) => {
      const before = await auditCount();
      const res = await send(r, tokens[r.role]);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'forbidden', status: 403 });
      expect(res.body.detail).toMatch(/roles/);
      expect(await auditCount()).toBe(before);
    },
  );
});

describe('a caller without a token', () => {
  it.each(governed.map((op) => [op.operationId, op] as const))('%s: 401', async (_name, op) => {
    const res = await send(op);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
