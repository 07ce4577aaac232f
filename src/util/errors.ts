// Errors that end a command with exit 2 and one line on stderr: bad usage, a
// bad configuration, a path that does not exist. Anything else is a bug.
export class UsageError extends Error {}
