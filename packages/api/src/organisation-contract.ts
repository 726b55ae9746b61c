import type { DirectoryOp as EngineDirectoryOp } from '@flowform/engine';
import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import type { UploadedFile } from './attachment-contract';
import { json, jsonBody, LocalizedTextSchema, problemResponses, UsernameSchema } from './common-schemas';

/**
 * `/api/admin/organisation`: the organisation managed in the product (administrators only). Every
 * change is one *directory change*: a list of typed operations applied together in one transaction
 * as one new directory version (audited, kept in the history), or, with `dryRun`, only previewed.
 * Spreadsheet import computes the same operations (the difference to the current directory) and goes
 * the same way. Superiors are never set by hand: they derive from the unit tree and role holders and
 * are recomputed with every change.
 */

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
const UnitId = Id.openapi({ example: 'station-101' });
const Role = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/)
  .openapi({ example: 'branchSecretary' });
const Name = LocalizedTextSchema;
const Phone = z.string().max(32).nullable();

/** Unit kinds (the engine's `UNIT_KINDS`). */
export const UnitKindSchema = z
  .enum(['district', 'branch', 'station', 'organGroup', 'supervisionGroup', 'patch', 'well'])
  .openapi('UnitKind');

/** Who contracts (承包) a unit: a person, or another unit (a branch contracting a station). */
export const ContractorSchema = z
  .union([z.object({ user: UsernameSchema }).strict(), z.object({ unit: UnitId }).strict()])
  .openapi('Contractor');

/** One operation of a directory change; `op` names it. */
export const DirectoryOpSchema = z
  .discriminatedUnion('op', [
    z
      .object({
        op: z.literal('addUnit'),
        id: UnitId,
        kind: UnitKindSchema,
        name: Name,
        parent: UnitId.nullable(),
      })
      .strict(),
    z
      .object({
        op: z.literal('setUnit'),
        id: UnitId,
        kind: UnitKindSchema.optional(),
        name: Name.optional(),
      })
      .strict(),
    z.object({ op: z.literal('moveUnit'), id: UnitId, parent: UnitId.nullable() }).strict(),
    z
      .object({ op: z.literal('removeUnit'), id: UnitId })
      .strict()
      .openapi({ description: 'Refused while the unit has child units, members or contracts' }),
    z
      .object({
        op: z.literal('addPerson'),
        username: UsernameSchema,
        displayName: Name,
        phone: Phone.optional(),
      })
      .strict(),
    z
      .object({
        op: z.literal('setPerson'),
        username: UsernameSchema,
        displayName: Name.optional(),
        phone: Phone.optional(),
        active: z.boolean().optional().openapi({ description: 'false: the person left; true: back again' }),
      })
      .strict(),
    z
      .object({ op: z.literal('deactivatePerson'), username: UsernameSchema })
      .strict()
      .openapi({ description: 'The person left: inactive, and their roles and contracts end' }),
    z.object({ op: z.literal('addMembership'), username: UsernameSchema, role: Role, unit: UnitId }).strict(),
    z
      .object({ op: z.literal('removeMembership'), username: UsernameSchema, role: Role, unit: UnitId })
      .strict(),
    z
      .object({ op: z.literal('setRoleHolder'), role: Role, unit: UnitId, username: UsernameSchema })
      .strict()
      .openapi({ description: 'The role in the unit now has exactly this holder (earlier holders lose it)' }),
    z.object({ op: z.literal('addContract'), contractor: ContractorSchema, unit: UnitId }).strict(),
    z.object({ op: z.literal('removeContract'), contractor: ContractorSchema, unit: UnitId }).strict(),
  ])
  .openapi('DirectoryOp') satisfies z.ZodType<EngineDirectoryOp>;

export type DirectoryOp = z.output<typeof DirectoryOpSchema>;

/** A directory change: operations applied in order, all or none. */
export const DirectoryChangeSchema = z
  .object({
    ops: z.array(DirectoryOpSchema).min(1).max(5000),
    dryRun: z.boolean().default(false).openapi({ description: 'true: only preview, change nothing' }),
    expectedVersion: z
      .string()
      .max(20)
      .optional()
      .openapi({ description: 'Refuse with 409 when the directory is no longer at this version' }),
    comment: z.string().max(500).optional(),
  })
  .strict()
  .openapi('DirectoryChange');

export type DirectoryChange = z.input<typeof DirectoryChangeSchema>;

