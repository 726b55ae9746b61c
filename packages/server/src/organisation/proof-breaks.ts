/**
 * Directory changes re-run the proofs: before a change is saved, lint runs each published process
 * (its latest version) against the current directory and the proposed one, and every proof that
 * holds now but fails after is listed, in both languages, for the administrator to see before saving.
 */
import type { ChangeResult } from '@flowform/api';
import {
  type DefinitionBundle,
  type InMemoryDirectory,
  type LintProblem,
  type LocalizedText,
  lintDefinition,
} from '@flowform/engine';
import type { ServerContext } from '../server-context';
import { latestVersions } from '../services/definition-catalog';

type BrokenProof = ChangeResult['preview']['brokenProofs'][number];
type ProofCode = BrokenProof['code'];

/** The proofs a directory change can break, each with what it means in both languages. */
export const PROOF_SENTENCES: Record<ProofCode, LocalizedText> = {
  'assignment-unsatisfiable': {
    'zh-CN': '目录中没有人能办理这一步',
    en: 'nobody in the directory can take this step',
  },
  'assignment-empty-after-exclusion': {
    'zh-CN': '排除不相容人员（职责分离）后没有人能办理这一步',
    en: 'after separation of duties nobody may take this step',
  },
  'notify-audience-cannot-read': {
    'zh-CN': '收到通知的人无权查看所通知的案件',
    en: 'people notified may not open the case they are told about',
  },
  'self-approval-path': {
    'zh-CN': '同一人可能在同一路径上既办理又审批',
    en: 'one person could perform a step and approve it on the same path',
  },
};

const isProof = (code: string): code is ProofCode => Object.hasOwn(PROOF_SENTENCES, code);
const keyOf = (p: LintProblem) => `${p.code} ${p.path} ${p.message}`;

/** The state a definition pointer is in (`/machine/states/a/states/b/task…` → `a.b`), if any. */
export function stateOfPath(path: string): string | null {
  const parts = path.split('/');
  if (parts[1] !== 'machine' || parts[2] !== 'states' || !parts[3]) return null;
  const ids = [parts[3]];
  for (let i = 4; parts[i] === 'states' && parts[i + 1]; i += 2) ids.push(parts[i + 1]!);
  return ids.join('.');
}

/** Lint of today's directory, per directory version and process version (published ones never change). */
const todays = new Map<string, Set<string>>();

function proofsNow(bundle: DefinitionBundle, directory: InMemoryDirectory, at: string): Set<string> {
  const cached = todays.get(at);
  if (cached) return cached;
  const found = lintDefinition(bundle.definition, { forms: bundle.forms, directory });
  const keys = new Set(found.filter((p) => isProof(p.code)).map(keyOf));
  if (todays.size > 200) todays.clear();
  todays.set(at, keys);
  return keys;
}

/**
 * The proofs each published process passes against `was` (the directory at `wasVersion`) and fails
 * against `will`, and every `assignment-unsatisfiable` of `will` (the rules that would find nobody).
 */
export async function proofBreaks(
  ctx: ServerContext,
  was: InMemoryDirectory,
  wasVersion: string,
  will: InMemoryDirectory,
): Promise<{ broken: BrokenProof[]; unresolved: ChangeResult['preview']['unresolvedRules'] }> {
  const broken: BrokenProof[] = [];
  const unresolved: ChangeResult['preview']['unresolvedRules'] = [];
  for (const [key, version] of await latestVersions(ctx)) {
    const bundle = await ctx.runtime.definitions.get(key, version);
    const after = lintDefinition(bundle.definition, { forms: bundle.forms, directory: will });
    for (const p of after.filter((f) => f.code === 'assignment-unsatisfiable'))
      unresolved.push({ processKey: key, version, path: p.path, code: p.code, message: p.message });
    const before = proofsNow(bundle, was, `${wasVersion}:${key}@${version}`);
    const listed = new Set<string>();
    for (const p of after) {
      if (!isProof(p.code) || before.has(keyOf(p))) continue;
      const stateId = stateOfPath(p.path);
      // one entry per step and finding: a step's rule and its fallback failing alike are one problem
      const seen = `${p.code} ${stateId} ${p.message}`;
      if (listed.has(seen)) continue;
      listed.add(seen);
      const name = bundle.definition.name;
      const sentence = PROOF_SENTENCES[p.code];
      const at = stateId ? { 'zh-CN': `（${stateId}）`, en: ` (${stateId})` } : { 'zh-CN': '', en: '' };
      broken.push({
        processKey: key,
        processName: name,
        version,
        code: p.code,
        path: p.path,
        stateId,
        sentence: {
          'zh-CN': `流程「${name['zh-CN']}」：${sentence['zh-CN']}${at['zh-CN']}`,
          en: `Process "${name.en}": ${sentence.en}${at.en}`,
        },
        detail: p.message,
      });
    }
  }
  return { broken, unresolved };
}
