/**
 * A form's computed fields over the form's own data, as the web app shows them live and the engine
 * stores them: the same expressions, the same variables (`data`, `now`), so both get the same value.
 */
import type { FormDefinition } from '../definition/definition-types';
import { type CelEnvironment, createCelEnvironment } from '../expressions';
import { type ComputedResult, computeValues } from './compute-values';
import { formComputed } from './computed-fields';

const environments = new WeakMap<object, CelEnvironment>();

/** The CEL environment of a form's fields, one per schema object (forms are immutable). */
export function formEnvironment(schema: Record<string, unknown>): CelEnvironment {
  let env = environments.get(schema);
  if (!env) {
    env = createCelEnvironment({ caseSchema: schema });
    environments.set(schema, env);
  }
  return env;
}

/** The form data with its computed fields (re)computed. */
export function computeFormValues(
  form: Pick<FormDefinition, 'schema' | 'uiSchema'>,
  data: Record<string, unknown>,
  now: string,
): ComputedResult {
  const fields = formComputed(form);
  if (Object.keys(fields).length === 0) return { data, failed: [] };
  return computeValues(formEnvironment(form.schema), fields, data, { now });
}
