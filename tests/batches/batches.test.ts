// Batches of the report's bulk flows (¶6.33 the daily NINo alignment of grants; DfE's traces, ¶6.100–6.112): each
// record decided, audited, forwarded and minimised as a single call would be, counted against the same caps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { batchClient, linesOf } from '../support/batches.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import { auditEntry, caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { adoptTerms } from '../support/register.ts';
import { fsmEligibility, hmrcEvidenceRequest, ninoAlignment, paths } from '../support/requests.ts';

const { turns30On2018_05_01: priya, nonEeaDebtor: jordan } = fixtures;
const grant = (p: typeof priya) => ({ ...p, homeOfficeReference: p.immigration.homeOfficeReference!, nino: p.nino });
const amara = { ...fixtures.traceableChild, postcode: currentPostcode(fixtures.traceableChild) };

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clock: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(() => gw.close());

describe('a batch of NINo alignments (¶6.33)', () => {
  it('works every record through the pipeline, with progress on the way and a result line per record', async () => {
    // 10,000 on PostgreSQL, as the issue asks; fewer on in-memory PGlite, whose single connection makes it slow.
    const size = gw.databaseKind === 'postgresql' ? 10_000 : 300;
    const ukvi = batchClient(gw, 'ukvi-casework');
    const records = Array.from({ length: size }, (_, i) => ninoAlignment([grant(i % 2 ? priya : jordan)]));
    const submitted = await ukvi.submit(paths['dwp.nino-alignment'], records);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const location = submitted.headers.location!;
    expect(location).toBe(`/v1/batches/${submitted.body.id}`);
    expect(submitted.body).toMatchObject({ exchange: 'dwp.nino-alignment', total: size, invalid: 0 });

    const seen = await ukvi.untilDone(location);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      state: 'done',
      total: size,
      done: size,
      permitted: size,
      refused: 0,
      failed: 0,
      invalid: 0,
    });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1]!.done)).toBe(true);

    const lines = linesOf(await ukvi.results(location));
    expect(lines.map((l) => l.index)).toEqual(records.map((_, i) => i));
    expect(new Set(lines.map((l) => l.auditId)).size).toBe(size);
    expect(lines[1]).toMatchObject({ status: 'permitted', decision: 'permit', outcome: 'aligned' });
    expect(lines[1]!.result.matches).toEqual([
      { homeOfficeReference: priya.immigration.homeOfficeReference, outcome: 'confirmed', nino: priya.nino },
    ]);

    // The record is in the log as a single call's would be: its decision and its outcome.
    const audit = await auditEntry(gw, lines[1]!.auditId!);
    expect(audit.entry).toMatchObject({
      kind: 'decision',
      body: { decision: 'permit', requestId: lines[1]!.requestId, exchange: 'dwp.nino-alignment' },
    });
    expect(audit.outcomes.map((o) => o.body.outcome)).toEqual(['aligned']);
  }, 900_000);

  it('keeps no record input in clear, and blanks it once the record is done', async () => {
    const ukvi = batchClient(gw, 'ukvi-casework');
    const canary = 'Zyxwcanary';
    const submitted = await ukvi.submit(paths['dwp.nino-alignment'], [
      ninoAlignment([{ ...grant(priya), forename: canary }]),
    ]);
    await ukvi.untilDone(submitted.headers.location!);
    const rows = await gw.db('batch_records').where({ batch_id: submitted.body.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].input).toBeNull();
    expect(JSON.stringify(rows)).not.toContain(canary);
    expect(JSON.stringify(rows)).not.toContain(priya.nino);
  });
});

describe('the other bulk flows', () => {
  it.each([
    ['dfe.fsm-eligibility', 'dfe-pupil-data', () => fsmEligibility(fixtures.s95Parent)],
    [
      'hmrc.evidence-request',
      'ukvi-casework',
      () => hmrcEvidenceRequest(priya, { purpose: 'right-to-remain-or-treaty-rights' }),
    ],
    ['dfe.child-trace', 'ie-removals-casework', () => childTraceRequest(amara)],
  ] as const)(
    'takes a batch of %s, each record permitted and audited as its single call',
    async (exchange, clientId, body) => {
      const client = batchClient(gw, clientId);
      const submitted = await client.submit(paths[exchange], [body(), body()]);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
      expect((await client.untilDone(submitted.headers.location!)).at(-1)).toMatchObject({ total: 2, permitted: 2 });
      const lines = linesOf(await client.results(submitted.headers.location!));
      const single = await caller(gw, clientId).post(paths[exchange], body());
      expect(single.status).toBe(200);
      for (const line of lines) {
        expect(line).toMatchObject({ status: 'permitted', decision: 'permit', outcome: single.body.outcome });
        expect(line.result).toEqual(single.body.result);
        expect((await auditEntry(gw, line.auditId!)).entry.body).toMatchObject({ exchange, requestId: line.requestId });
      }
    },
  );
});

