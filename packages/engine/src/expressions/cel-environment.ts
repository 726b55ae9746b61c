/**
 * `createCelEnvironment`: a CEL environment typed by a case schema. A shared base environment holds
 * everything that does not depend on the schema (limits, operators, helpers, common variables);
 * each case schema gets a cheap clone with `data` and `params` added, and its own compile cache.
 */
import { Environment } from '@marcbachmann/cel-js';
import type { CelEnvironment, CelEnvironmentSpec, CompiledExpression } from './cel-environment-types';
import { registerHelperFunctions } from './cel-helpers';
import { registerShape } from './cel-records';
import { shapeFromSchema, shapeFromValue } from './cel-shape';
import { matchesExpected } from './cel-type-names';
import { jsonToCel } from './cel-values';
import { registerCommonVariables, type VariableConverters } from './cel-variables';
import { compileExpression } from './compiled-expression';
import { ExpressionError } from './expression-error';
import { CEL_PARSER_LIMITS } from './expression-limits';
import { registerNumericOverloads } from './numeric-overloads';

/** Compiled sources kept per environment; definitions hold far fewer, so this only stops leaks. */
const MAX_CACHED = 2000;

interface Base {
  env: Environment;
  converters: VariableConverters;
}

let base: Base | undefined;

function baseEnvironment(): Base {
  if (!base) {
    const env = new Environment({ limits: CEL_PARSER_LIMITS });
    registerNumericOverloads(env);
    registerHelperFunctions(env);
    base = { env, converters: registerCommonVariables(env) };
  }
  return base;
}

function schemaEnvironment(spec: CelEnvironmentSpec): { env: Environment; converters: VariableConverters } {
  const root = baseEnvironment();
  const env = root.env.clone();
  const data = registerShape(env, shapeFromSchema(spec.caseSchema), 'flowform.data');
  env.registerVariable('data', data.type);
  const parameters = spec.parameters ?? {};
  const params = registerShape(env, shapeFromValue(parameters), 'flowform.params');
  // A private copy: later changes to the caller's object must not change compiled expressions.
  env.registerConstant('params', params.type, params.toCel(jsonToCel(parameters)));
  return { env, converters: { ...root.converters, data: data.toCel } };
}

/** Creates the environment expressions of one case schema are checked and run in; cache it per schema. */
export function createCelEnvironment(spec: CelEnvironmentSpec): CelEnvironment {
  const { env, converters } = schemaEnvironment(spec);
  const cache = new Map<string, CompiledExpression | ExpressionError>();

  const compile = (source: string): CompiledExpression => {
    let entry = cache.get(source);
    if (!entry) {
      try {
        entry = compileExpression(env, source, converters);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        entry = error;
      }
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(source, entry);
    }
    if (entry instanceof ExpressionError) {
      throw new ExpressionError(entry.code, entry.message, entry.source, { cause: entry.cause });
    }
    return entry;
  };

  return {
    compile,
    check(source, expected) {
      try {
        const { type } = compile(source);
        if (!expected || matchesExpected(type, expected)) return { ok: true, type };
        return { ok: false, code: 'cel-type', message: `expected ${expected}, got ${type}` };
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        return { ok: false, code: error.code, message: error.message };
      }
    },
  };
}
