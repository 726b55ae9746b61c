/** Runs a command from the UI; a refusal becomes a message beside the designer instead of an exception. */
import { useCallback } from 'react';
import { CommandError, type CommandStack } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';

export function useRunner(
  stack: CommandStack<DesignDoc>,
  notify: (refusal: string | undefined) => void,
): (command: string, params: unknown) => boolean {
  return useCallback(
    (command, params) => {
      try {
        stack.execute(command, params);
        notify(undefined);
        return true;
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        notify(error.message);
        return false;
      }
    },
    [stack, notify],
  );
}
