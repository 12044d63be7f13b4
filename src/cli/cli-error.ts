/**
 * An error the command line reports as one line on stderr, with its exit code: 2 for a bad command
 * line (unknown option, bad value), 1 for a run that failed (unreadable or invalid data).
 * @example throw new CliError("invalid --fast: \"x\" (expected a positive integer)", 2);
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** Returns a CliError for a bad command line (exit code 2) with a pointer to the command's help. */
export function usageError(message: string, command: string): CliError {
  return new CliError(`${message}; see \`regime-lab ${command} --help\``, 2);
}