/** A unit as the administration lists it. */
export const OrgUnitSchema = z
  .object({ id: z.string(), kind: UnitKindSchema, name: Name, parent: z.string().nullable() })
  .openapi('OrgUnit');

/** A person as the administration lists them; `superior` is derived, read-only. */
export const OrgPersonSchema = z
  .object({
    username: z.string(),
    displayName: Name,
    phone: z.string().nullable(),
    active: z.boolean(),
    superior: z.string().nullable(),
  })
  .openapi('OrgPerson');

/** The whole organisation at one directory version. */
export const OrganisationSchema = z
  .object({
    version: z.string(),
    units: z.array(OrgUnitSchema),
    people: z.array(OrgPersonSchema),
    memberships: z.array(z.object({ username: z.string(), role: z.string(), unit: z.string() })),
    contracts: z.array(z.object({ contractor: ContractorSchema, unit: z.string() })),
  })
  .openapi('Organisation');

export type Organisation = z.output<typeof OrganisationSchema>;

/** An open task whose people would change: who can act on it now and after the change. */
export const TaskMoveSchema = z
  .object({
    taskId: z.string(),
    instanceId: z.string(),
    processKey: z.string(),
    nodeId: z.string(),
    name: Name,
    assignee: z.string().nullable().openapi({ description: 'Who claimed it, if anyone' }),
    before: z.array(z.string()).openapi({ description: 'Who can act on it now' }),
    after: z.array(z.string()).openapi({ description: 'Who could act on it after the change' }),
    releasesClaim: z.boolean().openapi({ description: 'The claimant loses it: back to the pool' }),
  })
  .openapi('TaskMove');

