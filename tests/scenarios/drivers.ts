/** The drivers every scenario runs on. A durable-runtime driver joins this list later. */
import { InMemoryDriver } from './in-memory-driver';
import type { ScenarioDriver } from './scenario-driver';
import { demoDirectorySeed, shippedBundles } from './shipped-bundles';

export interface DriverFactory {
  name: string;
  create: () => Promise<ScenarioDriver>;
}

const bundles = shippedBundles();

export const drivers: DriverFactory[] = [
  { name: 'in-memory', create: async () => new InMemoryDriver(bundles, demoDirectorySeed()) },
];
