/**
 * What every panel of the designer shares: the command stack and its document, the typed facade
 * that edits it, the selection, the directory, the lint problems and what the simulator highlights.
 * Panels render from the document and change it only through `modeling` (undo/redo on `stack`).
 * It sits at the foot of the designer: `page/` provides it, the panels read it.
 */
import type { DirectorySeed, InMemoryDirectory, LintProblem } from '@flowform/engine/browser';
import { createContext, useContext } from 'react';
import type { DocStack } from '../commands/command-map';
import type { DesignDoc } from '../model/design-doc';
import type { Modeling } from './modeling';

export interface Selection {
  states: string[];
  transitions: string[];
}

export const NOTHING: Selection = { states: [], transitions: [] };

export interface Highlight {
  visited: Set<string>;
  current: Set<string>;
  transitions: Set<string>;
  uncovered: Set<string>;
}

export interface DesignerState {
  stack: DocStack;
  doc: DesignDoc;
  selection: Selection;
  select: (selection: Selection) => void;
  /** Every edit, one typed method per intent; a refusal is shown to the user, not thrown. */
  modeling: Modeling;
  seed: DirectorySeed | undefined;
  directory: InMemoryDirectory | undefined;
  problems: LintProblem[];
  highlight: Highlight | undefined;
  setHighlight: (h: Highlight | undefined) => void;
  /** The published bundle, for the diff. */
  published: (DesignDoc & { version: number }) | null;
  /** Other processes' keys, for child processes. */
  processes: string[];
}

export const DesignerContext = createContext<DesignerState | undefined>(undefined);

export function useDesigner(): DesignerState {
  const found = useContext(DesignerContext);
  if (!found) throw new Error('useDesigner outside the designer');
  return found;
}
