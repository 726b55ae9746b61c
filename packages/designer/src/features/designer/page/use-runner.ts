/** Runs a command from the UI; a refusal becomes a short-lived message instead of an exception. */
import { useCallback } from 'react';
import { CommandError, type CommandStack } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';

export function useRunner(stack: CommandStack<DesignDoc>): (command: string, params: unknown) => boolean {
  return useCallback(
    (command, params) => {
      try {
        stack.execute(command, params);
        return true;
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        window.alert(error.message);
        return false;
      }
    },
    [stack],
  );
}
