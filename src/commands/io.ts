// What a command reads and writes: the working directory and the standard
// streams, passed in so that tests can run a command in process.
export interface CommandIO {
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  resolve(file: string): string;
}
