// The DPO's audit search by day, and the times it shows, are London's: an exchange at half past midnight BST on
// 7 July (23:30 UTC on 6 July) is on 7 July, shown as "7 Jul 2026, 00:30 BST", and a search for 6 July does not
// find it. Before, From and Up to were UTC midnights and times were UTC with no zone (issue 15).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { send } from '../measures/workload.ts';

let now = new Date('2026-07-06T23:30:00Z');
let gw: TestGateway;
let cookie: string;

const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`))!.split(';')[0]!;

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  await send(gw, 'fsm-check', '2026-07-07');
  now = new Date('2026-07-08T10:00:00Z');
  const form = await gw.http.get('/console/sign-in');
  const nonce = /name="signin" value="([^"]+)"/.exec(form.text)![1]!;
  const res = await gw.http
    .post('/console/sign-in')
    .set('cookie', cookieOf(form, 'gw-console-signin'))
    .set('origin', gw.baseUrl)
    .type('form')
    .send({ signin: nonce, token: await gw.token('dpo', { jti: randomUUID() }) });
  cookie = cookieOf(res, 'gw-console');
}, 60_000);
afterAll(() => gw.close());

const search = async (from: string, to: string) => {
  const res = await gw.http
    .get(`/console/dpo/search?exchange=dfe.fsm-eligibility&from=${from}&to=${to}`)
    .set('cookie', cookie);
  expect(res.status).toBe(200);
  return res.text;
};

describe('the audit search by London day', () => {
  it('finds an exchange made at 00:30 BST on 7 July on 7 July, and shows its time in London with the zone', async () => {
    const page = await search('2026-07-07', '2026-07-07');
    expect(page).toContain('7 Jul 2026, 00:30 BST');
    expect(page).not.toMatch(/2026-07-06[ T]23:30/);
  });

  it('does not find it on 6 July, the UTC day it was made on', async () => {
    expect(await search('2026-07-06', '2026-07-06')).toContain('0 entries, newest first');
  });

  it('explains a day not written as YYYY-MM-DD, or one that does not exist', async () => {
    expect(await search('07/07/2026', '2026-07-07')).toContain('From must be a day written as YYYY-MM-DD');
    expect(await search('2026-07-07', '2026-02-30')).toContain('Up to must be a day written as YYYY-MM-DD');
  });
});
