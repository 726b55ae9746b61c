/** The keys of the states beside a new or renamed one (the children of `parent`, or the top level). */
import { type DesignDoc, statesPath } from '../../model/design-doc';
import { getAt } from '../../model/json-ops';

export const siblingKeys = (doc: DesignDoc, parent: string | undefined): string[] =>
  Object.keys((getAt(doc, statesPath(parent)) as Record<string, unknown> | undefined) ?? {});
