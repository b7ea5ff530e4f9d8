// Who may read an audit entry, in one place (the entry, its receipt, its proofs, its replay). A DPO reads every
// entry. A party reads the entries of exchanges it is party to: the side that asked and the side that answered,
// the same parties that may give feedback on the exchange. A dry run is read only by the client that made it:
// a DPO's dry run made on behalf of a party carries every rule's full reason, which that party was never told.
import { anyBody, type AuditEntry } from './types.ts';

export interface Reader {
  clientId: string;
  party: string;
  roles: readonly string[];
}

export function mayReadEntry(entry: AuditEntry, reader: Reader): boolean {
  if (reader.roles.includes('dpo')) return true;
  if (entry.kind === 'dry-run') return entry.body.clientId === reader.clientId;
  // A register change or a console access names no party: only a DPO reads it.
  const body = anyBody(entry);
  return body.party === reader.party || (body.partner !== undefined && body.partner === reader.party);
}
