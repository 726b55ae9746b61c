/**
 * Live lint: the engine's own `lintDefinition` from its browser face (schemas checked by the
 * interpreter, no eval), rerun (deferred) on every edit of the document.
 */
import { type InMemoryDirectory, type LintProblem, lintDefinition } from '@flowform/engine/browser';
import { useDeferredValue, useMemo } from 'react';
import type { DesignDoc } from '../model/design-doc';

export function lintDoc(
  doc: DesignDoc,
  directory: InMemoryDirectory | undefined,
  processes: string[],
): LintProblem[] {
  try {
    return lintDefinition(doc.definition, {
      forms: doc.forms,
      processes: new Set([...processes, doc.definition.key]),
      ...(directory ? { directory } : {}),
    });
  } catch (error) {
    return [
      {
        code: 'definition-invalid',
        severity: 'error',
        message: error instanceof Error ? error.message : String(error),
        path: '/',
        hint: 'Fix the definition format',
      },
    ];
  }
}

export function useLint(
  doc: DesignDoc,
  directory: InMemoryDirectory | undefined,
  processes: string[],
): LintProblem[] {
  const deferred = useDeferredValue(doc);
  return useMemo(() => lintDoc(deferred, directory, processes), [deferred, directory, processes]);
}
