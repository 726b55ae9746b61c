// The engine's Node face (`@flowform/engine`): the core, with ajv — compiled, fast, the server's
// authority — behind lint and form validation. The web app imports `@flowform/engine/browser`.

export * from './core';
export { createAjvChecker } from './forms/ajv-checker';
export { createFormValidator, lintDefinition } from './node-ports';
