/** A failure whose message says all the user needs: printed as it is, exit code 1, no stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
