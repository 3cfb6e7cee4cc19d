import { writeFailureReason } from '../csv/export-file';
import { runCli } from './program';
import { CliFailure } from './session';

// A failed write to stdout (a full disk behind `> FILE`, a closed pipe) arrives as an 'error' event
// after the write call; unheard, it would end the process with a stack trace. It is kept here and
// the next write stops the command with the reason; one on the last write is reported at the end.
let stdoutError: NodeJS.ErrnoException | null = null;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  stdoutError ??= error;
});

/** A closed pipe (`| head`) is the reader's choice, not a failure: stop quietly. */
function stdoutFailure(error: NodeJS.ErrnoException): CliFailure {
  if (error.code === 'EPIPE') return new CliFailure(0);
  return new CliFailure(1, `could not write to standard output: ${writeFailureReason(error)}`);
}

void runCli(process.argv.slice(2), {
  out: (text) => {
    if (stdoutError) throw stdoutFailure(stdoutError);
    process.stdout.write(text);
  },
  err: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(text) } : {}),
}).then((code) => {
  // Let a last write's error arrive before deciding the exit code.
  setImmediate(() => {
    if (stdoutError && code === 0) {
      const failure = stdoutFailure(stdoutError);
      if (failure.message) process.stderr.write(`tiltfolio: ${failure.message}\n`);
      process.exitCode = failure.exitCode;
      return;
    }
    process.exitCode = code;
  });
});
