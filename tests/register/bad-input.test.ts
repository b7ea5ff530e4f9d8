// Bad input to the register: a clear 4xx problem+json, and nothing partly written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';
import { asRole, collaborationBody, rowCounts, termsBody } from '../support/register.ts';

let gw: TestGateway;
let admin: ReturnType<typeof asRole>;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  admin = asRole(gw, 'registry-admin');
  await admin.post('/v1/register/collaborations', collaborationBody('bad-input'));
  await admin.post('/v1/register/agreements', {
    id: 'bad-mou',
    collaborationId: 'bad-input',
    kind: 'mou',
    title: 'Bad MoU',
  });
  await admin.post(
    '/v1/register/agreements/bad-mou/versions',
    termsBody('bad-mou', '1.0', { inForceFrom: '2026-01-01' }),
  );
  await admin.post('/v1/register/agreements/bad-mou/versions/1.0/signatures', {
    party: 'home-office-ie',
    signatory: 'A',
    signedOn: '2026-01-01',
  });
  await admin.post('/v1/register/agreements/bad-mou/versions/1.0/signatures', {
    party: 'dfe',
    signatory: 'B',
    signedOn: '2026-01-01',
  });
});
afterAll(() => gw.close());

const versions = '/v1/register/agreements/bad-mou/versions';
const directive = (id: string, condition: object) => ({
  id,
  title: 'A directive',
  authority: 'Home Secretary',
  scope: {},
  condition,
  effectiveFrom: '2026-12-01',
  effectiveTo: null,
  reference: '¶1',
});

