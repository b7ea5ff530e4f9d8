// Loads the default register into an empty database, with its audit entry, in one transaction.
import type { Knex } from 'knex';
import { createAuditAppender } from '../../audit/append.ts';
import { insertRegister, type RegisterContents } from '../store.ts';
import { defaultRegister } from './index.ts';
import { registerChangeEntry } from '../../audit/entry-kinds.ts';

export async function loadDefaultRegister(db: Knex, contents: RegisterContents = defaultRegister): Promise<boolean> {
  const { result } = await createAuditAppender(db).append(async (trx) => {
    const row = await trx('collaborations').count<{ count: string | number }[]>({ count: '*' }).first();
    if (Number(row?.count ?? 0) > 0) return { entries: [], result: false };
    await insertRegister(trx, contents);
    const body = {
      action: 'load-default-register',
      actor: 'system',
      after: {
        collaborations: contents.collaborations.map((c) => c.id),
        agreementVersions: contents.versions.map((v) => `${v.agreementId}@${v.version}`),
        directives: contents.directives.map((d) => d.id),
      },
    };
    return { entries: [registerChangeEntry(body)], result: true };
  });
  return result;
}
