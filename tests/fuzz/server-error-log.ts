/**
 * The app's logger during a fuzz run: drops everything but the errors behind 500s, and hands each
 * back as `Name: message at packages/…/file.ts:line` (the first frame in our own code), so a 500 in
 * the report says where it came from. Errors are kept per request through async context, so
 * concurrent requests each get their own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TestServerOptions } from '@flowform/server/testing';

type Logger = NonNullable<TestServerOptions['log']>;

export interface ServerErrorLog {
  logger: Logger;
  /** Errors of background work (the outbox), outside any request. */
  background(): string[];
  /** Runs `send` and answers what it answered with the errors the server logged while serving it. */
  capture<T>(send: () => Promise<T>): Promise<[T, string[]]>;
}

export function serverErrorLog(): ServerErrorLog {
  const current = new AsyncLocalStorage<string[]>();
  const background: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: (msg, fields) => {
      if (!current.getStore()) background.push(`${msg}: ${describe(fields?.error) ?? ''}`);
    },
    error: (msg, fields) => {
      current.getStore()?.push(describe(fields?.error) ?? msg);
    },
    child: () => logger,
  };
  return {
    logger,
    background: () => background,
    async capture(send) {
      const errors: string[] = [];
      const result = await current.run(errors, send);
      return [result, errors];
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
