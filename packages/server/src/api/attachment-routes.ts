import { attachmentContract as contract } from '@flowform/api';
import { unstorableReason } from '@flowform/engine';
import { invalidTextProblem } from '../http/invalid-text-problem';
import { ApiProblem, problems } from '../http/problem';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { checkUpload, listAttachments, readAttachment, saveAttachment } from '../services/attachment-store';
import { visibleCase } from '../services/case-access';

/** Attachments live under their case; every access checks the case's visibility, then the file's field. */
export function attachmentRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.upload, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const found = await visibleCase(ctx, id, user);
      if (found.visibility !== 'participant' && found.visibility !== 'candidate') {
        throw problems.forbidden('Only people taking part in the case may attach files');
      }
      const { file } = c.req.valid('form');
      const reason = unstorableReason(file.name);
      if (reason) throw invalidTextProblem({ path: '/file/name', reason }, c.get('locale'));
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
    .openapi(contract.list, async (c) => {
      const { id } = c.req.valid('param');
      const { view } = await visibleCase(ctx, id, c.get('user'));
      const items = (await listAttachments(ctx.db, id)).filter((a) => view.seesAttachment(a));
      return c.json({ items }, 200);
    })
    .openapi(contract.download, async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const { view } = await visibleCase(ctx, id, c.get('user'));
      const file = await readAttachment(ctx.db, id, attachmentId);
      // A file of a field the viewer may not see is answered exactly like one that does not exist.
      if (!file || !view.seesAttachment({ id: attachmentId, uploadedBy: file.uploaded_by }))
        throw new ApiProblem(404, 'not-found', 'Not found', 'No such attachment');
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
