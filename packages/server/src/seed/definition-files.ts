import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { JSON_LIMITS } from '@flowform/api';
import type { FormDefinition, ProcessDefinition } from '@flowform/engine';
import { checkJsonDepth, parseSafeJson, UnsafeJsonError } from '../http/safe-json';

/** Why a file could not be read: not JSON the API would accept, or beyond its size or depth limits. */
export type ReadErrorCode = 'json-invalid' | 'json-too-large';

/** One definition file as read from disk, with the forms it may use. */
export interface LoadedDefinition {
  file: string;
  definition?: unknown;
  forms: Record<string, FormDefinition>;
  parseError?: string;
  /** Set with `parseError`. */
  parseErrorCode?: ReadErrorCode;
}

/** A JSON file refused before or while parsing, with the lint code that names why. */
export class JsonFileError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON file under the limits the API puts on request bodies (`JSON_LIMITS`: 1 MiB, nesting
 * 32, no prototype keys), checked before parsing, so a huge or deeply nested file gets a clear
 * error instead of exhausting memory or the stack in lint.
 */
export function readJsonFile(file: string): unknown {
  const name = basename(file);
  const { size } = statSync(file);
  if (size > JSON_LIMITS.maxBytes) {
    const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;
    throw new JsonFileError(
      'json-too-large',
      `${name} is too large (${kib(size)}, at most ${kib(JSON_LIMITS.maxBytes)}, as for the API)`,
    );
  }
  const text = readFileSync(file, 'utf8');
  try {
    checkJsonDepth(text);
  } catch {
    throw new JsonFileError(
      'json-too-large',
      `${name} is nested too deeply (at most ${JSON_LIMITS.maxDepth} levels, as for the API)`,
    );
  }
  try {
    return parseSafeJson(text);
  } catch (error) {
    if (!(error instanceof UnsafeJsonError)) throw error;
    throw new JsonFileError('json-invalid', `${name}: ${error.message}`);
  }
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

/** Reads every form in a directory, keyed by its `key`; throws JsonFileError for a file it cannot read. */
export function loadForms(dir: string): Record<string, FormDefinition> {
  const forms: Record<string, FormDefinition> = {};
  if (!existsSync(dir)) return forms;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const form = readJsonFile(join(dir, name)) as FormDefinition | null;
    const key = typeof form?.key === 'string' ? form.key : basename(name, '.json');
    forms[key] = form as FormDefinition;
  }
  return forms;
}

/**
 * Loads a definition file. A file is either a bare definition (its forms come from `formsDir`, by
 * default `forms/` beside its folder) or a bundle `{ definition, forms }` as `flowform export` writes.
 */
export function loadDefinitionFile(file: string, formsDir?: string): LoadedDefinition {
  try {
    const parsed = readJsonFile(file);
    const record = parsed as { definition?: ProcessDefinition; forms?: Record<string, FormDefinition> };
    if (record && typeof record === 'object' && 'definition' in record) {
      return { file, definition: record.definition, forms: record.forms ?? {} };
    }
    const dir = formsDir ?? join(dirname(file), '..', 'forms');
    return { file, definition: parsed, forms: loadForms(dir) };
  } catch (error) {
    if (!(error instanceof JsonFileError)) throw error;
    return { file, forms: {}, parseError: error.message, parseErrorCode: error.code };
  }
}
