/**
 * Real objects met during the run, so path ids and bodies reach past "not found": cases and their
 * tasks (with who holds them), task forms and outcomes, attachments, notifications (per owner),
 * definition keys with their start forms and bundles, and the cursors lists handed out. Filled from
 * every successful response by `harvest`.
 */
import type { JsonSchema } from './openapi-operations';

export interface TaskInfo {
  caseId?: string;
  holders: string[];
  outcomes: { key: string; requiresComment: boolean }[];
  form?: JsonSchema;
  returnTargets: string[];
}

export interface LiveObjects {
  cases: string[];
  tasks: Map<string, TaskInfo>;
  attachments: { caseId: string; id: string }[];
  /** Notification ids by owner. */
  notifications: Map<string, string[]>;
  definitionKeys: string[];
  startForms: Map<string, JsonSchema>;
  bundles: Map<string, unknown>;
  /** `nextCursor`s by operation. */
  cursors: Map<string, string[]>;
  harvest(seen: Harvestable): void;
}

/** A response worth reading ids from: its operation, who asked, the path ids used, the JSON body. */
export interface Harvestable {
  operation: string;
  user: string | undefined;
  params: Record<string, string>;
  status: number;
  json: unknown;
}

const CAP = 300;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely here; the checker validated them
type Loose = any;

export function liveObjects(): LiveObjects {
  const live: Omit<LiveObjects, 'harvest'> = {
    cases: [],
    tasks: new Map(),
    attachments: [],
    notifications: new Map(),
    definitionKeys: [],
    startForms: new Map(),
    bundles: new Map(),
    cursors: new Map(),
  };
  const add = <T>(list: T[], item: T) => {
    if (item === undefined || item === null || list.includes(item)) return;
    list.push(item);
    if (list.length > CAP) list.shift();
  };
  const task = (id: string, patch: Partial<TaskInfo>) => {
    if (typeof id !== 'string') return;
    const known = live.tasks.get(id) ?? { holders: [], outcomes: [], returnTargets: [] };
    live.tasks.set(id, { ...known, ...patch });
    if (live.tasks.size > CAP) live.tasks.delete(live.tasks.keys().next().value!);
  };
  const summaries = (caseId: string, tasks: Loose[] | undefined) => {
    for (const t of tasks ?? []) task(t.id, { caseId, holders: t.holders ?? [] });
  };

  function harvest({ operation, user, params, status, json }: Harvestable): void {
    if (status >= 300 || !json || typeof json !== 'object') return;
    const body = json as Loose;
    if (typeof body.nextCursor === 'string') {
      const list = live.cursors.get(operation) ?? [];
      add(list, body.nextCursor);
      live.cursors.set(operation, list);
    }
    switch (operation) {
      case 'POST /api/instances':
        add(live.cases, body.id);
        summaries(body.id, body.tasks);
        break;
      case 'GET /api/instances':
        for (const item of body.items ?? []) add(live.cases, item.id);
        break;
      case 'GET /api/instances/{id}':
        summaries(body.id, body.tasks);
        for (const a of body.attachments ?? []) addAttachment(body.id, a.id);
        for (const child of body.children ?? []) if (child.instanceId) add(live.cases, child.instanceId);
        break;
      case 'GET /api/tasks':
        for (const item of body.items ?? []) {
          add(live.cases, item.instanceId);
          if (item.taskId) task(item.taskId, { caseId: item.instanceId });
        }
        break;
      case 'GET /api/tasks/{id}':
        task(body.id, {
          caseId: body.instanceId,
          holders: body.holders ?? [],
          outcomes: body.outcomes ?? [],
          ...(body.form?.schema ? { form: body.form.schema } : {}),
          returnTargets: body.returnTargets ?? [],
        });
        break;
      case 'POST /api/instances/{id}/attachments':
        if (params.id) addAttachment(params.id, body.id);
        break;
      case 'GET /api/instances/{id}/attachments':
        for (const a of body.items ?? []) if (params.id) addAttachment(params.id, a.id);
        break;
      case 'GET /api/notifications':
        if (user) {
          const mine = live.notifications.get(user) ?? [];
          for (const item of body.items ?? []) add(mine, item.id);
          live.notifications.set(user, mine);
        }
        break;
      case 'GET /api/definitions':
        for (const d of body.items ?? []) {
          add(live.definitionKeys, d.key);
          if (d.startForm?.schema) live.startForms.set(d.key, d.startForm.schema);
        }
        break;
      case 'GET /api/definitions/{key}':
        live.bundles.set(body.key, { definition: body.definition, forms: body.forms });
        if (body.definition?.startForm && body.forms?.[body.definition.startForm]?.schema)
          live.startForms.set(body.key, body.forms[body.definition.startForm].schema);
        break;
      default:
        if (operation.startsWith('POST /api/tasks/') && Array.isArray(body.tasks)) {
          for (const id of body.tasks) task(id, { caseId: body.instanceId });
        }
    }
  }

  function addAttachment(caseId: string, id: string) {
    if (!live.attachments.some((a) => a.id === id)) live.attachments.push({ caseId, id });
  }

  return { ...live, harvest };
}
