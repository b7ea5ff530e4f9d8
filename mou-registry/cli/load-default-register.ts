// `npm run register:load-default`: loads the default register (the inspection's collaborations, agreements and
// directives) into an empty register, with its audit entry in the same transaction. A sandbox start does this by
// itself; a production start (SANDBOX=false) never does, so on a real deployment it is this deliberate command.
// Exit 0 when loaded or when the register already holds collaborations (then nothing changes), 2 for a wrong
// setting or a schema the role may not migrate, 4 when the database cannot be reached, 1 for a fault.
import { connect, withoutKnexWarnings } from '../../platform/db/connect.ts';
import { migrate } from '../../schema/migrations.ts';
import { loadConfigOrExit, lockEmbeddedOrExit, whyNotStarted } from '../../platform/start-up.ts';
import { defaultRegister } from '../default-register/index.ts';
import { loadDefaultRegister } from '../default-register/load.ts';

const config = loadConfigOrExit();

lockEmbeddedOrExit(config, 'register:load-default');
const db = connect(config);
let code = 0;
try {
  await withoutKnexWarnings(db, () => migrate(db));
  if (await loadDefaultRegister(db)) {
    const { collaborations, versions, directives } = defaultRegister;
    console.log(
      `Loaded the default register: ${collaborations.length} collaborations, ${versions.length} agreement versions, ${directives.length} directives; the audit log records the load.`,
    );
  } else {
    console.log('The register already holds collaborations: nothing was loaded.');
  }
} catch (error) {
  const failure = whyNotStarted(config, error);
  if (!failure) throw error;
  console.error(failure.message.replace(/^The gateway/, 'register:load-default'));
  code = failure.exitCode;
} finally {
  await db.destroy();
}
process.exit(code);
