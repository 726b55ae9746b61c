/** Where commands write; tests pass buffers. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A subcommand: takes its arguments, writes to stdout/stderr, returns the exit code. */
export type CommandRunner = (args: string[], io: CliIo) => Promise<number>;
