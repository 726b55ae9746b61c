/**
 * What a client reads off a route contract, at the type level only (`import type` these: they
 * add nothing to a bundle). `R` is a route of this package (`typeof caseContract.detail`).
 */
import type { RouteConfig, z } from '@hono/zod-openapi';

type JsonSchemaOf<T> = T extends { content: { 'application/json': { schema: infer S extends z.ZodType } } }
  ? S
  : never;

/** The JSON body route `R` answers with status `S`, as the client reads it (`z.output`). */
export type Json<R extends RouteConfig, S extends keyof R['responses']> = z.output<
  JsonSchemaOf<R['responses'][S]>
>;

/** The JSON body route `R` accepts, as the client sends it (`z.input`: defaults may be left out). */
export type JsonRequest<R extends RouteConfig> = z.input<JsonSchemaOf<NonNullable<R['request']>['body']>>;

/** The query parameters route `R` accepts, as the client sends them (`z.input`). */
export type Query<R extends RouteConfig> = z.input<NonNullable<NonNullable<R['request']>['query']>>;