describe('records that are not valid', () => {
  it('reports each bad record on its own line, and works the rest', async () => {
    const ukvi = batchClient(gw, 'ukvi-casework');
    const good = JSON.stringify(ninoAlignment([grant(priya)]));
    const { grants: _g, ...noGrants } = ninoAlignment([grant(priya)]);
    const ndjson = [good, JSON.stringify(noGrants), '{not json', good].join('\n');
    const submitted = await ukvi.submitNdjson(paths['dwp.nino-alignment'], ndjson);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    expect(submitted.body).toMatchObject({ total: 4, invalid: 2 });
    const last = (await ukvi.untilDone(submitted.headers.location!)).at(-1)!;
    expect(last).toMatchObject({ total: 4, permitted: 2, invalid: 2 });
    const lines = linesOf(await ukvi.results(submitted.headers.location!));
    expect(lines.map((l) => l.status)).toEqual(['permitted', 'invalid', 'invalid', 'permitted']);
    expect(lines[1]!.errors).toEqual([{ field: 'grants', message: 'is required' }]);
    expect(lines[2]!.errors).toEqual([{ field: '(record)', message: 'is not a line of JSON' }]);
    expect(lines[1]!.auditId).toBeUndefined();
  });

  it('refuses a batch of more records than the limit with 413, and takes nothing', async () => {
    const ukvi = batchClient(gw, 'ukvi-casework');
    const before = await gw.db('batches').count<{ n: string }[]>({ n: '*' });
    const res = await ukvi.submit(
      paths['dwp.nino-alignment'],
      Array.from({ length: gw.config.batches.maxRecords + 1 }, () => ({})),
    );
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'payload-too-large' });
    expect(await gw.db('batches').count<{ n: string }[]>({ n: '*' })).toEqual(before);
  });

  it('takes batches only for the bulk exchanges', async () => {
    const res = await batchClient(gw, 'ukvi-casework').submit(paths['dwp.accessed-public-funds'], [{}]);
    expect(res.status).toBe(404);
  });
});

describe('who may read a batch', () => {
  it('is the submitting party only: another party gets 404 for its progress and its results', async () => {
    const ukvi = batchClient(gw, 'ukvi-casework');
    const submitted = await ukvi.submit(paths['dwp.nino-alignment'], [ninoAlignment([grant(priya)])]);
    const location = submitted.headers.location!;
    await ukvi.untilDone(location);
    const dwp = batchClient(gw, 'dwp-benefits');
    expect((await dwp.progress(location)).status).toBe(404);
    expect((await dwp.results(location)).status).toBe(404);
    expect((await ukvi.progress(location)).status).toBe(200);
    const noToken = await gw.http.get(location);
    expect(noToken.status).toBe(401);
  });
});

describe('retention', () => {
  it('keeps results only until the batch expires (BATCH_RETENTION_DAYS), then answers 404', async () => {
    const ukvi = batchClient(gw, 'ukvi-casework');
    const submitted = await ukvi.submit(paths['dwp.nino-alignment'], [ninoAlignment([grant(priya)])]);
    const location = submitted.headers.location!;
    await ukvi.untilDone(location);
    const kept = await gw.db('batches').where({ id: submitted.body.id }).first();
    const days = (new Date(kept.expires_at).getTime() - new Date(kept.submitted_at).getTime()) / 86_400_000;
    expect(days).toBeCloseTo(gw.config.batches.retentionDays, 5);
    // The retention runs out, as if the days had passed.
    await gw
      .db('batches')
      .where({ id: submitted.body.id })
      .update({ expires_at: gw.db.raw(`now() - interval '1 second'`) });
    expect((await ukvi.progress(location)).status).toBe(404);
    expect((await ukvi.results(location)).status).toBe(404);
  });
});

describe('caps are exact under a batch and single calls at once', () => {
  it('permits exactly the 5 places of a trial cap among a batch of 20 and 20 single calls', async () => {
    await adoptTerms(
      gw,
      { agreementId: 'ie-dfe-child-tracing-mou', version: '2.0' },
      { agreementId: 'ie-dfe-batch-cap-trial', version: '1.0', day: '2026-11-23' },
      (t) => ({
        ...t,
        measures: t.measures.map((m: { monthlyCap?: number }) => (m.monthlyCap ? { ...m, monthlyCap: 5 } : m)),
      }),
    );
    const trace = () => childTraceRequest(amara, { agreementId: 'ie-dfe-batch-cap-trial' });
    const ie = batchClient(gw, 'ie-removals-casework');
    const single = caller(gw, 'ie-removals-casework');
    const submitted = await ie.submit(childTracePath, Array.from({ length: 20 }, trace));
    expect(submitted.status).toBe(202);
    const singles = await Promise.all(Array.from({ length: 20 }, () => single.post(childTracePath, trace())));
    const last = (await ie.untilDone(submitted.headers.location!)).at(-1)!;

    const singlePermits = singles.filter((r) => r.status === 200).length;
    expect(singles.filter((r) => r.status !== 200).every((r) => r.status === 403)).toBe(true);
    expect(last.permitted + singlePermits).toBe(5);
    expect(last.refused + (20 - singlePermits)).toBe(35);
    const lines = linesOf(await ie.results(submitted.headers.location!));
    for (const line of lines.filter((l) => l.status === 'refused')) {
      expect(line.rules!.filter((r) => r.outcome === 'deny').map((r) => r.id)).toEqual(['monthly-cap']);
    }
    const permits = await caller(gw, 'dpo').get(
      '/v1/audit/entries?agreement=ie-dfe-batch-cap-trial&kind=decision&decision=permit&limit=500',
    );
    expect(permits.body.entries).toHaveLength(5);
  });
});
