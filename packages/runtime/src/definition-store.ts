import { compileBundle, type DefinitionBundle, restrictedFields } from '@flowform/engine';
import type { Kysely } from 'kysely';
import { canonicalJson, sha256Hex } from './audit-chain';
import type { Database } from './database/db-schema';
import { RuntimeError } from './runtime-error';

/** Published definitions never change, so a process caches them forever by key and version. */
export class DefinitionStore {
  private readonly cache = new Map<string, DefinitionBundle>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The pinned bundle of a version (what running cases step against). */
  async get(key: string, version: number): Promise<DefinitionBundle> {
    const id = `${key}@${version}`;
    const hit = this.cache.get(id);
    if (hit) return hit;
    const row = await this.db
      .selectFrom('definitions')
      .select('bundle')
      .where('key', '=', key)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw new RuntimeError('definition-not-found', `No definition ${key} v${version}`);
    const bundle = { ...(row.bundle as DefinitionBundle), version };
    this.cache.set(id, bundle);
    return bundle;
  }

  /** The newest published version number, if any. */
  async latestVersion(key: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('definitions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.v ?? undefined;
  }

  /**
   * Publishes a bundle as the next version; an identical bundle (same hash as the latest) is not
   * published twice. Lint is the caller's job: this stores what it is given.
   */
  async publish(
    bundle: DefinitionBundle,
    publishedBy: string,
  ): Promise<{ version: number; hash: string; created: boolean }> {
    const key = bundle.definition.key;
    const content = { definition: bundle.definition, forms: bundle.forms };
    const hash = sha256Hex(canonicalJson(content));
    const latest = await this.db
      .selectFrom('definitions')
      .select(['version', 'hash'])
      .where('key', '=', key)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest?.hash === hash) return { version: latest.version, hash, created: false };
    const version = (latest?.version ?? 0) + 1;
    await this.db
      .insertInto('definitions')
      .values({
        key,
        version,
        hash,
        bundle: JSON.stringify(content),
        published_by: publishedBy,
        restricted_fields: [...restrictedFields(compileBundle({ ...bundle, version }))].sort(),
      })
      .execute();
    return { version, hash, created: true };
  }
}
