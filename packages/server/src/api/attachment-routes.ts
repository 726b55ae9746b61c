import { createRoute, z } from '@hono/zod-openapi';
import { ApiProblem, problems } from '../http/problem';
import { newRouter } from '../http/router';
import { AttachmentSchema } from '../schemas/case-schemas';
import { IdParamSchema, problemResponses } from '../schemas/common-schemas';
import type { ServerContext } from '../server-context';
import { checkUpload, listAttachments, readAttachment, saveAttachment } from '../services/attachment-store';
import { visibleCase } from '../services/case-access';

const UploadSchema = z
  .object({ file: z.instanceof(File).openapi({ type: 'string', format: 'binary' }) })
  .strict()
  .openapi('Upload');

const upload = createRoute({
  method: 'post',
  path: '/{id}/attachments',
  tags: ['attachments'],
  summary: 'Attach a file to a case (participants; size and type limited; stored in the database)',
  request: {
    params: IdParamSchema,
    body: { required: true, content: { 'multipart/form-data': { schema: UploadSchema } } },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: AttachmentSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

const list = createRoute({
  method: 'get',
  path: '/{id}/attachments',
  tags: ['attachments'],
  summary: "A case's files",
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: 'Files',
      content: { 'application/json': { schema: z.object({ items: z.array(AttachmentSchema) }) } },
    },
    ...problemResponses(401, 404),
  },
});

const download = createRoute({
  method: 'get',
  path: '/{id}/attachments/{attachmentId}',
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
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(400, 401, 404),
  },
});

/** Attachments live under their case; every access checks the case's visibility first. */
export function attachmentRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(upload, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const found = await visibleCase(ctx, id, user);
      if (found.visibility !== 'participant' && found.visibility !== 'candidate') {
        throw problems.forbidden('Only people taking part in the case may attach files');
      }
      const { file } = c.req.valid('form');
      if (file.size > ctx.config.limits.upload) throw problems.tooLarge(ctx.config.limits.upload);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = checkUpload(file, bytes, ctx.config.uploadTypes);
      const saved = await saveAttachment(ctx.db, {
        instanceId: id,
        ...checked,
        bytes,
        uploadedBy: user.username,
      });
      return c.json(saved, 201);
    })
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param');
      await visibleCase(ctx, id, c.get('user'));
      return c.json({ items: await listAttachments(ctx.db, id) }, 200);
    })
    .openapi(download, async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      await visibleCase(ctx, id, c.get('user'));
      const file = await readAttachment(ctx.db, id, attachmentId);
      if (!file) throw new ApiProblem(404, 'not-found', 'Not found', 'No such attachment');
      const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': file.content_type,
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      });
    });
}
