// What a command says when it cannot do what was asked: one line on stderr and an exit code, never a stack trace.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Bad arguments: the usage is printed after the message. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
