/**
 * `createCelEnvironment`: a CEL environment typed by a case schema. A shared base environment holds
 * everything that does not depend on the schema (limits, operators, helpers, common variables);
 * each case schema gets a cheap clone with `data`, `params` and `item` added, and its own compile
 * cache. `forEachItem` derives the environment where `item` has a `forEach` list's element type.
 */
import { Environment } from '@marcbachmann/cel-js';
import type { CelEnvironment, CelEnvironmentSpec, CompiledExpression } from './cel-environment-types';
import { registerHelperFunctions } from './cel-helpers';
import { registerShape, type ShapeRegistry, shapeOfType } from './cel-records';
import { shapeFromSchema, shapeFromValue } from './cel-shape';
import { displayTypeName, matchesExpected } from './cel-type-names';
import { jsonToCel } from './cel-values';
import { registerCommonVariables, registerPeople, type VariableConverters } from './cel-variables';
import { type CompileScope, compileExpression } from './compiled-expression';
import { ExpressionError } from './expression-error';
import { CEL_PARSER_LIMITS } from './expression-limits';
import { registerListAggregates } from './list-aggregates';
import { registerNumericOverloads } from './numeric-overloads';
import { registerStandardOverloads } from './standard-overloads';

/** Compiled sources kept per environment; definitions hold far fewer, so this only stops leaks. */
const MAX_CACHED = 2000;

interface Base {
  env: Environment;
  converters: VariableConverters;
}

const bases = new Map<boolean, Base>();

/**
 * The shared base; `mixedNumbers` adds Flowform's int/double operators. Without them is the fallback
 * for the few expressions where cel-js cannot choose between those and its own (an operator on the
 * element of an empty list): the evaluator is the same, only the checker's overload table differs.
 */
function baseEnvironment(mixedNumbers: boolean): Base {
  let base = bases.get(mixedNumbers);
  if (!base) {
    // Mixed list and map literals are list<dyn> / map<dyn, dyn>, as in cel-go.
    const env = new Environment({ limits: CEL_PARSER_LIMITS, homogeneousAggregateLiterals: false });
    if (mixedNumbers) registerNumericOverloads(env);
    registerStandardOverloads(env);
    registerHelperFunctions(env);
    registerListAggregates(env);
    base = { env, converters: registerCommonVariables(env) };
    bases.set(mixedNumbers, base);
  }
  return base;
}

/** The scope of one schema (and one `item` type); `item` is dyn unless a `forEach` gives its type. */
function schemaScope(spec: CelEnvironmentSpec, itemType: string, mixedNumbers: boolean): CompileScope {
  const root = baseEnvironment(mixedNumbers);
  const env = root.env.clone();
  const registry: ShapeRegistry = new Map();
  // Case data is always a JSON object: without declared properties it is a map of dyn values.
  const dataShape = shapeFromSchema(spec.caseSchema);
  const data =
    dataShape.kind === 'dyn'
      ? { type: 'map<string, dyn>', toCel: jsonToCel }
      : registerShape(env, dataShape, 'flowform.data', registry);
  env.registerVariable('data', data.type);
  const parameters = spec.parameters ?? {};
  const params = registerShape(env, shapeFromValue(parameters), 'flowform.params');
  // A private copy: later changes to the caller's object must not change compiled expressions.
  env.registerVariable('params', params.type);
  const paramsValue = params.toCel(structuredClone(parameters));
  for (const [name, type] of Object.entries(spec.declarations ?? {})) env.registerVariable(name, type);
  const people = spec.people ? registerPeople(env, registry) : undefined;
  const item = shapeOfType(itemType, registry);
  env.registerVariable('item', item.type);
  return {
    env,
    converters: {
      ...root.converters,
      data: data.toCel,
      item: item.toCel,
      ...(people ? { people: people.toCel } : {}),
    },
    constants: paramsValue === undefined ? {} : { params: paramsValue },
  };
}

/** Compiles in the main scope, falling back to the one without mixed-number operators (see above). */
function compileWithFallback(spec: CelEnvironmentSpec, itemType: string) {
  const scope = schemaScope(spec, itemType, true);
  let fallback: CompileScope | undefined;
  return (source: string) => {
    try {
      return compileExpression(scope, source);
    } catch (error) {
      if (
        !(
          error instanceof ExpressionError &&
          error.code === 'cel-unsupported' &&
          /overlaps with/.test(error.message)
        )
      ) {
        throw error;
      }
      fallback ??= schemaScope(spec, itemType, false);
      return compileExpression(fallback, source);
    }
  };
}

function environment(spec: CelEnvironmentSpec, itemType = 'dyn'): CelEnvironment {
  const compileSource = compileWithFallback(spec, itemType);
  const cache = new Map<string, { compiled: CompiledExpression; raw: string } | ExpressionError>();
  const items = new Map<string, CelEnvironment>();

  const compileRaw = (source: string) => {
    let entry = cache.get(source);
    if (!entry) {
      try {
        const compiled = compileSource(source);
        entry = { compiled: { ...compiled, type: displayTypeName(compiled.type) }, raw: compiled.type };
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
  const compile = (source: string) => compileRaw(source).compiled;

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
    forEachItem(forEachSource) {
      const element = /^list<(.*)>$/.exec(compileRaw(forEachSource).raw)?.[1] ?? 'dyn';
      let derived = items.get(element);
      if (!derived) {
        derived = environment(spec, element);
        items.set(element, derived);
      }
      return derived;
    },
  };
}

/** Creates the environment expressions of one case schema are checked and run in; cache it per schema. */
export function createCelEnvironment(spec: CelEnvironmentSpec): CelEnvironment {
  return environment(spec);
}
