/**
 * `simulate`: try a definition before publishing it. Without a script, walk every path from
 * generated start data; with one, follow it. Pure: no clock, no I/O; runs in the browser too.
 */
import type { DirectorySeed } from '../assignment';
import type { DefinitionBundle } from '../definition/definition-types';
import { explore } from './explore';
import { runScript } from './run-script';
import type { SimulationOptions, SimulationReport, SimulationScript } from './simulation-types';

export function simulate(
  bundle: DefinitionBundle,
  seed: DirectorySeed,
  options: SimulationOptions & { script?: SimulationScript } = {},
): SimulationReport {
  const { script, ...rest } = options;
  return script ? runScript(bundle, seed, script, rest) : explore(bundle, seed, rest);
}