const cases: [string, () => Promise<{ status: number; body: { detail: string; code: string } }>, number, RegExp][] = [
  [
    'an unknown party',
    () =>
      admin.post(
        '/v1/register/collaborations',
        collaborationBody('c2', { parties: ['home-office-ie', 'ministry-of-magic'] }),
      ),
    422,
    /unknown party "ministry-of-magic"/,
  ],
  [
    'a collaboration that ends before it starts',
    () => admin.post('/v1/register/collaborations', collaborationBody('c3', { endsOn: '2025-01-01' })),
    422,
    /endsOn \(2025-01-01\) is before startsOn/,
  ],
  [
    'a version that ends before it starts',
    () => admin.post(versions, termsBody('bad-mou', '2.0', { inForceFrom: '2027-01-01', inForceTo: '2026-12-01' })),
    422,
    /inForceTo \(2026-12-01\) is before inForceFrom/,
  ],
  [
    'a cap of zero',
    () =>
      admin.post(
        versions,
        termsBody('bad-mou', '2.1', { measures: [{ code: 'cap', description: 'Cap', monthlyCap: 0 }] }),
      ),
    // The schema says so (minimum: 1), so the request is refused before the register is asked.
    400,
    /measures\.0\.monthlyCap must be >= 1/,
  ],
  [
    'a negative cap',
    () =>
      admin.post(
        versions,
        termsBody('bad-mou', '2.2', { measures: [{ code: 'cap', description: 'Cap', monthlyCap: -5 }] }),
      ),
    400,
    /monthlyCap must be >= 1/,
  ],
  [
    'an SLA of no time at all',
    () =>
      admin.post(
        versions,
        termsBody('bad-mou', '2.4', { measures: [{ code: 'sla', description: 'SLA', slaHours: 0 }] }),
      ),
    400,
    /measures\.0\.slaHours must be > 0/,
  ],
  [
    'an agreement of one party',
    () => admin.post(versions, termsBody('bad-mou', '2.5', { parties: ['home-office-ie'] })),
    400,
    /parties must NOT have fewer than 2 items/,
  ],
  [
    'terms for another agreement than the path names',
    () => admin.post(versions, termsBody('other-mou', '2.6')),
    400,
    /agreementId in the body must match the path/,
  ],
  [
    'a draft moved to another version by its PUT',
    () => admin.put(`${versions}/3.0`, termsBody('bad-mou', '3.1')),
    400,
    /agreementId and version in the body must match the path/,
  ],
  [
    'an exchange party outside the agreement',
    () =>
      admin.post(
        versions,
        termsBody('bad-mou', '2.3', {
          exchanges: [
            {
              exchange: 'dfe.child-trace',
              requesters: ['dwp'],
              responder: 'dfe',
              requestFields: [],
              responseFields: [],
            },
          ],
        }),
      ),
    422,
    /names dwp, who is not a party/,
  ],
  [
    'editing a signed version',
    () => admin.put(`${versions}/1.0`, termsBody('bad-mou', '1.0', { notes: 'edit' })),
    409,
    /signed and can never be edited/,
  ],
  [
    'a second in-force version overlapping the first',
    async () => {
      await admin.post(versions, termsBody('bad-mou', '3.0', { inForceFrom: '2026-06-01' }));
      await admin.post(`${versions}/3.0/signatures`, {
        party: 'home-office-ie',
        signatory: 'A',
        signedOn: '2026-06-01',
      });
      return admin.post(`${versions}/3.0/signatures`, { party: 'dfe', signatory: 'B', signedOn: '2026-06-01' });
    },
    409,
    /overlapping version 1.0/,
  ],
  [
    'a directive with an empty authority',
    () =>
      admin.post('/v1/register/directives', {
        id: 'd1',
        title: 'No authority',
        authority: ' ',
        scope: {},
        condition: { kind: 'pause-over-age', age: 30 },
        effectiveFrom: '2026-12-01',
        effectiveTo: null,
        reference: '¶1',
      }),
    422,
    /needs the authority/,
  ],
  [
    'a directive with no authority at all',
    () =>
      admin.post('/v1/register/directives', {
        id: 'd2',
        title: 'No authority',
        scope: {},
        condition: { kind: 'pause-over-age', age: 30 },
        effectiveFrom: '2026-12-01',
        effectiveTo: null,
        reference: '¶1',
      }),
    400,
    /authority is required/,
  ],
  [
    'a directive that ends before it starts',
    () =>
      admin.post('/v1/register/directives', {
        id: 'd3',
        title: 'Backwards',
        authority: 'Home Secretary',
        scope: {},
        condition: { kind: 'pause-over-age', age: 30 },
        effectiveFrom: '2026-12-01',
        effectiveTo: '2026-11-01',
        reference: '¶1',
      }),
    422,
    /before effectiveFrom/,
  ],
  [
    'a signature by someone not a party',
    () => admin.post(`${versions}/1.0/signatures`, { party: 'hmrc', signatory: 'C', signedOn: '2026-01-01' }),
    422,
    /not a party/,
  ],
  [
    'a version of an agreement that does not exist',
    () => admin.post('/v1/register/agreements/nope/versions', termsBody('nope', '1.0')),
    404,
    /no agreement nope/,
  ],
  [
    'an agreement under a collaboration that does not exist',
    () =>
      admin.post('/v1/register/agreements', { id: 'orphan', collaborationId: 'nope', kind: 'mou', title: 'Orphan' }),
    422,
    /does not exist/,
  ],
  [
    'a duplicate collaboration',
    () => admin.post('/v1/register/collaborations', collaborationBody('bad-input')),
    409,
    /already exists/,
  ],
  [
    'a directive of a kind no rule handles',
    () => admin.post('/v1/register/directives', directive('d4', { kind: 'teleport' })),
    400,
    /condition\.kind is not a kind any rule handles/,
  ],
  [
    'a directive with no kind',
    () => admin.post('/v1/register/directives', directive('d5', { age: 30 })),
    400,
    /condition\.kind is required/,
  ],
  [
    'a directive whose pause has no age',
    () => admin.post('/v1/register/directives', directive('d6', { kind: 'pause-over-age' })),
    400,
    /condition\.age is required/,
  ],
  [
    'an unknown field in the terms',
    () => admin.post(versions, { ...termsBody('bad-mou', '4.0'), priority: 'high' }),
    400,
    /not a recognised field/,
  ],
];

describe('bad input to the register', () => {
  it.each(cases)('refuses %s clearly and writes nothing', async (_name, send, status, detail) => {
    const before = await rowCounts(gw);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.detail).toMatch(detail);
    expect(res.body.code).toBeTruthy();
    const after = await rowCounts(gw);
    // The overlap case drafts and half-signs 3.0 first: those two writes succeed on their own, the refused one adds nothing.
    if (_name.startsWith('a second in-force')) {
      expect(after.agreement_versions).toBe(before.agreement_versions! + 1);
      expect(after.agreement_version_events).toBe(before.agreement_version_events! + 1);
    } else {
      expect(after).toEqual(before);
    }
  });
});
