import type { ServerDb } from '../database/server-schema';
import type { WorkMessageChannel } from './work-message-channel';

/**
 * Sends a notification's text to each person through each configured work-message channel, once:
 * every delivery is recorded per (notification, person, channel), so when a channel fails the outbox
 * retries the notify effect and only those not yet reached are sent again. The person's platform
 * user id is their Flowform username (the organisation's account name on both platforms).
 */
export class WorkMessenger {
  constructor(
    private readonly db: ServerDb,
    private readonly channels: WorkMessageChannel[],
  ) {}

  get enabled(): boolean {
    return this.channels.length > 0;
  }

  /** Throws when a channel failed for someone (after trying every channel), so the outbox retries. */
  async deliver(dedupKey: string, users: string[], text: string): Promise<void> {
    const failures: string[] = [];
    for (const channel of this.channels) {
      const done = await this.db
        .selectFrom('work_messages')
        .select('username')
        .where('dedup_key', '=', dedupKey)
        .where('channel', '=', channel.name)
        .execute();
      const sent = new Set(done.map((d) => d.username));
      const pending = users.filter((u) => !sent.has(u));
      if (pending.length === 0) continue;
      try {
        await channel.send(pending, text);
      } catch (error) {
        failures.push(`${channel.name}: ${String((error as Error).message ?? error)}`);
        continue;
      }
      await this.db
        .insertInto('work_messages')
        .values(pending.map((username) => ({ dedup_key: dedupKey, username, channel: channel.name })))
        .onConflict((oc) => oc.columns(['dedup_key', 'username', 'channel']).doNothing())
        .execute();
    }
    if (failures.length > 0) throw new Error(`work message not delivered (${failures.join('; ')})`);
  }
}
