#!/usr/bin/env node
// The `flowform` command. Sources are TypeScript: the command runs from one prebuilt bundle
// (server-bundle.js: built here when missing or older than the sources, ~1 s), and through tsx,
// which compiles each source as it loads (~4 s), when the bundle cannot be built.
import { buildBundle, freshBundle } from './server-bundle.js';

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));

async function loadMain() {
  if (process.env.FLOWFORM_NO_BUNDLE !== '1') {
    try {
      return (await import(freshBundle() ?? (await buildBundle()))).main;
    } catch (error) {
      process.emitWarning(`flowform: running the TypeScript sources through tsx (${error.message})`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}
