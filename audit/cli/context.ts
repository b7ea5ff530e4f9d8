// What every command is given: its arguments, the configuration (read only when a command needs it), and where
// to write. Results go to stdout, progress and problems to stderr.
import type { Config } from '../../gateway/config.ts';

export interface CommandContext {
  args: string[];
  config(): Config;
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  synopsis: string;
  summary: string;
  run(ctx: CommandContext): Promise<number>;
}

export const count = (n: number) => n.toLocaleString('en-GB');
