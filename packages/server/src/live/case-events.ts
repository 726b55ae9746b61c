import type { Effect } from '@flowform/engine';
import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';
import type { Logger } from '../http/logger';
import type { EventHub } from './event-hub';

/** Of the given people, those who may open the case now (the server's `readersOf`). */
export type CaseReaders = (instanceId: string, users: string[]) => Promise<string[]>;

/**
 * After every committed command: `case.changed` to everyone involved in the case (participants,
 * task holders, role holders of offered tasks), and `task.created` / `task.urged` to the people
 * the step's notify effects name — each only to those who may open the case now (`readers`), so
 * a stream never names a case its user has lost. Only people with a stream open in this process are
 * looked up: with nobody listening, a commit costs no query here. Best effort: a failure is
 * logged, never thrown.
 */
export function caseEventPublisher(db: ServerDb, hub: EventHub, log: Logger, readers: CaseReaders) {
  return (instanceId: string, effects: Effect[]): void => {
    if (!hub.anyone) return;
    const told = async () => {
      for (const effect of effects) {
        if (effect.type !== 'notify') continue;
        const type =
          effect.kind === 'urged'
            ? 'task.urged'
            : effect.kind === 'task-assigned' || effect.kind === 'returned'
              ? 'task.created'
              : undefined;
        const listening = type ? hub.listening(effect.users) : [];
        if (type && listening.length > 0)
          hub.publish(await readers(instanceId, listening), { type, instanceId, taskId: effect.taskId });
      }
      if (!hub.anyone) return;
      const involved = hub.listening(await involvedUsers(db, instanceId));
      if (involved.length > 0)
        hub.publish(await readers(instanceId, involved), { type: 'case.changed', instanceId });
    };
    void told().catch((error) => log.warn('case event failed', { instanceId, error }));
  };
}

/** Everyone who should hear that a case changed. */
async function involvedUsers(db: ServerDb, instanceId: string): Promise<string[]> {
  const result = await sql<{ username: string }>`
    select username from participants where instance_id = ${instanceId}
    union select username from cc_entries where instance_id = ${instanceId}
    union select t.assignee from tasks t where t.instance_id = ${instanceId} and t.status = 'open' and t.assignee is not null
    union select c.username from task_candidates c join tasks t on t.id = c.task_id
      where t.instance_id = ${instanceId} and c.username is not null
    union select m.username from task_candidates c join tasks t on t.id = c.task_id
      join directory_memberships m on m.role = c.role and m.unit = c.unit
      where t.instance_id = ${instanceId}`.execute(db);
  return result.rows.map((r) => r.username);
}
