#!/usr/bin/env node
// The `flowform` command. Sources are TypeScript; tsx loads them without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
