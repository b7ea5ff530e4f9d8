// A batch upload retried after a timeout must not make a second batch (issue 14: "Idempotency-Key on every POST
// that exchanges or creates"; a second batch would work every record again and count each twice against the cap).
// With the same key and records the retry gets the first answer, the same batch and Location; keys belong to one
// client; a key reused for another batch is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientStore } from '../../gateway/auth/client-store.ts';
import { enrolClient } from '../../gateway/auth/sandbox-clients.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { ninoAlignment, paths } from '../support/requests.ts';

const { turns30On2018_05_01: priya, nonEeaDebtor: jordan } = fixtures;
const grant = (p: typeof priya) => ({ ...p, homeOfficeReference: p.immigration.homeOfficeReference!, nino: p.nino });
const batchPath = `${paths['dwp.nino-alignment']}/batches`;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clock: () => new Date('2026-11-23T12:00:00Z') });
  // A second system of the same party, with a client of its own.
  const second = {
    id: 'ukvi-second-casework',
    party: 'home-office-ukvi',
    displayName: 'UK Visas and Immigration, a second team',
    roles: ['partner'],
  };
  gw.keys.set(second.id, await enrolClient(createClientStore(gw.db), second as Parameters<typeof enrolClient>[1]));
});
afterAll(() => gw.close());

const submit = async (records: unknown[], key?: string, clientId = 'ukvi-casework', query = '') => {
  const req = gw.http.post(`${batchPath}${query}`).set('authorization', `Bearer ${await gw.token(clientId)}`);
  if (key !== undefined) req.set('idempotency-key', key);
  return req.send(records as object);
};
const batchesKept = async () => Number((await gw.db('batches').count<{ n: string }[]>({ n: '*' }))[0]!.n);
const recordsKept = async () => Number((await gw.db('batch_records').count<{ n: string }[]>({ n: '*' }))[0]!.n);
const records = () => [ninoAlignment([grant(priya)]), ninoAlignment([grant(jordan)])];

describe('a batch retried with the same Idempotency-Key', () => {
  it('gets the first answer again, the same batch and Location, and takes no record a second time', async () => {
    const key = `"${randomUUID()}"`;
    const first = await submit(records(), key);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.headers.location).toBe(`/v1/batches/${first.body.id}`);
    const batches = await batchesKept();
    const taken = await recordsKept();

    const retry = await submit(records(), key);
    expect(retry.status).toBe(202);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toContain('application/json');
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.body).toEqual(first.body);
    expect(await batchesKept()).toBe(batches);
    expect(await recordsKept()).toBe(taken);
  });

  it('is a new batch for a new key', async () => {
    const first = await submit(records(), randomUUID());
    const second = await submit(records(), randomUUID());
    expect(second.status).toBe(202);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.id).not.toBe(first.body.id);
  });
});

describe('a key reused for another batch', () => {
  it('is 422 when the records differ, and nothing is taken', async () => {
    const key = randomUUID();
    expect((await submit(records(), key)).status).toBe(202);
    const batches = await batchesKept();
    const other = await submit([ninoAlignment([grant(priya)])], key);
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body.code).toBe('unprocessable');
    expect(other.body.detail).toContain('Idempotency-Key');
    expect(await batchesKept()).toBe(batches);
  });

  it('is 422 when the query differs (a callback asked for only the second time), and nothing is taken', async () => {
    const key = randomUUID();
    expect((await submit(records(), key)).status).toBe(202);
    const batches = await batchesKept();
    const other = await submit(records(), key, 'ukvi-casework', '?callbackUrl=https://ukvi.example/batches');
    expect(other.status).toBe(422);
    expect(other.body.detail).toContain('Idempotency-Key');
    expect(await batchesKept()).toBe(batches);
  });

  it('is independent for another client: the same key and records from another system make its own batch', async () => {
    const key = randomUUID();
    const mine = await submit(records(), key);
    const theirs = await submit(records(), key, 'ukvi-second-casework');
    expect(theirs.status).toBe(202);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('is free again after a batch refused before anything was taken: the corrected batch runs under it', async () => {
    const key = randomUUID();
    const tooMany = await submit(
      Array.from({ length: gw.config.batches.maxRecords + 1 }, () => ({})),
      key,
    );
    expect(tooMany.status).toBe(413);
    const corrected = await submit(records(), key);
    expect(corrected.status).toBe(202);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });
});
