// Starts every sandbox partner service over real HTTP on free ports for one test file, and checks each
// answer against its schema in contracts/partners.yaml, so a sandbox can never drift from the contract it stands for.
import { afterAll, beforeAll, expect } from 'vitest';
import type { components } from '../../contracts/partners-types.ts';
import { partnerValidatorFor } from '../../contracts/partners.ts';
import { fixtures } from '../../sandbox/population/index.ts';
import { testPopulation } from '../support/population-file.ts';
import { startSandboxes, type RunningSandboxes, type SandboxName } from '../../sandbox/start-sandboxes.ts';

export type Schemas = components['schemas'];
export { fixtures };

export const population = await testPopulation();

export interface Answer<T> {
  status: number;
  body: T;
  contentType: string | null;
}

/** POSTs raw text or JSON; nothing is checked. */
export async function postRaw(url: string, body: string, contentType = 'application/json'): Promise<Answer<unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, body: await res.json(), contentType: res.headers.get('content-type') };
}

export function expectContract(schema: keyof Schemas, body: unknown): void {
  const validate = partnerValidatorFor(schema);
  expect(validate(body), `${schema}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

export function useSandboxes() {
  let sandboxes: RunningSandboxes;
  beforeAll(async () => {
    sandboxes = await startSandboxes({}, population);
  });
  afterAll(async () => {
    await sandboxes.close();
  });
  return {
    url: (name: SandboxName, path: string) => `${sandboxes.urls[name]}${path}`,
    /** POSTs JSON to a sandbox and checks the answer is JSON within `schema` (the success or the error schema). */
    async ask<S extends keyof Schemas>(
      name: SandboxName,
      path: string,
      body: unknown,
      schema: S,
    ): Promise<Answer<Schemas[S]>> {
      const answer = await postRaw(`${sandboxes.urls[name]}${path}`, JSON.stringify(body));
      expect(answer.contentType).toMatch(/^application\/json/);
      expectContract(schema, answer.body);
      return answer as Answer<Schemas[S]>;
    },
  };
}

/** The particulars a partner is asked about, from a fixture. */
export const nameAndBirth = (person: { forename: string; surname: string; dateOfBirth: string }) => ({
  forename: person.forename,
  surname: person.surname,
  dateOfBirth: person.dateOfBirth,
});
