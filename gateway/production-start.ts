// A production start (SANDBOX=false) enrols no client, writes no key and loads no register. It also refuses to run
// on a sandbox's database: the sandbox clients' private keys lie in a data directory for anyone to sign with.
import type { Knex } from 'knex';
import { exitCodes, StartRefusedError } from '../platform/start-up.ts';
import { sandboxClients } from './auth/sandbox-clients.ts';

export class SandboxDataError extends StartRefusedError {
  constructor(readonly clientIds: string[]) {
    super(
      `The database holds ${clientIds.length} sandbox clients (${clientIds.slice(0, 3).join(', ')}${clientIds.length > 3 ? ', …' : ''}), ` +
        'whose private keys a sandbox wrote to disk: a production start (SANDBOX=false) needs a database of its own; ' +
        'point DATABASE_URL or GATEWAY_DATA_DIR at one, or start with SANDBOX=true.',
      exitCodes.sandboxData,
    );
  }
}

export async function refuseSandboxClients(db: Knex): Promise<void> {
  const found: string[] = await db('clients')
    .whereIn(
      'id',
      sandboxClients.map((c) => c.id),
    )
    .orderBy('id')
    .pluck('id');
  if (found.length > 0) throw new SandboxDataError(found);
}
