// The repository's commands as an operator runs them: a separate process with an environment of its own (and no
// DATABASE_URL unless given), answering with an exit code, stdout and stderr.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A TypeScript entry point (e.g. `audit/cli/main.ts`) under tsx, as its npm script runs it. */
export function runEntry(entry: string, args: string[], env: Record<string, string>): Promise<CommandRun> {
  return runCommand(process.execPath, ['--import', 'tsx', entry, ...args], env);
}

/** A bash command line in the repository, as an operator types it (e.g. a command piped into `head`). */
export function runShell(script: string, env: Record<string, string>): Promise<CommandRun> {
  return runCommand('bash', ['-c', script], {
    ...env,
    PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  });
}

function runCommand(file: string, args: string[], env: Record<string, string>): Promise<CommandRun> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(file, args, {
    cwd: repo,
    env: { ...(inherited as Record<string, string>), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A stack trace's frames look like "    at fn (file:line:col)". */
export const stackFrame = /^\s+at .+[:(]/m;
