// No personal data in clear in logs, errors or the database: plant canary values in every field a request
// can carry, through permitted, refused and invalid requests, then search for them everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';

const canary = {
  forename: 'Zephyrinecanary',
  surname: 'Quillfeathercanary',
  dateOfBirth: '2011-07-19',
  postcode: 'ZX9 8QJ',
};
const canaryCase = 'CANARY-CASE-7731';
const needles = [canary.forename, canary.surname, canary.dateOfBirth, 'ZX9 8QJ', 'ZX98QJ', canaryCase];

let gw: TestGateway;
const responses: string[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  const token = await gw.token('ie-removals-casework');
  const send = async (body: unknown) => {
    const res = await gw.http
      .post(childTracePath)
      .set('authorization', `Bearer ${token}`)
      .send(body as object);
    responses.push(JSON.stringify(res.body));
    return res;
  };
  const base = childTraceRequest(canary, { caseReference: canaryCase });
  expect((await send(base)).status).toBe(200);
  expect((await send({ ...base, subject: { ...base.subject, nationality: 'ZZC' } })).status).toBe(403);
  expect((await send({ ...base, subject: { ...base.subject, postcode: `${canary.surname}-bad` } })).status).toBe(400);
  expect((await send({ ...base, subject: { ...base.subject, [canary.forename]: canary.surname } })).status).toBe(400);
  expect((await send({ ...base, purpose: canary.forename.toLowerCase() })).status).toBe(403);
});
afterAll(() => gw.close());

describe('canary values', () => {
  it('never appear in the logs', () => {
    const logs = gw.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const needle of needles) expect(logs).not.toContain(needle);
  });

  it('never appear in any table of the database', async () => {
    const tables = await gw.db('information_schema.tables').where({ table_schema: 'public' }).pluck('table_name');
    expect(tables).toContain('audit_log');
    for (const table of tables) {
      const rows = await gw.db.raw(`select t::text as row from "${table}" t`);
      const text = rows.rows.map((r: { row: string }) => r.row).join('\n');
      for (const needle of needles) expect(text, `${needle} in ${table}`).not.toContain(needle);
    }
  });

  it('are never echoed in error bodies', () => {
    const errors = responses.filter((r) => r.includes('"code"'));
    expect(errors.length).toBe(4);
    for (const body of errors)
      for (const needle of [...needles, canary.forename.toLowerCase()]) expect(body).not.toContain(needle);
  });
});

describe('a canary typed into a URL path', () => {
  // A caller may put anything in a path (a name, a NINo); the access log keeps the route it matched, never the path.
  const inPath = 'pathcanarywinifred';
  const routesLogged = () =>
    gw
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { route?: string; path?: string })
      .filter((entry) => entry.route !== undefined || entry.path !== undefined);

  it('never reaches the log: matched routes are logged as templates, anything else as unmatched', async () => {
    const sro = await gw.token('sro');
    const dpo = await gw.token('dpo');
    const answers = [
      [
        await gw.http.get(`/v1/register/collaborations/${inPath}`).set('authorization', `Bearer ${sro}`),
        404,
        '/v1/register/collaborations/:collaborationId',
      ],
      [
        await gw.http.get(`/V1/Register/Collaborations/${inPath}`).set('authorization', `Bearer ${sro}`),
        404,
        '/v1/register/collaborations/:collaborationId',
      ],
      [
        await gw.http.get(`/v1/register/collaborations/${inPath}%E0%A4%A`).set('authorization', `Bearer ${sro}`),
        400,
        '(unmatched)',
      ],
      [
        await gw.http.get(`/v1/audit/entries/${inPath}`).set('authorization', `Bearer ${dpo}`),
        400,
        '/v1/audit/entries/:auditId',
      ],
      [await gw.http.get(`/console/collaborations/${inPath}`), 303, '/console/collaborations/:collaborationId'],
      [await gw.http.get(`/CONSOLE/${inPath}`), 404, '/console/*'],
      [await gw.http.get(`/docs/assets/${inPath}.js`), 404, '(unmatched)'],
      [await gw.http.get(`/${inPath}/anything`), 404, '(unmatched)'],
    ] as const;
    for (const [res, status] of answers) expect(res.status, res.request.url).toBe(status);

    expect(gw.logs().toLowerCase()).not.toContain(inPath);
    const logged = routesLogged();
    expect(logged.every((entry) => entry.path === undefined)).toBe(true);
    const routes = logged.map((entry) => entry.route);
    for (const [, , route] of answers) expect(routes).toContain(route);
  });
});
