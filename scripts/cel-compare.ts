// `node --import tsx scripts/cel-compare.ts`: the CEL libraries on npm side by side: cel-spec
// conformance (the engine's harness, same applicable cases) and speed on typical Flowform expressions.
// Prints figures; not a test (the engine's conformance test is packages/engine/src/expressions).
import { conformanceCases, runConformance, summarize } from '@flowform/engine/cel-conformance';
import { bufbuildAdapter } from './cel-compare/bufbuild-adapter';
import { celJsAdapter } from './cel-compare/celjs-adapter';
import { engineAdapter } from './cel-compare/engine-adapter';
import { marcbachmannAdapter } from './cel-compare/marcbachmann-adapter';
import { printSpeed } from './cel-compare/speed';

const cases = conformanceCases();
console.log('cel-spec conformance (same applicable cases for each; see NOT_APPLICABLE_FILES):');
for (const [name, adapter] of [
  ['flowform engine', engineAdapter],
  ['@marcbachmann/cel-js 8 (checked)', marcbachmannAdapter],
  ['@bufbuild/cel 0.6 (unchecked)', bufbuildAdapter],
  ['cel-js 0.8 (unchecked)', celJsAdapter],
] as const) {
  console.log(`  ${summarize(name, runConformance(cases, adapter))}`);
}
printSpeed();
