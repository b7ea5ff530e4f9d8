// The NHS Digital sandbox: traces a person's latest registered address, non-clinical data only (¶5.31–5.36).
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../sandbox/population/index.ts';
import { fixtures, nameAndBirth, population, useSandboxes } from './support.ts';

const nhs = useSandboxes();
const trace = (body: object) => nhs.ask('nhs', '/nhs/trace', body, 'NhsTraceResponse');

/** Two different people with the same name and date of birth. */
function namesakes() {
  const seen = new Map<string, (typeof population.people)[number]>();
  for (const person of population.people) {
    const key = nameKey(person.forename, person.surname, person.dateOfBirth);
    const other = seen.get(key);
    if (other) return [other, person] as const;
    seen.set(key, person);
  }
  throw new Error('the population has no namesakes');
}

describe('nhs.trace-request: the latest registered address (¶5.36)', () => {
  it('gives name, date of birth, the current address and GP practice, and nothing else (no medical information, ¶5.31)', async () => {
    const { status, body } = await trace(nameAndBirth(fixtures.traceableChild));
    expect(status).toBe(200);
    expect(body.outcome).toBe('matched');
    expect(Object.keys(body.patient!).sort()).toEqual([
      'address',
      'dateOfBirth',
      'forename',
      'gpPracticeName',
      'surname',
    ]);
    expect(body.patient!.address).toEqual({
      line1: '27 Brudenell Grove',
      town: 'Leeds',
      postcode: 'LS6 2AB',
      from: '2023-08-21',
    });
    expect(body.patient!.gpPracticeName).toMatch(/(Surgery|Medical Centre|Health Centre|Medical Practice)$/);
  });

  it('registers neighbours in the same postcode district with the same practice', async () => {
    const mother = (await trace(nameAndBirth(fixtures.traceableChildMother))).body.patient!;
    const child = (await trace(nameAndBirth(fixtures.traceableChild))).body.patient!;
    expect(mother.gpPracticeName).toBe(child.gpPracticeName);
  });

  it('will not pick between two people with the same name and date of birth, until a postcode tells them apart', async () => {
    const [first, second] = namesakes();
    expect((await trace(nameAndBirth(first))).body).toEqual({ outcome: 'multiple-matches' });
    const postcode = second.addresses.find((a) => !first.addresses.some((b) => b.postcode === a.postcode))!.postcode;
    const { body } = await trace({ ...nameAndBirth(first), postcode: postcode.toLowerCase().replace(' ', '') });
    expect(body.outcome).toBe('matched');
    expect(body.patient!.address.postcode).toBe(second.addresses.at(-1)!.postcode);
  });

  it('finds no one when the date of birth or sex differs', async () => {
    expect((await trace({ ...nameAndBirth(fixtures.offenderUnder30), dateOfBirth: '2000-02-11' })).body).toEqual({
      outcome: 'no-match',
    });
    expect((await trace({ ...nameAndBirth(fixtures.offenderUnder30), sex: 'F' })).body).toEqual({
      outcome: 'no-match',
    });
    expect((await trace({ ...nameAndBirth(fixtures.offenderUnder30), sex: 'M' })).body.patient!.address.postcode).toBe(
      'BS5 6HN',
    );
  });

  it('answers 400 to a trace without a date of birth, or asking for more than it offers', async () => {
    expect(
      (await nhs.ask('nhs', '/nhs/trace', { forename: 'Ruan', surname: 'van der Merwe' }, 'NhsError')).status,
    ).toBe(400);
    const { status, body } = await nhs.ask(
      'nhs',
      '/nhs/trace',
      { ...nameAndBirth(fixtures.offenderUnder30), diagnoses: true },
      'NhsError',
    );
    expect(status).toBe(400);
    expect(body.error).toBe('invalid-request');
  });
});
