import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { IdParamSchema, json, problemResponses } from './common-schemas';

/** A stored file of a case (the bytes are downloaded separately). */
export const AttachmentSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('Attachment');

export type Attachment = z.output<typeof AttachmentSchema>;

/** What the contract reads of an uploaded web `File` (this package has neither DOM nor Node types). */
export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The platform's `File` (browsers, Node 20+): an upload must be one, not a text field. */
const FileClass = (globalThis as unknown as { File: new (...args: unknown[]) => UploadedFile }).File;

const UploadSchema = z
  .object({ file: z.instanceof(FileClass).openapi({ type: 'string', format: 'binary' }) })
  .strict()
  .openapi('Upload');

/** Attachments live under their case; the server checks the case's visibility first. */
export const attachmentContract = {
  upload: apiRoute({
    method: 'post',
    path: '/api/instances/{id}/attachments',
    tags: ['attachments'],
    summary: 'Attach a file to a case (participants; size and type limited; stored in the database)',
    request: {
      params: IdParamSchema,
      body: { required: true, content: { 'multipart/form-data': { schema: UploadSchema } } },
    },
    responses: {
      201: json(AttachmentSchema, 'Stored'),
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  }),
  list: apiRoute({
    method: 'get',
    path: '/api/instances/{id}/attachments',
    tags: ['attachments'],
    summary: "A case's files",
    request: { params: IdParamSchema },
    responses: {
      200: json(z.object({ items: z.array(AttachmentSchema) }), 'Files'),
      ...problemResponses(401, 404),
    },
  }),
  download: apiRoute({
    method: 'get',
    path: '/api/instances/{id}/attachments/{attachmentId}',
    tags: ['attachments'],
    summary: 'Download a file (always as an attachment, never rendered inline)',
    request: {
      params: IdParamSchema.extend({
        attachmentId: z
          .string()
          .uuid()
          .openapi({ param: { name: 'attachmentId', in: 'path' } }),
      }),
    },
    responses: {
      200: {
        description:
          'The file, with the media type it was uploaded as (one of the allowed upload types) and Content-Disposition: attachment',
        content: { '*/*': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problemResponses(400, 401, 404),
    },
  }),
};
