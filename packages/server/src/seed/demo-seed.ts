import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DefinitionBundle,
  type DirectorySeed,
  type FormDefinition,
  InMemoryDirectory,
  lintDefinition,
  type ProcessDefinition,
} from '@flowform/engine';
import { replaceDirectory } from '@flowform/runtime';
import { hashPassword } from '../auth/password';
import type { ServerDb } from '../database/server-schema';
import type { ServerContext } from '../server-context';
import { appendAdminAudit } from '../services/admin-audit';
import { shippedDemoHashes } from './demo-password-hashes';
import { expandPaths, loadForms } from './definition-files';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'flowform';

/** The repository root (workflows/, forms/ and the demo directory are found from here). */
export const REPO_ROOT = join(import.meta.dirname, '../../../..');

/** The demo organisation. */
export function demoDirectory(): DirectorySeed {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, 'packages/server/seed/demo-directory.json'), 'utf8'),
  ) as DirectorySeed;
}

/** Every shipped process with exactly the forms it references, ready to publish. */
export function shippedBundles(root = REPO_ROOT): DefinitionBundle[] {
  const forms = loadForms(join(root, 'forms'));
  return expandPaths([join(root, 'workflows')]).map((file) => {
    const definition = JSON.parse(readFileSync(file, 'utf8')) as ProcessDefinition;
    return { definition, forms: referencedForms(definition, forms) };
  });
}

/** Whether the database has no users yet (a fresh install). */
export async function isEmpty(db: ServerDb): Promise<boolean> {
  return !(await db.selectFrom('directory_users').select('username').limit(1).executeTakeFirst());
}

/**
 * Seeds the demo: the directory (every account's password `flowform`, each scrypt-hashed with its
 * own salt: shipped in seed/demo-password-hashes.json, hashed here for an account not there) and every shipped process that lints clean, published as `system`. Returns what was
 * published and what was skipped because lint found errors.
 */
export async function seedDemo(
  ctx: ServerContext,
  options: { hashParams?: { N: number; r: number; p: number }; bundles?: DefinitionBundle[] } = {},
): Promise<{ published: string[]; skipped: string[] }> {
  const seed = demoDirectory();
  // The shipped hashes (production cost, one salt each) unless a test asks for another cost.
  const shipped = options.hashParams ? new Map<string, string>() : shippedDemoHashes();
  const hashes = new Map(
    seed.users.map((u) => [
      u.username,
      shipped.get(u.username) ?? hashPassword(DEMO_PASSWORD, options.hashParams),
    ]),
  );
  await replaceDirectory(ctx.runtime.db, seed, (username) => hashes.get(username) ?? null);
  // Every demo password is the published one again: no one-time password of an earlier run stays.
  await ctx.db.deleteFrom('server_password_states').execute();
  return publishBundles(ctx, options.bundles ?? shippedBundles(), new InMemoryDirectory(seed), 'system');
}

/** Lints and publishes bundles; those with errors are skipped. */
export async function publishBundles(
  ctx: ServerContext,
  bundles: DefinitionBundle[],
  directory: InMemoryDirectory,
  by: string,
): Promise<{ published: string[]; skipped: string[] }> {
  const processes = new Set(bundles.map((b) => b.definition.key));
  const published: string[] = [];
  const skipped: string[] = [];
  for (const bundle of bundles) {
    const problems = lintDefinition(bundle.definition, { forms: bundle.forms, processes, directory });
    if (problems.some((p) => p.severity === 'error')) {
      skipped.push(bundle.definition.key);
      continue;
    }
    const result = await ctx.runtime.definitions.publish(bundle, by);
    if (result.created) {
      await appendAdminAudit(ctx.db, {
        actor: by,
        action: 'publish',
        target: bundle.definition.key,
        detail: { version: result.version, hash: result.hash },
      });
    }
    published.push(`${bundle.definition.key}@${result.version}`);
  }
  return { published, skipped };
}

function referencedForms(definition: ProcessDefinition, all: Record<string, FormDefinition>) {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'form' || k === 'startForm') && typeof v === 'string') keys.add(v);
        else walk(v);
      }
    }
  };
  walk(definition);
  return Object.fromEntries([...keys].filter((k) => all[k]).map((k) => [k, all[k]!]));
}
