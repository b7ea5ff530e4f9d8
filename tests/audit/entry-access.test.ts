// Who reads an entry (issue 13's findings): a DPO's dry run on behalf of a party is not readable by that party's
// clients, whose reasons it would show in full; the side that answered an exchange reads it, as it may give
// feedback on it; anyone else is told "not found", as for an id that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { fixedClock } from '../support/child-trace.ts';
import { caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { dwpStatusCheck, hmrcProactiveNotification, paths } from '../support/requests.ts';

const { turns30On2018_05_01: priya } = fixtures;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
});
afterAll(() => gw.close());

const read = (clientId: string, auditId: string) => caller(gw, clientId).get(`/v1/audit/entries/${auditId}`);

describe('reading an audit entry', () => {
  it("a DPO's dry run on behalf of a party is read by the DPO alone, not by that party's clients", async () => {
    const dry = await caller(gw, 'dpo').post('/v1/decisions', {
      exchange: 'hmrc.proactive-notification',
      party: 'home-office',
      request: hmrcProactiveNotification(priya),
    });
    expect(dry.status).toBe(200);
    expect(JSON.stringify(dry.body)).toMatch(/is 38 on 2026-11-23/);
    for (const path of [`/v1/audit/entries/${dry.body.auditId}`, `/v1/audit/entries/${dry.body.auditId}/replay`]) {
      const res = await caller(gw, 'ho-status-sharing').get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toMatch(/\b38\b/);
    }
    expect((await read('dpo', dry.body.auditId)).status).toBe(200);
  });

  it("a partner's own dry run is read by the client that made it", async () => {
    const dry = await caller(gw, 'dwp-benefits').post('/v1/decisions', {
      exchange: 'dwp.status-check',
      request: dwpStatusCheck(priya, { nino: true }),
    });
    expect(dry.status).toBe(200);
    expect((await read('dwp-benefits', dry.body.auditId)).status).toBe(200);
    expect((await read('ho-status-sharing', dry.body.auditId)).status).toBe(404);
  });

  it('the side that answered an exchange reads its decision, as it may give feedback on it; a stranger does not', async () => {
    const res = await caller(gw, 'dwp-benefits').post(paths['dwp.status-check'], dwpStatusCheck(priya, { nino: true }));
    expect(res.status).toBe(200);
    expect((await read('dwp-benefits', res.body.auditId)).status).toBe(200);
    expect((await read('ho-status-sharing', res.body.auditId)).status).toBe(200);
    expect((await read('hmrc-benefits', res.body.auditId)).status).toBe(404);
    const feedback = await caller(gw, 'ho-status-sharing').post('/v1/feedback', {
      auditId: res.body.auditId,
      outcome: 'no-action',
    });
    expect(feedback.status).toBe(201);
  });
});
