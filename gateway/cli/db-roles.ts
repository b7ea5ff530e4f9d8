// `npm run db:roles -- --role gateway_app`: run by the database owner (DATABASE_URL) with GATEWAY_DB_PASSWORD set,
// it migrates the database and makes the least-privilege login role the gateway then connects as. Safe to repeat.
import { ConfigError, loadDbRolesConfig } from '../../platform/config.ts';
import { connect } from '../../platform/db/connect.ts';
import { SchemaBehindError } from '../../platform/db/migrate.ts';
import { RoleSetupError, setUpGatewayRole } from '../../schema/roles.ts';

let config;
try {
  config = loadDbRolesConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(
    `${error.message}\nusage: DATABASE_URL=postgres://owner@host/db GATEWAY_DB_PASSWORD=… npm run db:roles -- --role gateway_app`,
  );
  process.exit(2);
}

const db = connect({ databaseUrl: config.databaseUrl, pgliteDir: null });
try {
  const report = await setUpGatewayRole(db, config);
  const url = new URL(config.databaseUrl);
  url.username = report.role;
  url.password = 'PASSWORD';
  console.log(
    `Role ${report.role} ${report.created ? 'created' : 'already there: password reset and grants renewed'} on database ${report.database}, schema ${report.schema}.`,
  );
  for (const { table, privileges } of report.tables)
    console.log(`  ${table.padEnd(26)} ${privileges.join(', ').toUpperCase()}`);
  if (report.sequences.length > 0) console.log(`  sequences (USAGE)          ${report.sequences.join(', ')}`);
  console.log(`\nStart the gateway with DATABASE_URL=${url.toString()} (the password from GATEWAY_DB_PASSWORD).`);
} catch (error) {
  // Our own refusals and PostgreSQL's (a role without CREATEROLE, say) are told as a sentence, without a stack.
  const known =
    error instanceof RoleSetupError ||
    error instanceof SchemaBehindError ||
    typeof (error as { code?: unknown }).code === 'string';
  console.error(`db:roles failed: ${known ? (error as Error).message : String((error as Error).stack ?? error)}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
