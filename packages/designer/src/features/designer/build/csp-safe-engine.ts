/**
 * The engine's lint in a page whose CSP forbids eval. ajv compiles schemas with `new Function`, so
 * for the browser build two engine modules are swapped: the definition format check uses the same
 * JSON Schema compiled ahead of time into plain code (ajv standalone), and the form schema check
 * keeps the engine's static safety checks without a trial compile (the server's lint, run on
 * publish, does that too). Everything else of `lintDefinition` is the engine's own code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:flowform-definition-validator';
const RESOLVED = `\0${VIRTUAL}`;
const ENGINE_SCHEMA = join(import.meta.dirname, '../../../../../engine/schema/definition.schema.json');
const BROWSER = join(import.meta.dirname, '../engine-browser');

const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as typeof standaloneModule;

/** ajv's ESM output still `require`s its runtime helpers: turn them into imports. */
export function definitionValidatorModule(): string {
  const schema = JSON.parse(readFileSync(ENGINE_SCHEMA, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  const imports = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)/g, (_all, spec: string) => {
    if (!imports.has(spec)) imports.set(spec, `__ajv_runtime_${imports.size}`);
    return imports.get(spec)!;
  });
  const head = [...imports].map(
    ([spec, name]) => `import * as ${name} from ${JSON.stringify(`${spec}.js`)};`,
  );
  return `${head.join('\n')}\n${body.replace('"use strict";', '')}`;
}

export function cspSafeEngine(): Plugin {
  return {
    name: 'flowform-csp-safe-engine',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === VIRTUAL) return RESOLVED;
      const from = importer?.replaceAll('\\', '/') ?? '';
      if (source === './format-check' && from.endsWith('/engine/src/lint/lint-definition.ts'))
        return join(BROWSER, 'format-check.browser.ts');
      if (source === './check-form-schema' && from.endsWith('/engine/src/forms/index.ts'))
        return join(BROWSER, 'check-form-schema.browser.ts');
      return undefined;
    },
    load(id) {
      return id === RESOLVED ? definitionValidatorModule() : undefined;
    },
  };
}