/** An assignment rule of a published definition that would find nobody in the new directory. */
export const UnresolvedRuleSchema = z
  .object({
    processKey: z.string(),
    version: z.number().int(),
    path: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .openapi('UnresolvedRule');

/**
 * A proof of a published process that the change would break (it holds today, not after): lint's
 * `assignment-unsatisfiable`, `assignment-empty-after-exclusion`, `notify-audience-cannot-read` or
 * `self-approval-path`, with a sentence in both languages and lint's own detail (who, which path).
 */
export const BrokenProofSchema = z
  .object({
    processKey: z.string(),
    processName: Name,
    version: z.number().int(),
    code: z.enum([
      'assignment-unsatisfiable',
      'assignment-empty-after-exclusion',
      'notify-audience-cannot-read',
      'self-approval-path',
    ]),
    path: z.string().openapi({ description: 'JSON pointer into the definition' }),
    stateId: z.string().nullable(),
    sentence: Name,
    detail: z.string().openapi({ description: "Lint's message: the starter, person or path it names" }),
  })
  .openapi('BrokenProof');

/** What a change does (or did): the operations' effect and what follows from it. */
export const ChangePreviewSchema = z
  .object({
    superiors: z.array(
      z.object({ username: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
    ),
    tasks: z.array(TaskMoveSchema),
    unresolvedRules: z.array(UnresolvedRuleSchema),
    brokenProofs: z.array(BrokenProofSchema).openapi({
      description:
        'Proofs of the published processes that hold in the current directory and fail in the proposed one',
    }),
  })
  .openapi('ChangePreview');

/** What a directory change answers: applied (a new version) or only previewed. */
export const ChangeResultSchema = z
  .object({
    applied: z.boolean(),
    fromVersion: z.string(),
    version: z.string().openapi({ description: 'The new version; equal to fromVersion when not applied' }),
    ops: z.array(DirectoryOpSchema),
    preview: ChangePreviewSchema,
  })
  .openapi('ChangeResult');

export type ChangeResult = z.output<typeof ChangeResultSchema>;

/** One refused row of a spreadsheet: where (sheet, line, column) and why, in both languages. */
export const RowErrorSchema = z
  .object({
    sheet: z.enum(['units', 'people', 'memberships', 'contracts']),
    line: z
      .number()
      .int()
      .openapi({ description: 'The row number as the spreadsheet shows it (header = 1)' }),
    column: z.string(),
    code: z.string(),
    message: Name,
  })
  .openapi('RowError');

export type RowError = z.output<typeof RowErrorSchema>;

/** What an import answers: its operations (the diff) and every row error; applied only when none. */
export const ImportResultSchema = ChangeResultSchema.extend({ rowErrors: z.array(RowErrorSchema) }).openapi(
  'ImportResult',
);

/** One directory version in the history. */
export const DirectoryVersionSchema = z
  .object({
    version: z.string(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
    source: z.enum(['change', 'import', 'seed', 'process']),
    comment: z.string().nullable(),
    opCount: z.number().int(),
  })
  .openapi('DirectoryVersion');

const FormatSchema = z.enum(['xlsx', 'csv']).default('xlsx');

const FileClass = (globalThis as unknown as { File: new (...args: unknown[]) => UploadedFile }).File;

const VersionParamSchema = z.object({
  version: z
    .string()
    .regex(/^\d{1,18}$/)
    .openapi({ param: { name: 'version', in: 'path' } }),
});

/**
 * The 422 of a change names each refused operation by path (`/ops/3/parent`) in `errors`, and in
 * both languages in `issues`: `{ path, code, message: { zh-CN, en } }`.
 */
const CHANGE_PROBLEMS = problemResponses(400, 401, 403, 409, 413, 415, 422);

/** `/api/admin/organisation`: units, people, roles, contracts; changes, history, import, export. */
export const organisationContract = {
  get: apiRoute({
    method: 'get',
    path: '/api/admin/organisation',
    tags: ['organisation'],
    summary:
      'The whole organisation (administrators): units with kinds and parents, people (active or left, derived superior), role memberships, contracts',
    responses: { 200: json(OrganisationSchema, 'The organisation'), ...problemResponses(401, 403) },
  }),
  change: apiRoute({
    method: 'post',
    path: '/api/admin/organisation/changes',
    tags: ['organisation'],
    summary:
      'Apply a directory change (administrators): the operations in order as one new version, superiors recomputed, open tasks following; with dryRun only previewed',
    request: { body: jsonBody(DirectoryChangeSchema) },
    responses: { 200: json(ChangeResultSchema, 'Applied, or previewed'), ...CHANGE_PROBLEMS },
  }),
  preview: apiRoute({
    method: 'post',
    path: '/api/admin/organisation/changes/preview',
    tags: ['organisation'],
    summary:
      'Preview a directory change (administrators): the same body as a change, nothing changed; which superiors change, which open tasks move to whom, which rules of published definitions would find nobody',
    request: { body: jsonBody(DirectoryChangeSchema) },
    responses: { 200: json(ChangeResultSchema, 'Previewed'), ...CHANGE_PROBLEMS },
  }),
  versions: apiRoute({
    method: 'get',
    path: '/api/admin/organisation/versions',
    tags: ['organisation'],
    summary: 'The directory change history, newest first (administrators)',
    request: {
      query: z
        .object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z
            .string()
            .regex(/^\d{1,18}$/)
            .optional(),
        })
        .strict(),
    },
    responses: {
      200: json(z.object({ items: z.array(DirectoryVersionSchema) }), 'Versions'),
      ...problemResponses(400, 401, 403),
    },
  }),
  version: apiRoute({
    method: 'get',
    path: '/api/admin/organisation/versions/{version}',
    tags: ['organisation'],
    summary: 'One directory version: who changed what (administrators)',
    request: { params: VersionParamSchema },
    responses: {
      200: json(DirectoryVersionSchema.extend({ ops: z.array(DirectoryOpSchema) }), 'The version'),
      ...problemResponses(401, 403, 404),
    },
  }),
  export: apiRoute({
    method: 'get',
    path: '/api/admin/organisation/export',
    tags: ['organisation'],
    summary:
      'The organisation as a spreadsheet (administrators): XLSX with sheets units, people, memberships, contracts; or one CSV with a `sheet` column',
    request: { query: z.object({ format: FormatSchema }).strict() },
    responses: {
      200: {
        description: 'The file, as an attachment',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
          'text/csv': { schema: z.string() },
        },
      },
      ...problemResponses(400, 401, 403),
    },
  }),
  import: apiRoute({
    method: 'post',
    path: '/api/admin/organisation/import',
    tags: ['organisation'],
    summary:
      'Import the whole organisation from a spreadsheet (administrators; XLSX or CSV as exported): the difference to the current directory as one directory change. dryRun=true changes nothing and answers the operations and every row error; without it, any row error is a 422 problem `directory-import-rows` whose `rowErrors` lists them all, and nothing changes',
    request: {
      query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }).strict(),
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z
              .object({ file: z.instanceof(FileClass).openapi({ type: 'string', format: 'binary' }) })
              .strict(),
          },
        },
      },
    },
    responses: {
      200: json(ImportResultSchema, 'Applied, or previewed (with every row error)'),
      ...CHANGE_PROBLEMS,
    },
  }),
};
