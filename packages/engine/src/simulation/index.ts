/** The simulator's public surface. */
export { type PeoplePath, type PeopleStep, peoplePaths } from './people-paths';
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
