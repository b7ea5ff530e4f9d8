// `npm run audit -- <command>`: the DPO's and operator's tools for the audit log. Each command is one file here.
// Exit 0 when all is well (or help was asked for), 1 when something does not verify or cannot be done, 2 for bad
// usage. Help asked for goes to stdout; usage after a mistake goes to stderr.
import { ConfigError, loadConfig, type Config } from '../../platform/config.ts';
import { archiveCommand } from './archive.ts';
import { CliError, UsageError } from './cli-error.ts';
import type { Command, CommandContext } from './context.ts';
import { exportCommand } from './export.ts';
import { pipeOut } from './stdout.ts';
import { rotateKeyCommand } from './rotate-key.ts';
import { verifyExportCommand } from './verify-export.ts';
import { verifyConsistencyCommand } from './verify-consistency.ts';
import { verifyReceiptCommand } from './verify-receipt.ts';
import { verifyCommand } from './verify.ts';
import { witnessCommand } from './witness.ts';

const commands: Command[] = [
  verifyCommand,
  exportCommand,
  verifyExportCommand,
  verifyReceiptCommand,
  verifyConsistencyCommand,
  witnessCommand,
  rotateKeyCommand,
  archiveCommand,
];

const usage = [
  'usage: npm run --silent audit -- <command> [options]',
  '',
  ...commands.map((c) => `  ${c.synopsis.padEnd(84)} ${c.summary}`),
  '',
  "The database and keys are the gateway's (DATABASE_URL or GATEWAY_DATA_DIR, AUDIT_SIGNING_KEYS_DIR, AUDIT_RETENTION_DAYS).",
  'Progress goes to stderr at most once a second (--progress-ms sets the interval). Exit: 0 ok, 1 failed, 2 usage, 4 database held by a running gateway.',
].join('\n');

const asksForHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';
const stdout = pipeOut(process.stdout);

async function main(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const out = (line: string) => {
    if (!stdout.closed) process.stdout.write(`${line}\n`);
  };
  const [name, ...args] = argv;
  if (asksForHelp(name)) {
    out(usage);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    if (name) err(`unknown command "${name}"`);
    err(usage);
    return 2;
  }
  if (args.some((arg) => arg === '--help' || arg === '-h')) {
    out(`usage: npm run --silent audit -- ${command.synopsis}\n  ${command.summary}`);
    return 0;
  }
  let config: Config | undefined;
  const ctx: CommandContext = {
    args,
    config: () => (config ??= loadConfig(process.env)),
    out,
    stream: (line) => stdout.line(line),
    readerGone: () => stdout.closed,
    err,
  };
  try {
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${command.name}: ${error.message}`);
      err(`usage: npm run --silent audit -- ${command.synopsis}`);
      return 2;
    }
    if (error instanceof CliError) {
      err(`${command.name}: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      err(`${command.name}: ${error.problems.join('; ')}`);
      return 2;
    }
    // Anything else is a fault: its message only (our errors never hold personal data), no stack.
    err(`${command.name}: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// The embedded database can leave handles open after it is closed; the command is done once its output is out.
const flushed = (stream: NodeJS.WriteStream, then: () => void) => (stream.destroyed ? then() : stream.write('', then));
flushed(process.stdout, () => flushed(process.stderr, () => process.exit(code)));
