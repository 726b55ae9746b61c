/**
 * The app's logger during a fuzz run: drops everything but the errors behind 500s, and hands each
 * back as `Name: message at packages/…/file.ts:line` (the first frame in our own code), so a 500 in
 * the report says where it came from.
 */
import type { TestServerOptions } from '@flowform/server/testing';

type Logger = NonNullable<TestServerOptions['log']>;

export interface ServerErrorLog {
  logger: Logger;
  /** The errors logged since the last call. */
  take(): string[];
}

export function serverErrorLog(): ServerErrorLog {
  let errors: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: () => {},
    error: (msg, fields) => {
      errors.push(describe(fields?.error) ?? msg);
    },
    child: () => logger,
  };
  return {
    logger,
    take: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

function describe(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const frame = error.stack
    ?.split('\n')
    .map((line) => line.match(/(packages\/[^\s():]+\.ts):(\d+)/))
    .find((m) => m && !m[0].includes('node_modules'));
  return `${error.name}: ${error.message}${frame ? ` at ${frame[1]}:${frame[2]}` : ''}`;
}
