/** The shipped processes (`workflows/`), their forms (`forms/`) and the demo directory, as bundles. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionBundle, DirectorySeed, FormDefinition, ProcessDefinition } from '@flowform/engine';

const root = join(import.meta.dirname, '..', '..');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Every form under `forms/`, by key. */
export function shippedForms(): Record<string, FormDefinition> {
  const forms: Record<string, FormDefinition> = {};
  for (const file of jsonFiles(join(root, 'forms'))) {
    const form = readJson<FormDefinition>(file);
    forms[form.key] = form;
  }
  return forms;
}

/** Every process under `workflows/` as a bundle with the forms, by key. */
export function shippedBundles(): Map<string, DefinitionBundle> {
  const forms = shippedForms();
  const bundles = new Map<string, DefinitionBundle>();
  for (const file of jsonFiles(join(root, 'workflows'))) {
    const definition = readJson<ProcessDefinition>(file);
    bundles.set(definition.key, { definition, forms, version: 1 });
  }
  return bundles;
}

/** The demo directory the server seeds (`packages/server/seed/demo-directory.json`). */
export function demoDirectorySeed(): DirectorySeed {
  return readJson<DirectorySeed>(join(root, 'packages', 'server', 'seed', 'demo-directory.json'));
}
