// What every command is given: its arguments, the configuration (read only when a command needs it), and where
// to write. Results go to stdout, progress and problems to stderr.
import type { Config } from '../../platform/config.ts';

export interface CommandContext {
  args: string[];
  config(): Config;
  out(line: string): void;
  /** A line of a long result (an export) to stdout, as the reader takes it; false once the reader has gone. */
  stream(line: string): Promise<boolean>;
  /** The reader of stdout has closed it (`| head`): what is left unsaid need not be said. */
  readerGone(): boolean;
  err(line: string): void;
}

export interface Command {
  name: string;
  synopsis: string;
  summary: string;
  run(ctx: CommandContext): Promise<number>;
}

export const count = (n: number) => n.toLocaleString('en-GB');
