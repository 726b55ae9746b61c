import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentSchema } from '@flowform/api';
import type { z } from '@hono/zod-openapi';
import type { ServerDb } from '../database/server-schema';
import { ApiProblem } from '../http/problem';

type Attachment = z.infer<typeof AttachmentSchema>;

/** File signatures of the types that have one; a file claiming such a type must start with it. */
const MAGIC: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/gif': [[0x47, 0x49, 0x46, 0x38]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
};

/** Checks an upload's declared type against the allowed list and its first bytes. */
export function checkUpload(
  file: { name: string; type: string; size: number },
  bytes: Uint8Array,
  allowed: string[],
): { filename: string; contentType: string } {
  const contentType = file.type.split(';')[0]!.trim().toLowerCase();
  if (!allowed.includes(contentType)) {
    throw new ApiProblem(415, 'attachment-type', 'File type not allowed', `Allowed: ${allowed.join(', ')}`);
  }
  const magic = MAGIC[contentType];
  if (magic && !magic.some((m) => m.every((b, i) => bytes[i] === b))) {
    throw new ApiProblem(415, 'attachment-type', 'File content does not match its type');
  }
  if (bytes.length === 0) throw new ApiProblem(422, 'attachment-empty', 'Empty file');
  const filename = sanitiseFilename(file.name);
  return { filename, contentType };
}

/** Stores an uploaded file in the database. */
export async function saveAttachment(
  db: ServerDb,
  input: { instanceId: string; filename: string; contentType: string; bytes: Uint8Array; uploadedBy: string },
): Promise<Attachment> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const row = await db
    .insertInto('attachments')
    .values({
      id,
      instance_id: input.instanceId,
      filename: input.filename,
      content_type: input.contentType,
      size: input.bytes.length,
      sha256,
      content: input.bytes,
      uploaded_by: input.uploadedBy,
    })
    .returning('uploaded_at')
    .executeTakeFirstOrThrow();
  return {
    id,
    filename: input.filename,
    contentType: input.contentType,
    size: input.bytes.length,
    sha256,
    uploadedBy: input.uploadedBy,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}

/** The files of a case, oldest first (metadata only). */
export async function listAttachments(db: ServerDb, instanceId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
    .where('instance_id', '=', instanceId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
  }));
}

/** One file with its bytes, only if it belongs to the given case. */
export async function readAttachment(db: ServerDb, instanceId: string, id: string) {
  return db
    .selectFrom('attachments')
    .select(['filename', 'content_type', 'content', 'size', 'uploaded_by'])
    .where('id', '=', id)
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
}

function sanitiseFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '"<>|*?:'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 200);
  return clean.length > 0 && clean !== '.' && clean !== '..' ? clean : 'file';
}
