/** The drivers every scenario runs on: the pure step in memory, and the durable runtime on a database. */
import { InMemoryDriver } from './in-memory-driver';
import { RuntimeDriver } from './runtime-driver';
import type { ScenarioDriver } from './scenario-driver';
import { demoDirectorySeed, shippedBundles } from './shipped-bundles';

export interface DriverFactory {
  name: string;
  create: () => Promise<ScenarioDriver>;
}

const bundles = shippedBundles();

export const drivers: DriverFactory[] = [
  { name: 'in-memory', create: async () => new InMemoryDriver(bundles, demoDirectorySeed()) },
  { name: 'runtime', create: () => RuntimeDriver.create(bundles, demoDirectorySeed()) },
];
