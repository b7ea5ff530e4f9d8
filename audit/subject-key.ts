// Subject identifiers never enter the log: only keyed HMACs of them, so a DPO holding a person's
// identifiers can find their exchanges while the log alone reveals nothing.
import { createHmac } from 'node:crypto';

export type SubjectIdentifier =
  | { kind: 'name-dob'; forename: string; surname: string; dateOfBirth: string }
  | { kind: 'nino'; nino: string }
  | { kind: 'ho-ref'; reference: string };

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export function normaliseIdentifier(id: SubjectIdentifier): string {
  switch (id.kind) {
    case 'name-dob':
      return `name-dob:${fold(id.forename)}|${fold(id.surname)}|${id.dateOfBirth}`;
    case 'nino':
      return `nino:${id.nino.replace(/\s+/g, '').toUpperCase()}`;
    case 'ho-ref':
      return `ho-ref:${id.reference.replace(/\s+/g, '').toUpperCase()}`;
  }
}

export interface Pseudonymiser {
  subject(id: SubjectIdentifier): string;
  caseReference(reference: string): string;
  /** A caller's own request id: kept only as a keyed hash, since a careless client may put a name in it. */
  callerRequestId(id: string): string;
  /** A person's subject at the identity provider they sign into the console with: no one's identifier in clear. */
  providerSubject(subject: string): string;
}

export function createPseudonymiser(key: Buffer): Pseudonymiser {
  const mac = (text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex');
  return {
    subject: (id) => mac(normaliseIdentifier(id)),
    caseReference: (reference) => mac(`case:${reference.trim().toUpperCase()}`),
    callerRequestId: (id) => mac(`request:${id}`),
    providerSubject: (subject) => mac(`provider-subject:${subject}`),
  };
}
