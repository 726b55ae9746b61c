import type { AssignmentContext } from '../assignment';
import { celVars, type StepWork } from './step-context';

/** The assignment resolver's view of the case being stepped. */
export function assignmentContext(work: StepWork): AssignmentContext {
  const { snap, compiled, opts } = work;
  return {
    directory: opts.directory,
    data: snap.data,
    initiator: snap.initiator,
    caseUnit: snap.caseUnit,
    performers: snap.performers,
    evalCel: (expr: string) => compiled.cel.compile(expr).evaluate(celVars(work)),
  };
}
