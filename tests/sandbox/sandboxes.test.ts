// What holds for every sandbox partner service: each on its own port, JSON only, a JSON error for bad input
// that names no personal data, nothing logged, and answers within the contract for anyone in the population.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandboxes, type SandboxName } from '../../sandbox/start-sandboxes.ts';
import { expectContract, nameAndBirth, population, postRaw, useSandboxes } from './support.ts';

const sandboxes = useSandboxes();

const endpoints: readonly {
  sandbox: SandboxName;
  path: string;
  error: 'DwpError' | 'HmrcError' | 'NhsError' | 'HomeOfficeError' | 'FinancialError';
}[] = [
  { sandbox: 'dwp', path: '/dwp/nino-trace', error: 'DwpError' },
  { sandbox: 'dwp', path: '/dwp/accessed-public-funds', error: 'DwpError' },
  { sandbox: 'dwp', path: '/dwp/status-notifications', error: 'DwpError' },
  { sandbox: 'hmrc', path: '/hmrc/evidence-request', error: 'HmrcError' },
  { sandbox: 'hmrc', path: '/hmrc/status-notifications', error: 'HmrcError' },
  { sandbox: 'nhs', path: '/nhs/trace', error: 'NhsError' },
  { sandbox: 'homeOffice', path: '/home-office/status-check', error: 'HomeOfficeError' },
  { sandbox: 'homeOffice', path: '/home-office/nhs-debtor-reports', error: 'HomeOfficeError' },
  { sandbox: 'financial', path: '/financial/status-share', error: 'FinancialError' },
];

afterEach(() => vi.restoreAllMocks());

describe('every sandbox', () => {
  it('starts each on its own port, on the port it is given, and refuses to start on a port in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as AddressInfo).port;
    try {
      await expect(startSandboxes({ nhs: busyPort }, population)).rejects.toThrow(/EADDRINUSE/);
      await new Promise<void>((resolve) => busy.close(() => resolve()));
      const started = await startSandboxes({ nhs: busyPort }, population);
      try {
        expect(Object.keys(started.urls).sort()).toEqual(['dfe', 'dwp', 'financial', 'hmrc', 'homeOffice', 'nhs']);
        expect(new Set(Object.values(started.urls)).size).toBe(6);
        expect(started.urls.nhs).toBe(`http://127.0.0.1:${busyPort}`);
      } finally {
        await started.close();
      }
    } finally {
      if (busy.listening) busy.close();
    }
  });

  it.each(endpoints)(
    '$path answers bad input with a JSON error that repeats nothing sent, and logs nothing',
    async ({ sandbox, path, error }) => {
      const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
      const url = sandboxes.url(sandbox, path);
      const answers = [
        [await postRaw(url, '{"forename": "Zebedee", '), 400, 'malformed-json'],
        [await postRaw(url, JSON.stringify({ forename: 'Zebedee', secretNickname: 'Zeb' })), 400, 'invalid-request'],
        [await postRaw(url, 'forename=Zebedee', 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type'],
        [await postRaw(url, JSON.stringify({ padding: 'x'.repeat(1_100_000) })), 413, 'payload-too-large'],
        [await postRaw(`${url}-nowhere`, '{}'), 404, 'not-found'],
      ] as const;
      for (const [answer, status, code] of answers) {
        expect(answer.status).toBe(status);
        expect(answer.contentType).toMatch(/^application\/json/);
        expectContract(error, answer.body);
        expect(answer.body).toMatchObject({ error: code });
        expect(JSON.stringify(answer.body)).not.toMatch(/Zebedee|secretNickname|Zeb/);
      }
      for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    },
  );

  it('answers within its contract for a sample of the whole population', async () => {
    const sample = population.people.filter((_, i) => i % 97 === 0);
    const statedUse = 'To verify employment declared in an application for leave to remain';
    for (const person of sample) {
      const subject = person.nino ? { nino: person.nino } : nameAndBirth(person);
      await sandboxes.ask('homeOffice', '/home-office/status-check', { subject }, 'HomeOfficeStatusCheckResponse');
      await sandboxes.ask('dwp', '/dwp/accessed-public-funds', { subject }, 'DwpAccessedPublicFundsResponse');
      await sandboxes.ask('nhs', '/nhs/trace', nameAndBirth(person), 'NhsTraceResponse');
      const evidence = await postRaw(
        sandboxes.url('hmrc', '/hmrc/evidence-request'),
        JSON.stringify({ subject, evidence: ['employment', 'income', 'residence'], statedUse }),
      );
      expectContract(evidence.status === 422 ? 'HmrcError' : 'HmrcEvidenceResponse', evidence.body);
    }
    const grants = sample.map((p, i) => ({
      homeOfficeReference: p.immigration.homeOfficeReference ?? `HO-8${String(i).padStart(6, '0')}`,
      ...nameAndBirth(p),
    }));
    const { body } = await sandboxes.ask('dwp', '/dwp/nino-trace', { grants }, 'DwpNinoTraceResponse');
    expect(body.results).toHaveLength(grants.length);
  });

  it('leaves the DfE sandbox answering its pupil trace as before', async () => {
    const child = { ...nameAndBirth(population.people[0]!), postcode: 'LS6 2AB' };
    const answer = await postRaw(sandboxes.url('dfe', '/pupil-trace'), JSON.stringify(child));
    expectContract('DfePupilTraceResponse', answer.body);
    expect(answer.body).toMatchObject({ status: 'matched' });
  });
});
