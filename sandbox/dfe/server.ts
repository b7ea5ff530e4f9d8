// The DfE sandbox: stands in for DfE's pupil trace over the same HTTP contract (contracts/partners.yaml).
// Like the real system it matches on three points and answers with the whole pupil record, parents included:
// withholding what the agreement does not allow is the gateway's job (¶6.102).
import express from 'express';
import type { Person, Population } from '../population/types.ts';

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const foldPostcode = (s: string) => s.replace(/\s+/g, '').toUpperCase();

export function createDfeSandbox(population: Population): express.Express {
  const byId = new Map(population.people.map((p) => [p.id, p]));
  const pupils = new Map<string, Person[]>();
  for (const person of population.people) {
    if (person.schoolHistory.length === 0) continue;
    const key = `${fold(person.forename)}|${fold(person.surname)}|${person.dateOfBirth}`;
    pupils.set(key, [...(pupils.get(key) ?? []), person]);
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '16kb' }));
  app.post('/pupil-trace', (req, res) => {
    const { forename, surname, dateOfBirth, postcode } = (req.body ?? {}) as Record<string, unknown>;
    if ([forename, surname, dateOfBirth, postcode].some((v) => typeof v !== 'string')) {
      res.status(400).json({ error: 'forename, surname, dateOfBirth and postcode are required' });
      return;
    }
    const key = `${fold(forename as string)}|${fold(surname as string)}|${dateOfBirth}`;
    const wanted = foldPostcode(postcode as string);
    const pupil = (pupils.get(key) ?? []).find((p) => p.addresses.some((a) => foldPostcode(a.postcode) === wanted));
    if (!pupil) {
      res.json({ status: 'no-match' });
      return;
    }
    res.json({
      status: 'matched',
      pupil: {
        forename: pupil.forename,
        surname: pupil.surname,
        dateOfBirth: pupil.dateOfBirth,
        homeAddresses: pupil.addresses,
        schools: pupil.schoolHistory.map((s) => ({
          urn: s.urn,
          schoolName: s.schoolName,
          address: s.address,
          from: s.from,
          to: s.to,
        })),
        parents: pupil.parentIds
          .map((id) => byId.get(id))
          .filter((p): p is Person => p !== undefined)
          .map((p) => ({
            forename: p.forename,
            surname: p.surname,
            dateOfBirth: p.dateOfBirth,
            nationality: p.nationality,
          })),
      },
    });
  });
  return app;
}
