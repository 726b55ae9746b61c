/** The simulator's public surface. */
export { ScriptError } from './run-script';
export { simulate } from './simulate';
export type {
  CoverageFigure,
  ScriptStep,
  SimAction,
  SimPerson,
  SimStep,
  SimTask,
  SimulationOptions,
  SimulationReport,
  SimulationScript,
} from './simulation-types';
