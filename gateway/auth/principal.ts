/** Who is calling: the client its token names, the party it acts for, and its roles. */
export interface Principal { clientId: string; party: string; roles: string[] }
