/** What a client may be given to do; each operation in openapi.yaml names the roles it admits. */
export type Role = 'partner' | 'registry-admin' | 'sro' | 'dpo';

/** Who is calling: the client its token names, the party it acts for, and its roles. */
export interface Principal {
  clientId: string;
  party: string;
  roles: string[];
}
