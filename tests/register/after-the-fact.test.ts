// The past is not rewritten (issue 12). Three changes recorded today about days long gone (a signature dated 2014,
// a joint review of 2018, a directive from 2018) change what the register says of those days, as corrections
// should; but a dry run as the register was known before them is unchanged, every earlier decision replays
// identically, and each change is a signal for the SRO and a search for the DPO. A superuser who rewrites the
// register's history under an earlier revision is caught by the replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, currentPostcode, fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole } from '../support/register.ts';

const child = { ...fixtures.traceableChild, postcode: currentPostcode(fixtures.traceableChild) };
const onHistoricMou = childTraceRequest(child, { agreementId: 'ie-dfe-history-mou' });

let gw: TestGateway;
let admin: ReturnType<typeof asRole>;
let dpo: ReturnType<typeof asRole>;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  admin = asRole(gw, 'registry-admin');
  dpo = asRole(gw, 'dpo');
});
afterAll(() => gw.close());

/** The database's clock now: a moment between two register writes. */
async function moment(): Promise<string> {
  const result = await gw.db.raw(
    `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`,
  );
  return result.rows[0].t;
}

const dryRun = async (asOf: string, asKnownOn?: string) => {
  const res = await dpo.post('/v1/decisions', {
    exchange: 'dfe.child-trace',
    party: 'home-office-ie',
    asOf,
    ...(asKnownOn ? { asKnownOn } : {}),
    request: onHistoricMou,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { decision: 'permit' | 'deny'; auditId: string; rules: { id: string; outcome: string }[] };
};

const narrowing = {
  id: 'history-child-trace-narrowing',
  title: 'Child tracing only for serious offenders',
  authority: 'Director General, Immigration Enforcement',
  scope: { exchanges: ['dfe.child-trace'] },
  condition: {
    kind: 'allowed-purposes',
    purposes: ['deportation-serious-criminal-offence'],
    otherEffortsFailedRequired: false,
    otherEffortsFailedField: 'trace.otherEffortsFailed',
    seriousOffenceMinimumSentenceMonths: 12,
    sentenceField: 'trace.sentenceMonths',
  },
  effectiveFrom: '2018-01-01',
  effectiveTo: null,
  reference: 'Recorded late: the 2018 instruction was found in a file review',
};

describe('three changes recorded after the fact', () => {
  const decisionsBefore: string[] = [];
  let beforeSignature = '';
  let beforeReview = '';
  let beforeDirective = '';

  it('a signature dated 2014, recorded today, makes the 2015 dry run permit; as known before, it still refuses', async () => {
    const source = await admin.get('/v1/register/agreements/ie-dfe-child-tracing-mou/versions/2.0');
    const { signatures: _s, suspensions: _u, terminatedOn: _t, ...terms } = source.body.version;
    const collaborationId = (await admin.get('/v1/register/agreements/ie-dfe-child-tracing-mou/versions')).body
      .agreement.collaborationId;
    expect(
      (
        await admin.post('/v1/register/agreements', {
          id: 'ie-dfe-history-mou',
          collaborationId,
          kind: 'mou',
          title: 'Child tracing MoU (history test)',
        })
      ).status,
    ).toBe(201);
    const drafted = await admin.post('/v1/register/agreements/ie-dfe-history-mou/versions', {
      ...terms,
      agreementId: 'ie-dfe-history-mou',
      version: '1.0',
      inForceFrom: '2014-01-01',
      inForceTo: null,
      draftedOn: '2013-11-01',
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);

    const unsigned = await dryRun('2015-06-01');
    expect(unsigned.decision).toBe('deny');
    expect(unsigned.rules.find((r) => r.id === 'agreement-in-force')!.outcome).toBe('deny');
    decisionsBefore.push(unsigned.auditId);

    beforeSignature = await moment();
    for (const party of terms.parties as string[]) {
      const signed = await admin.post('/v1/register/agreements/ie-dfe-history-mou/versions/1.0/signatures', {
        party,
        signatory: `Senior owner for ${party}`,
        signedOn: '2014-01-01',
        reason: 'The signed copy was found in the 2026 file review',
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    const signed = await dryRun('2015-06-01');
    expect(signed.decision).toBe('permit');
    decisionsBefore.push(signed.auditId);
    expect((await dryRun('2015-06-01', beforeSignature)).decision).toBe('deny');
  });

  it('a joint review of 2018, recorded today, is in the register now but not as it was known before', async () => {
    beforeReview = await moment();
    const review = await asRole(gw, 'sro').post(
      '/v1/register/agreements/ie-dfe-history-mou/versions/1.0/joint-reviews',
      {
        heldOn: '2018-03-01',
        attendees: [
          { party: 'home-office-ie', name: 'Head of Removals Casework', role: 'Senior owner' },
          { party: 'dfe', name: 'Head of Data Sharing', role: 'Senior owner' },
        ],
        findings: ['Continue; add a feedback loop'],
        actions: [],
      },
    );
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    // It counts once both parties have signed it off, each recorded today too.
    for (const [client, party] of [
      ['sro', 'home-office-ie'],
      ['dfe-pupil-data', 'dfe'],
    ] as const) {
      const signed = await asRole(gw, client).post(`/v1/register/joint-reviews/${review.body.id}/sign-offs`, {
        party,
        signatory: `Senior owner for ${party}`,
        signedOn: '2018-03-01',
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    const now = await admin.get('/v1/register/agreements/ie-dfe-history-mou/versions/1.0?asOf=2018-06-01');
    expect(now.body.version.review.lastReviewedOn).toBe('2018-03-01');
    const known = await admin.get(
      `/v1/register/agreements/ie-dfe-history-mou/versions/1.0?asOf=2018-06-01&asKnownOn=${encodeURIComponent(beforeReview)}`,
    );
    expect(known.status).toBe(200);
    // As known before, the version's review is what its terms said when drafted (its last review before 2018).
    expect(known.body.version.review.lastReviewedOn).toBe('2016-10-01');
    expect(known.body.version.review.nextReviewDue).not.toBe('2019-03-01');
    expect(known.body.version.signatures).toHaveLength(2);
  });

  it('a directive from 2018, issued today, makes the January 2018 dry run refuse; as known before, it still permits', async () => {
    const permitted = await dryRun('2018-01-15');
    expect(permitted.decision).toBe('permit');
    decisionsBefore.push(permitted.auditId);
    beforeDirective = await moment();
    expect((await admin.post('/v1/register/directives', narrowing)).status).toBe(201);
    const refused = await dryRun('2018-01-15');
    expect(refused.decision).toBe('deny');
    expect(refused.rules.find((r) => r.id === 'nhs-narrowed-scope')!.outcome).toBe('deny');
    expect((await dryRun('2018-01-15', beforeDirective)).decision).toBe('permit');
    expect((await dryRun('2018-01-15', beforeSignature)).decision).toBe('deny');
    // The directive list as known before it was issued does not hold it; a day (London) means by the end of it.
    const listed = async (asKnownOn: string) =>
      (await admin.get(`/v1/register/directives?asKnownOn=${encodeURIComponent(asKnownOn)}`)).body.directives.map(
        (d: { id: string }) => d.id,
      );
    expect(await listed(beforeDirective)).not.toContain(narrowing.id);
    expect(await listed('2999-12-31')).toContain(narrowing.id);
    expect(await listed('2020-01-01')).toEqual([]);
  });

  it('replays every decision made before the changes identically, on the register as it was known then', async () => {
    expect(decisionsBefore).toHaveLength(3);
    for (const auditId of decisionsBefore) {
      const res = await dpo.get(`/v1/audit/entries/${auditId}/replay`);
      expect(res.status).toBe(200);
      expect(res.body.identical, JSON.stringify(res.body.differences)).toBe(true);
    }
  });

  it('tells the SRO of each, with who, what and why, and lets the DPO find them', async () => {
    const signals = (await asRole(gw, 'sro').get('/v1/measures/signals')).body.signals.filter(
      (s: { code: string }) => s.code === 'recorded-after-the-fact',
    );
    const details = signals.map((s: { detail: string }) => s.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /registry-admin recorded sign-version of agreement\/ie-dfe-history-mou\/version\/1\.0 on 2026-11-23, dated 2014-01-01 .*"The signed copy was found in the 2026 file review"/,
        ),
        expect.stringMatching(
          /sro recorded record-joint-review of agreement\/ie-dfe-history-mou\/version\/1\.0 on 2026-11-23, dated 2018-03-01 .*no reason given/,
        ),
        expect.stringMatching(
          /registry-admin recorded issue-directive of directive\/history-child-trace-narrowing on 2026-11-23, dated 2018-01-01/,
        ),
      ]),
    );
    const found = await dpo.get('/v1/audit/entries?afterTheFact=true');
    expect(found.status).toBe(200);
    const targets = found.body.entries.map((e: { body: { target: string } }) => e.body.target);
    expect(targets.filter((t: string) => t === 'agreement/ie-dfe-history-mou/version/1.0')).toHaveLength(3);
    expect(targets).toContain('directive/history-child-trace-narrowing');
    // The draft itself took effect on no past day: not after the fact.
    expect(found.body.entries.map((e: { body: { action: string } }) => e.body.action)).not.toContain('draft-version');
  });
});

describe("the register's history", () => {
  it('cannot be changed: the database refuses updates and deletes of what was recorded', async () => {
    await expect(gw.db('directives').where({ id: narrowing.id }).update({ actor: 'someone-else' })).rejects.toThrow(
      /append-only/,
    );
    await expect(gw.db('agreements').where({ id: 'ie-dfe-history-mou' }).del()).rejects.toThrow(/append-only/);
    await expect(gw.db.raw('truncate directives')).rejects.toThrow(/append-only/);
  });

  it("keeps a lifted directive's earlier revision, and what the draft said before it was replaced", async () => {
    expect(
      (
        await admin.post(`/v1/register/directives/${narrowing.id}/end`, {
          action: 'lift',
          effectiveTo: '2026-11-30',
          reason: 'Superseded by the 2026 MoU',
        })
      ).status,
    ).toBe(200);
    const revisions = await gw
      .db('directives')
      .where({ id: narrowing.id })
      .orderBy('revision')
      .select('body', 'actor', 'reason');
    const ends = revisions.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body).effectiveTo);
    expect(ends).toEqual([null, '2026-11-30']);
    expect(revisions[1]).toMatchObject({ actor: 'registry-admin', reason: 'Superseded by the 2026 MoU' });
  });

  it('rewritten by a superuser under an earlier revision, is caught by the replay of a decision made before', async () => {
    const decided = await dryRun('2019-06-01');
    expect(decided.decision).toBe('deny');
    const entry = await gw.db('audit_log').where({ id: decided.auditId }).first('body');
    const generation = (typeof entry.body === 'string' ? JSON.parse(entry.body) : entry.body)
      .registerGeneration as number;
    // A superuser switches the triggers off and slips a revision of the directive in as if it had always been known.
    await gw.db.transaction(async (trx) => {
      await trx.raw(`set local session_replication_role = replica`);
      await trx.raw(
        `insert into directives (id, body, actor, reason, recorded_generation, recorded_at) values (?, ?::jsonb, 'dba', 'rewrite', 1, now())`,
        [narrowing.id, JSON.stringify({ ...narrowing, effectiveTo: '2018-12-31' })],
      );
    });
    expect(generation).toBeGreaterThan(1);
    const replayed = await dpo.get(`/v1/audit/entries/${decided.auditId}/replay`);
    expect(replayed.body.identical).toBe(false);
    expect(replayed.body.differences).toEqual(
      expect.arrayContaining([expect.stringMatching(/^decision: deny then, permit now$/)]),
    );
  });
});
