// Runs a list of migrations (schema/migrations.ts holds the database's one list). The list is given, not looked up
// on disk, so the migrations run the same under tsx, vitest and a build.
import type { Knex } from 'knex';

/** Every migration by its name, which starts with the time it was written: knex runs them in that order. */
export type Migrations = Record<string, Knex.Migration>;

function sourceOf(migrations: Migrations): Knex.MigrationSource<string> {
  return {
    getMigrations: async () => Object.keys(migrations).sort(),
    getMigrationName: (name) => name,
    getMigration: async (name) => migrations[name]!,
  };
}

/**
 * The schema cannot be brought up to date by the role connected: the gateway runs as a least-privilege role
 * (`npm run db:roles`), which may not change the schema, and migrations are pending.
 */
export class SchemaBehindError extends Error {
  constructor(cause: string) {
    super(
      `The database schema is not up to date, and the database role the gateway connects as may not change it (${cause}). ` +
        "Run `npm run db:roles` with DATABASE_URL naming the database owner: it runs the migrations and grants the gateway's role what it needs. Then start the gateway again.",
    );
  }
}

/** SQLSTATE 42501: insufficient_privilege. */
const notAllowed = (error: unknown) => (error as { code?: unknown } | null)?.code === '42501';

/**
 * Runs the pending migrations. When none are pending it only reads, so a gateway connected as a role without DDL
 * rights starts on a current schema, and stops with a SchemaBehindError on one that is not.
 */
export async function migrate(db: Knex, migrations: Migrations): Promise<void> {
  let pending: number;
  try {
    pending = await pendingMigrations(db, migrations);
  } catch (error) {
    // On a database never migrated, knex makes its own tables first: a role without DDL rights is refused there.
    if (notAllowed(error)) throw new SchemaBehindError((error as Error).message);
    throw error;
  }
  if (pending === 0) return;
  const [may] = (await db.raw(`select has_schema_privilege(current_schema(), 'CREATE') as "create"`)).rows as {
    create: boolean;
  }[];
  if (!may?.create) throw new SchemaBehindError(`${pending} migration${pending === 1 ? '' : 's'} pending`);
  await db.migrate.latest({ migrationSource: sourceOf(migrations) });
}

export async function pendingMigrations(db: Knex, migrations: Migrations): Promise<number> {
  const [, pending] = (await db.migrate.list({ migrationSource: sourceOf(migrations) })) as [unknown[], unknown[]];
  return pending.length;
}
