import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FormDefinition, ProcessDefinition } from '@flowform/engine';

/** One definition file as read from disk, with the forms it may use. */
export interface LoadedDefinition {
  file: string;
  definition?: unknown;
  forms: Record<string, FormDefinition>;
  parseError?: string;
}

/** Expands files and directories into the `.json` definition files they hold. */
export function expandPaths(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    if (!existsSync(full)) throw new Error(`No such file or directory: ${p}`);
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        const child = join(full, name);
        if (statSync(child).isDirectory()) files.push(...expandPaths([child]));
        else if (name.endsWith('.json')) files.push(child);
      }
    } else files.push(full);
  }
  return files;
}

/** Reads every form in a directory, keyed by its `key`. */
export function loadForms(dir: string): Record<string, FormDefinition> {
  const forms: Record<string, FormDefinition> = {};
  if (!existsSync(dir)) return forms;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const form = JSON.parse(readFileSync(join(dir, name), 'utf8')) as FormDefinition;
    forms[form.key ?? basename(name, '.json')] = form;
  }
  return forms;
}

/**
 * Loads a definition file. A file is either a bare definition (its forms come from `formsDir`, by
 * default `forms/` beside its folder) or a bundle `{ definition, forms }` as `flowform export` writes.
 */
export function loadDefinitionFile(file: string, formsDir?: string): LoadedDefinition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { file, forms: {}, parseError: (error as Error).message };
  }
  const record = parsed as { definition?: ProcessDefinition; forms?: Record<string, FormDefinition> };
  if (record && typeof record === 'object' && 'definition' in record) {
    return { file, definition: record.definition, forms: record.forms ?? {} };
  }
  const dir = formsDir ?? join(dirname(file), '..', 'forms');
  return { file, definition: parsed, forms: loadForms(dir) };
}
