// The engine's browser face (`@flowform/engine/browser`): the core, with the interpreting
// validator behind lint and form validation. Nothing reachable from here imports ajv, which
// compiles with `new Function` (browser-face.test.ts walks the imports to prove it).

export { createFormValidator, lintDefinition } from './browser-ports';
export * from './core';
